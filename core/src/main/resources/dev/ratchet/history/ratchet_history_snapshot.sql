-- The schema snapshot of the last run, <history>_snapshot: one row, the objects as a jsonb array.
-- %TABLE_NAME% stands for the quoted, schema-qualified name.
CREATE TABLE IF NOT EXISTS %TABLE_NAME% (
    taken_on timestamptz NOT NULL DEFAULT now(),
    objects jsonb NOT NULL
)
