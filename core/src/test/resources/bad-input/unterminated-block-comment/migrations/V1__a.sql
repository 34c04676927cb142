CREATE TABLE a (id int);
/* old version:
CREATE TABLE b (id int);
