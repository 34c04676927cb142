CREATE OR REPLACE FUNCTION account_touch() RETURNS trigger
    LANGUAGE plpgsql
AS $function$
BEGIN
    -- keep the timestamp fixed so that two databases can be compared; a real one uses now()
    NEW.updated_at := TIMESTAMPTZ '2026-01-01 00:00:00+00';
    IF NEW.balance < 0 THEN
        RAISE EXCEPTION 'balance of account % would be negative; refused', NEW.id;
    END IF;
    RETURN NEW;
END;
$function$;

CREATE TRIGGER account_touch BEFORE INSERT OR UPDATE ON account
    FOR EACH ROW EXECUTE FUNCTION account_touch();

-- A function that builds SQL: the inner dollar quote has its own tag.
CREATE FUNCTION account_count(p_owner text) RETURNS bigint
    LANGUAGE plpgsql STABLE
AS $fn$
DECLARE
    result bigint;
BEGIN
    EXECUTE format($q$SELECT count(*) FROM account WHERE owner = %L; $q$, p_owner) INTO result;
    RETURN result;
END
$fn$;

CREATE FUNCTION account_log_statement() RETURNS trigger LANGUAGE plpgsql AS '
BEGIN
    INSERT INTO account_log (account_id, action, detail) VALUES (-1, TG_OP, ''statement; level'');
    RETURN NULL;
END;';

CREATE TRIGGER account_truncate_log AFTER TRUNCATE ON account_archive
    FOR EACH STATEMENT EXECUTE PROCEDURE account_log_statement();

COMMENT ON FUNCTION account_count(text) IS 'Counts accounts of an owner; uses EXECUTE with format()';
