/* Articles; their "slugs" and titles.
   /* nested: the old table was called 'article_old'; it's gone; */
   still in the comment; */
CREATE TABLE "Article" (
    "id"            integer PRIMARY KEY,
    "Title; Main"   text NOT NULL,          -- a column name with a semicolon; don't ask
    "quote""d"      text,
    body            text,
    tags            text[] DEFAULT '{}'::text[],
    meta            jsonb DEFAULT '{"draft": true, "note": "a;b"}'
);

INSERT INTO "Article" VALUES (1, 'It''s here; finally', 'say "hi"', E'line one\nline two;\ttabbed \\ backslash \' quote', '{a,b}', '{"k": "v; w"}');
INSERT INTO "Article" VALUES (2, U&'caf\00e9; cr\00e8me', NULL, $body$A body with 'quotes'; $$ and ; semicolons$body$, ARRAY['x;y', 'z'], '{}');
INSERT INTO "Article" VALUES (3, e'lower-case e prefix: \x41\102 and \u00e9', '--not a comment', '/* not a comment */', '{}', '[]');
insert into "Article" ("id", "Title; Main") values (4, 'ends with a backslash \');

CREATE FUNCTION article_title(integer) RETURNS text
    LANGUAGE sql STABLE
    AS 'SELECT "Title; Main" FROM "Article" WHERE id = $1';

CREATE FUNCTION article_search(q text) RETURNS SETOF "Article"
    LANGUAGE sql STABLE
    AS $$
        SELECT * FROM "Article" WHERE "Title; Main" ILIKE '%' || q || '%'; -- semicolon inside the body
    $$;

COMMENT ON TABLE "Article" IS 'Articles; one row per article (it''s the main table)';
COMMENT ON COLUMN "Article"."Title; Main" IS E'The title\\; shown in lists';
