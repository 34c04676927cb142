CREATE TABLE a (id int);
CREATE TABLE ${tenant}_b (id int);
