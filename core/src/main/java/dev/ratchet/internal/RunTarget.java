package dev.ratchet.internal;

import dev.ratchet.history.HistoryTable;
import dev.ratchet.lock.AdvisoryLock;

/**
 * What a run works on: the schema Ratchet manages and the name of its history table there. The
 * migration lock is keyed by both.
 * @param schema the schema
 * @param table the history table's name
 */
record RunTarget(String schema, String table) {

	HistoryTable history() {
		return new HistoryTable(this.schema, this.table);
	}

	long lockKey() {
		return AdvisoryLock.keyFor(this.schema, this.table);
	}

}
