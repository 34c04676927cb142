CREATE TABLE event (id bigint PRIMARY KEY, kind text NOT NULL, payload jsonb);
CREATE INDEX event_kind_old ON event (kind);
INSERT INTO event SELECT g, 'kind-' || (g % 7), jsonb_build_object('n', g) FROM generate_series(1, 500) g;
