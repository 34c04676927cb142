-- A shop's chatbots, each with the prompt and model it answers with.
CREATE TABLE chatbots (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	shop text NOT NULL,
	name text NOT NULL,
	system_prompt text NOT NULL,
	model_name text NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	UNIQUE (shop, name)
);
