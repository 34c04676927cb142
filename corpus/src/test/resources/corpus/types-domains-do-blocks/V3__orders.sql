INSERT INTO purchase_order (customer, status, total, qty)
VALUES ('a@example.org', 'cancelled', ROW(12.50, 'EUR'), 2),
       ('b@example.org', 'returned', ROW(3, 'USD'), DEFAULT);
