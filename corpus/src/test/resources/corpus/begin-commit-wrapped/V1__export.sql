--
-- Exported schema
--
BEGIN;

SET LOCAL statement_timeout = 0;
SET LOCAL client_min_messages = warning;

CREATE TABLE product (
    sku   text PRIMARY KEY,
    name  text NOT NULL,
    price numeric(10, 2)
);

INSERT INTO product VALUES ('A-1', 'Anvil', 99.90), ('B-2', 'Bucket', 4.50);

COMMIT;
