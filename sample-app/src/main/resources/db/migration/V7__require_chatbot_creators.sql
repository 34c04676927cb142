-- From now on every chatbot has a creator. NOT VALID: PostgreSQL enforces the check on new and
-- updated rows at once, without scanning the table under an exclusive lock. The chatbots that 6.2
-- could not assign (its ledger of failed items: --ratchet.command=status) keep no creator until
-- their creator has a user and --ratchet.command=retry-failed assigned them; a later migration then
-- runs ALTER TABLE chatbots VALIDATE CONSTRAINT chatbots_creator_id_not_null.
ALTER TABLE chatbots ADD CONSTRAINT chatbots_creator_id_not_null CHECK (creator_id IS NOT NULL) NOT VALID;
