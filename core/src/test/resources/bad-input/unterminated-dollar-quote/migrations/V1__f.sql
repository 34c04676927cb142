CREATE TABLE a (id int);
CREATE FUNCTION f() RETURNS int AS $body$
  SELECT 1;
$Body$ LANGUAGE sql;
