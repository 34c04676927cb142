CREATE TABLE a (id int);
COMMIT;
CREATE TABLE b (id int);
