-- Step one
CREATE TABLE ledger (id integer PRIMARY KEY, amount numeric NOT NULL);
INSERT INTO ledger VALUES (1, 10);

-- Make step one durable before step two
COMMIT;

-- Step two
CREATE INDEX ledger_amount ON ledger (amount);
