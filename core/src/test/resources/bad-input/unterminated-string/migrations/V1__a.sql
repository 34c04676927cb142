CREATE TABLE a (name text);
INSERT INTO a VALUES ('it''s);
CREATE TABLE b (id int);
