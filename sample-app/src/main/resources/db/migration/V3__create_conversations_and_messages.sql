-- Conversations between a chatbot and a shop's customers, and their messages.
CREATE TABLE conversations (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	chatbot_id bigint NOT NULL REFERENCES chatbots (id) ON DELETE CASCADE,
	customer_id text,
	metadata jsonb NOT NULL DEFAULT '{}',
	started_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX conversations_chatbot_id_idx ON conversations (chatbot_id);

CREATE TABLE messages (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	conversation_id bigint NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
	role text NOT NULL CHECK (role IN ('user', 'assistant', 'system')),
	content text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
