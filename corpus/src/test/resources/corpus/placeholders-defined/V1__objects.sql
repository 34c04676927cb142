CREATE TABLE ${prefix}_setting (key text PRIMARY KEY, value text);
INSERT INTO ${prefix}_setting VALUES ('reader', '${app_role}'), ('price', '$9.99; {not a placeholder}');
GRANT SELECT ON ${prefix}_setting TO ${app_role};
COMMENT ON TABLE ${prefix}_setting IS 'Settings of ${prefix}';
