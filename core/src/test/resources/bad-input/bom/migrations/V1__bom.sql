CREATE TABLE a (name text);
INSERT INTO a VALUES ('café');
