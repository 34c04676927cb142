-- Undoes V5 without locking out writers of messages; runs without a transaction, as V5 does.
DROP INDEX CONCURRENTLY IF EXISTS messages_conversation_id_created_at_idx;
