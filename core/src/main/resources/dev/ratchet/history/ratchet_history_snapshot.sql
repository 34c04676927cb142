-- The schema snapshot of the last run, <history>_snapshot: one row, the objects as a jsonb array,
-- and the catalog token of the state it was read from when it equals the live schema (else NULL).
-- %TABLE_NAME% stands for the quoted, schema-qualified name.
CREATE TABLE IF NOT EXISTS %TABLE_NAME% (
    taken_on timestamptz NOT NULL DEFAULT now(),
    objects jsonb NOT NULL,
    catalog_token text
);
-- Snapshot tables made before the token was kept gain its column.
ALTER TABLE %TABLE_NAME% ADD COLUMN IF NOT EXISTS catalog_token text
