-- The event is written before its stream within one transaction: the foreign key is deferred.
INSERT INTO event (stream_id, version, type, payload, metadata)
VALUES ('order-1', 1, 'OrderPlaced', '{"items": [{"sku": "A-1", "qty": 2}]}', '{"correlationId": "c-1"}');
INSERT INTO stream (id, version) VALUES ('order-1', 1);
INSERT INTO subscription VALUES ('projector', NULL, 1000);
INSERT INTO maintenance_window (during) VALUES ('[2026-01-01 00:00+00, 2026-01-01 02:00+00)');
