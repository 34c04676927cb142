-- Undoes V1.
DROP TABLE session;
