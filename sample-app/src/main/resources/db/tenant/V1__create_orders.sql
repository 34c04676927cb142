-- Each shop's orders live in the shop's own schema (a tenant): the schema is first on the
-- search_path while this runs, so unqualified names land there.
CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id text NOT NULL,
    total_cents bigint NOT NULL CHECK (total_cents >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE orders IS 'Orders of the shop of schema ${ratchet:schema}';
