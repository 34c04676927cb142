-- Per-chatbot activity. Repeatable: re-applied after the versioned migrations whenever this file changes.
CREATE OR REPLACE VIEW chatbot_stats AS
SELECT c.id AS chatbot_id,
	c.shop,
	c.name,
	v.version_number AS current_version,
	count(DISTINCT conv.id) AS conversation_count,
	count(m.id) AS message_count,
	max(m.created_at) AS last_message_at
FROM chatbots c
LEFT JOIN chatbot_versions v ON v.id = c.current_version_id
LEFT JOIN conversations conv ON conv.chatbot_id = c.id
LEFT JOIN messages m ON m.conversation_id = conv.id
GROUP BY c.id, c.shop, c.name, v.version_number;
