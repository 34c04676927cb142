-- written on Windows
CREATE TABLE a (
  id int,
  note text
);
INSERT INTO a VALUES (1, 'two
lines');
