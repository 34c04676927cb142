CREATE TABLE mail_template (
    code    varchar(64) PRIMARY KEY,
    subject text NOT NULL,
    body    text NOT NULL
);

INSERT INTO mail_template (code, subject, body) VALUES
    ('welcome', 'Welcome, ${user.firstName}!', 'Hello ${user.firstName},
your account ${account.id} is ready; sign in at ${app.url}/login.'),
    ('reset', 'Reset your password', E'Use this link: ${app.url}/reset?token=${token}\nIt expires in ${ttl} minutes.');

-- The marker also appears in code the database runs.
CREATE FUNCTION render(template text, name text, value text) RETURNS text
    LANGUAGE sql IMMUTABLE
AS $$ SELECT replace(template, '${' || name || '}', value) $$;
