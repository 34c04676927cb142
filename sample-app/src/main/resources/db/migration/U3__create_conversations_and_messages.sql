-- Undoes V3: conversations and their messages go, with the view that reads them.
DROP VIEW IF EXISTS chatbot_stats;
DROP TABLE messages;
DROP TABLE conversations;
