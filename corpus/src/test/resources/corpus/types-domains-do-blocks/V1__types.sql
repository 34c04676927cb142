DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'order_status') THEN
        CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
    END IF;
END
$$;

DO LANGUAGE plpgsql $do$
BEGIN
    CREATE TYPE money_amount AS (amount numeric(14, 2), currency char(3));
EXCEPTION
    WHEN duplicate_object THEN NULL;
END
$do$;

CREATE DOMAIN email AS text CHECK (VALUE ~* '^[^@;]+@[^@;]+$');
CREATE DOMAIN positive_qty AS integer NOT NULL DEFAULT 1 CONSTRAINT qty_positive CHECK (VALUE > 0);

CREATE TABLE IF NOT EXISTS purchase_order (
    id       serial PRIMARY KEY,
    customer email NOT NULL,
    status   order_status NOT NULL DEFAULT 'new',
    total    money_amount,
    qty      positive_qty
);
CREATE INDEX IF NOT EXISTS purchase_order_status ON purchase_order (status);
