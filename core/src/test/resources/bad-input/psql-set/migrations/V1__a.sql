\set tenant acme
CREATE TABLE a (id int);
