CREATE TABLE a (id int, name text);
COPY a (id, name) FROM stdin;
1	one
\.
