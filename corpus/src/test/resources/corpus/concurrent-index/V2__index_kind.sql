-- Builds without blocking writes; PostgreSQL refuses this inside a transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS event_kind_payload ON event (kind, (payload ->> 'n'));
