-- Chatbots get a creator: the team of a shop that builds them, and the staff users who act for it
-- (Creator and Creator_User in the app our users came from). Each chatbot version records which
-- user made it.
CREATE TABLE creators (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	shop text NOT NULL UNIQUE,
	name text NOT NULL
);

CREATE TABLE creator_users (
	creator_id bigint NOT NULL REFERENCES creators (id) ON DELETE CASCADE,
	user_email text NOT NULL,
	PRIMARY KEY (creator_id, user_email)
);

-- Nullable for now: the batched Java migration 6.2 fills them for existing chatbots, batch by batch,
-- and V7 requires a creator only after that.
ALTER TABLE chatbots ADD COLUMN creator_id bigint REFERENCES creators (id);
ALTER TABLE chatbot_versions ADD COLUMN created_by text;

-- One creator per shop with chatbots; its users are the shop's staff who signed in to the app. A
-- shop where nobody signed in gets a creator without users: its chatbots cannot get an author, and
-- 6.2 records them in the ledger of failed items.
INSERT INTO creators (shop, name) SELECT DISTINCT shop, shop FROM chatbots;

INSERT INTO creator_users (creator_id, user_email)
SELECT DISTINCT c.id, s.email
FROM creators c
JOIN session s ON s.shop = c.shop
WHERE s.email IS NOT NULL;
