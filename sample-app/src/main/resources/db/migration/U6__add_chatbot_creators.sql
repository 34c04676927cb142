-- Undoes V6: chatbots and their versions lose their creator and author again. While the batched
-- Java migration 6.2 is applied, undo refuses to go below it (a batched data migration has no undo).
ALTER TABLE chatbot_versions DROP COLUMN created_by;
ALTER TABLE chatbots DROP COLUMN creator_id;
DROP TABLE creator_users;
DROP TABLE creators;
