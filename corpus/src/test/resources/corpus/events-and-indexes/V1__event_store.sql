CREATE SEQUENCE event_position START WITH 1000 INCREMENT BY 1 CACHE 1;

CREATE TABLE stream (
    id       text PRIMARY KEY,
    version  integer NOT NULL DEFAULT 0,
    archived boolean NOT NULL DEFAULT false
);

CREATE TABLE event (
    position  bigint PRIMARY KEY DEFAULT nextval('event_position'),
    stream_id text NOT NULL REFERENCES stream (id) DEFERRABLE INITIALLY DEFERRED,
    version   integer NOT NULL,
    type      text NOT NULL,
    payload   jsonb NOT NULL,
    metadata  jsonb,
    UNIQUE (stream_id, version)
);
ALTER SEQUENCE event_position OWNED BY event.position;

CREATE INDEX event_payload ON event USING gin (payload jsonb_path_ops);
CREATE INDEX event_type_recent ON event (type, position DESC) INCLUDE (stream_id) WHERE type <> 'Heartbeat';
CREATE INDEX event_correlation ON event ((metadata ->> 'correlationId'));
CREATE INDEX stream_live ON stream (id) WHERE NOT archived;

CREATE TABLE subscription (
    name      text NOT NULL,
    partition integer,
    position  bigint,
    CONSTRAINT subscription_name_partition UNIQUE NULLS NOT DISTINCT (name, partition)
);

CREATE TABLE maintenance_window (
    id     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    during tstzrange NOT NULL,
    EXCLUDE USING gist (during WITH &&)
);
