-- Undoes V7: chatbots may again have no creator.
SET LOCAL lock_timeout = '5s';
ALTER TABLE chatbots DROP CONSTRAINT chatbots_creator_id_not_null;
