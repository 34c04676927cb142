-- Operators that look like comment starts or quotes to a careless reader.
CREATE VIEW article_flags AS
SELECT id,
       tags @> ARRAY['a'] AS has_a,
       meta ->> 'note' AS note,
       meta #>> '{draft}' AS draft,
       10 / 2 * 3 - -1 AS arithmetic,
       'a' || '-' || '-b' AS dashes,
       id::text || '/*' AS fake_comment
FROM "Article";

-- A statement over several lines, with the semicolon on a line of its own
UPDATE "Article"
   SET tags = array_append(tags, 'updated;')
 WHERE id IN (1, 2)
;
