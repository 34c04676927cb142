INSERT INTO customer VALUES (1, 'first'), (2, 'second');
