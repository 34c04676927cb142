-- The key ranges of batched data migrations that run in parallel, <history>_data_claims: one row per
-- batch a worker claimed, with the keys it found in it, until the migration completes.
-- %TABLE_NAME% stands for the quoted, schema-qualified name.
CREATE TABLE IF NOT EXISTS %TABLE_NAME% (
    version text NOT NULL,
    claim integer NOT NULL,
    after_key text,
    last_key text NOT NULL,
    item_keys text[] NOT NULL,
    done boolean NOT NULL DEFAULT false,
    claimed_on timestamptz NOT NULL DEFAULT now(),
    done_on timestamptz,
    PRIMARY KEY (version, claim)
)
