-- Sessions of the shop app's merchants, as the Shopify app template stores them.
-- Written for PostgreSQL (timestamptz, boolean, text): no SQLite DATETIME that only fails in production.
CREATE TABLE session (
	id text PRIMARY KEY,
	shop text NOT NULL,
	state text NOT NULL,
	is_online boolean NOT NULL DEFAULT false,
	scope text,
	expires timestamptz,
	access_token text NOT NULL,
	user_id bigint,
	first_name text,
	last_name text,
	email text,
	account_owner boolean NOT NULL DEFAULT false,
	locale text,
	collaborator boolean DEFAULT false,
	email_verified boolean DEFAULT false
);

CREATE INDEX session_shop_idx ON session (shop);
