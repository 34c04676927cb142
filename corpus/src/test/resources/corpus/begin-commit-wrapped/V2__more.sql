START TRANSACTION;
ALTER TABLE product ADD COLUMN discontinued boolean NOT NULL DEFAULT false;
UPDATE product SET discontinued = true WHERE sku = 'B-2';
END;
