package dev.ratchet.adopt;

import java.util.List;

import dev.ratchet.history.AppliedMigration;

/**
 * Another tool's migration history, read and turned into rows of Ratchet's history table.
 * @param tool {@code Flyway} or {@code Prisma}
 * @param table the foreign table, quoted and schema-qualified
 * @param rows the rows to record, in order of application
 * @param changed the scripts of applied versioned migrations whose file no longer matches the
 * checksum the tool recorded
 * @param failed the scripts of migrations the tool recorded as failed or unfinished
 * @param notes what was left out, and why, one sentence each
 */
public record ForeignHistory(String tool, String table, List<AppliedMigration> rows, List<String> changed,
		List<String> failed, List<String> notes) {

	public ForeignHistory {
		rows = List.copyOf(rows);
		changed = List.copyOf(changed);
		failed = List.copyOf(failed);
		notes = List.copyOf(notes);
	}

}
