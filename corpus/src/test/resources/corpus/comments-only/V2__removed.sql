-- This migration created a table that was dropped again in the same release;
-- its statements were removed; the version stays so the chain is unchanged.
/*
   CREATE TABLE customer_tmp (id integer);
   DROP TABLE customer_tmp;
*/
