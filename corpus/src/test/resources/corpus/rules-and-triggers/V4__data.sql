INSERT INTO account (owner, balance) VALUES ('alice', 100), ('bob', 50);
INSERT INTO account (owner, balance) VALUES ('carol', 0);
DELETE FROM account WHERE owner = 'carol';
UPDATE account SET balance = balance - 10 WHERE owner = 'alice';

DO $$
DECLARE
    n bigint;
BEGIN
    SELECT account_count('alice') INTO n;
    IF n <> 1 THEN
        RAISE EXCEPTION 'expected one account for alice, found %', n;
    END IF;
    -- A nested DO would need another tag: $inner$ ... $inner$
    EXECUTE $inner$INSERT INTO account_log (account_id, action, detail) VALUES (0, 'check', 'ok; done')$inner$;
END
$$ LANGUAGE plpgsql;

TRUNCATE account_archive;
