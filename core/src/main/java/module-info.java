/**
 * Ratchet's migration engine. Only the API packages are exported: {@code dev.ratchet} (the engine,
 * its configuration, results and events), {@code dev.ratchet.data} (batched data migrations),
 * {@code dev.ratchet.drift} (drift reports), {@code dev.ratchet.lint} (lint findings and rules) and
 * {@code dev.ratchet.tenant} (tenant schemas and databases).
 * The engine's internals, the SQL reader, the history tables and the lock are not.
 */
module dev.ratchet {

	requires transitive java.sql;
	requires java.management;
	requires org.slf4j;
	// Optional: used, when present, to wake lock waiters with LISTEN/NOTIFY.
	requires static org.postgresql.jdbc;

	exports dev.ratchet;
	exports dev.ratchet.data;
	exports dev.ratchet.drift;
	exports dev.ratchet.lint;
	exports dev.ratchet.tenant;

}
