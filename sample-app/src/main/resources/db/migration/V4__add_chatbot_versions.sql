-- Immutable snapshots of a chatbot's prompt and model, so every conversation knows which one answered.
-- Schema change and data backfill run in one transaction: either every chatbot has its version 1 and
-- every conversation points to one, or nothing changed and the migration can simply run again.
CREATE TABLE chatbot_versions (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	chatbot_id bigint NOT NULL REFERENCES chatbots (id) ON DELETE CASCADE,
	version_number integer NOT NULL,
	system_prompt text NOT NULL,
	model_name text NOT NULL,
	config jsonb NOT NULL DEFAULT '{}',
	created_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (chatbot_id, version_number)
);

ALTER TABLE chatbots ADD COLUMN current_version_id bigint REFERENCES chatbot_versions (id);
ALTER TABLE conversations ADD COLUMN chatbot_version_id bigint REFERENCES chatbot_versions (id);

-- Backfill: version 1 of every existing chatbot, current for the chatbot and for its conversations.
INSERT INTO chatbot_versions (chatbot_id, version_number, system_prompt, model_name)
SELECT id, 1, system_prompt, model_name FROM chatbots;

UPDATE chatbots SET current_version_id = v.id
FROM chatbot_versions v
WHERE v.chatbot_id = chatbots.id AND v.version_number = 1;

UPDATE conversations SET chatbot_version_id = v.id
FROM chatbot_versions v
WHERE v.chatbot_id = conversations.chatbot_id AND v.version_number = 1;

-- The database, not a row count run by hand, now guarantees that the backfill is complete.
ALTER TABLE conversations ALTER COLUMN chatbot_version_id SET NOT NULL;

-- Prompt and model now live in the versions only.
ALTER TABLE chatbots DROP COLUMN system_prompt, DROP COLUMN model_name;
