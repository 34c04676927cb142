-- The progress of batched data migrations, <history>_data: one row per migration that ever started.
-- %TABLE_NAME% stands for the quoted, schema-qualified name.
CREATE TABLE IF NOT EXISTS %TABLE_NAME% (
    version text PRIMARY KEY,
    description text NOT NULL,
    script text NOT NULL,
    state text NOT NULL,
    last_key text,
    processed bigint NOT NULL DEFAULT 0,
    batches bigint NOT NULL DEFAULT 0,
    total bigint,
    elapsed_ms bigint NOT NULL DEFAULT 0,
    started_on timestamptz NOT NULL DEFAULT now(),
    updated_on timestamptz NOT NULL DEFAULT now(),
    completed_on timestamptz,
    failure text
);
-- Operators' state changes (pause, resume, cancel): who made the last one, and when. Added to tables
-- made by earlier versions too.
ALTER TABLE %TABLE_NAME% ADD COLUMN IF NOT EXISTS changed_by text, ADD COLUMN IF NOT EXISTS changed_on timestamptz
