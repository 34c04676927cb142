CREATE OR REPLACE VIEW shop_totals AS
SELECT s.domain, coalesce(sum(o.total), 0) AS total
FROM shops s LEFT JOIN orders o ON o.shop_id = s.id
GROUP BY s.domain;
