-- Each insert is logged and counted; two statements run for one rule; the semicolons
-- between them are inside the parentheses.
CREATE RULE account_insert_log AS ON INSERT TO account
    DO ALSO (
        INSERT INTO account_log (account_id, action, detail) VALUES (NEW.id, 'insert', 'owner=' || NEW.owner);
        UPDATE account_stats SET value = value + 1 WHERE name = 'inserts';
    );

CREATE OR REPLACE RULE account_delete_archive AS ON DELETE TO account
    DO ALSO (INSERT INTO account_archive SELECT OLD.*; UPDATE account_stats SET value = value + 1 WHERE name = 'deletes');

-- Writes to the archive through a view are ignored (read-only view, no error).
CREATE VIEW account_archive_view AS SELECT id, owner, balance FROM account_archive;
CREATE RULE account_archive_view_no_insert AS ON INSERT TO account_archive_view DO INSTEAD NOTHING;
