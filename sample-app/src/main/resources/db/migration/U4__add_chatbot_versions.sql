-- Undoes V4: prompt and model move back onto chatbots (from each chatbot's current version), and the
-- versions go. The chatbot_stats view (R__chatbot_stats_view.sql) reads the versions: it goes first,
-- and the next migrate applies it again after V4.
DROP VIEW IF EXISTS chatbot_stats;

ALTER TABLE chatbots ADD COLUMN system_prompt text, ADD COLUMN model_name text;

UPDATE chatbots SET system_prompt = v.system_prompt, model_name = v.model_name
FROM chatbot_versions v
WHERE v.id = chatbots.current_version_id;

ALTER TABLE chatbots ALTER COLUMN system_prompt SET NOT NULL, ALTER COLUMN model_name SET NOT NULL;
ALTER TABLE conversations DROP COLUMN chatbot_version_id;
ALTER TABLE chatbots DROP COLUMN current_version_id;
DROP TABLE chatbot_versions;
