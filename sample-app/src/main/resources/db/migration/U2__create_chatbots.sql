-- Undoes V2.
DROP TABLE chatbots;
