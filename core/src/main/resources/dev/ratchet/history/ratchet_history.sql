-- The history table: one row per applied migration.
-- %TABLE_NAME% stands for the quoted, schema-qualified name (ratchet.schema, ratchet.table).
-- undo_checksum (the checksum of the migration's U script when it was applied) came later: tables
-- created before it get it from HistoryTable.upgrade.
CREATE TABLE IF NOT EXISTS %TABLE_NAME% (
    installed_rank integer PRIMARY KEY,
    version text,
    description text NOT NULL,
    type text NOT NULL,
    script text NOT NULL,
    checksum text,
    installed_by text NOT NULL DEFAULT current_user,
    installed_on timestamptz NOT NULL DEFAULT now(),
    execution_time integer NOT NULL,
    success boolean NOT NULL,
    failure text,
    undo_checksum text
)
