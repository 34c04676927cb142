-- Undoes V7: chatbots may again have no creator.
ALTER TABLE chatbots DROP CONSTRAINT chatbots_creator_id_not_null;
