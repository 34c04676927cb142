-- The ledger of items batched data migrations skipped, <history>_data_failures.
-- %TABLE_NAME% stands for the quoted, schema-qualified name.
CREATE TABLE IF NOT EXISTS %TABLE_NAME% (
    version text NOT NULL,
    item_key text NOT NULL,
    error text NOT NULL,
    attempts integer NOT NULL DEFAULT 1,
    failed_on timestamptz NOT NULL DEFAULT now(),
    last_attempt_on timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (version, item_key)
)
