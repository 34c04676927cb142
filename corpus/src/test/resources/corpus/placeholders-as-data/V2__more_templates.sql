INSERT INTO mail_template VALUES ('digest', '${count} new messages', '${items}');
UPDATE mail_template SET body = render(body, 'ttl', '30') WHERE code = 'reset';
