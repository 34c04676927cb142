CREATE INDEX messages_body ON messages (body);
