-- Builds the index without locking out writers of a busy messages table. PostgreSQL refuses
-- CREATE INDEX CONCURRENTLY inside a transaction; Ratchet sees that and runs this file without one.
-- Without a transaction a failure can leave an invalid index behind: dropping it first lets the
-- file simply run again after a repair.
DROP INDEX CONCURRENTLY IF EXISTS messages_conversation_id_created_at_idx;
CREATE INDEX CONCURRENTLY messages_conversation_id_created_at_idx ON messages (conversation_id, created_at);
