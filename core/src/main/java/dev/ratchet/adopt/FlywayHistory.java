package dev.ratchet.adopt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RatchetException;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.resolve.SqlMigrationFile;

/**
 * Reads Flyway's history table ({@code flyway_schema_history} by default) and turns its rows into
 * Ratchet's. Each row keeps its rank, version, description, script, installer, time, execution
 * time and success. Flyway's types map to Ratchet's: {@code SQL} with a version is {@code SQL},
 * without one {@code REPEATABLE}; the baseline kinds are {@code BASELINE}; Java, script and custom
 * migrations are {@code JAVA}. Flyway's schema-creation marker is left out, and so are the rows an
 * undo row or a delete marker (Flyway Teams) cancelled: those versions are pending again, or gone.
 * <p>
 * Flyway's checksum of a SQL migration is verified against the file: when it matches, the row
 * gets Ratchet's checksum of the file, so the migration is {@code APPLIED}; when it does not, the
 * row keeps Flyway's value ({@code flyway:<crc>}), so a versioned migration is {@code CHANGED}
 * (until {@code repair}) and a repeatable one is applied again.
 */
final class FlywayHistory {

	static final String TOOL = "Flyway";

	private static final String SELECT = """
			SELECT installed_rank, version, description, type, script, checksum, installed_by,
			       installed_on::timestamptz, execution_time, success
			FROM %s ORDER BY installed_rank""";

	private FlywayHistory() {
	}

	static ForeignHistory read(Connection connection, String table, Scripts scripts) throws SQLException {
		List<AppliedMigration> rows = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(String.format(SELECT, table))) {
			while (rs.next()) {
				int rank = rs.getInt(1);
				String versionText = rs.getString(2);
				String flywayType = rs.getString(4);
				MigrationVersion version = version(versionText, rank, table);
				Timestamp installedOn = rs.getTimestamp(8);
				Integer checksum = (Integer) rs.getObject(6);
				Row row = new Row(rank, version, rs.getString(3), flywayType, rs.getString(5), checksum,
						rs.getString(7), (installedOn != null) ? installedOn.toInstant() : null, rs.getInt(9),
						rs.getBoolean(10));
				add(row, rows, notes);
			}
		}
		List<AppliedMigration> adopted = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		for (AppliedMigration row : rows) {
			AppliedMigration verified = verify(row, scripts);
			adopted.add(verified);
			if (!verified.success()) {
				failed.add(verified.script());
			}
		}
		for (AppliedMigration row : latest(adopted)) {
			if (row.success() && row.type() == MigrationType.SQL && row.checksum() != null
					&& row.checksum().startsWith(TOOL.toLowerCase() + ":") && scripts.versioned(row.version()) != null) {
				changed.add(row.script());
			}
		}
		return new ForeignHistory(TOOL, table, adopted, changed, failed, notes);
	}

	/**
	 * A row as Flyway wrote it; the checksum is Flyway's CRC32, not yet verified.
	 */
	private record Row(int rank, MigrationVersion version, String description, String type, String script,
			Integer checksum, String installedBy, Instant installedOn, int executionTime, boolean success) {
	}

	private static void add(Row row, List<AppliedMigration> rows, List<String> notes) {
		String type = row.type().toUpperCase(java.util.Locale.ROOT);
		if (type.equals("SCHEMA")) {
			notes.add("Left out Flyway's schema creation marker (rank " + row.rank() + "): Ratchet creates its schema "
					+ "when missing.");
			return;
		}
		if (type.startsWith("UNDO_") || type.equals("DELETE")) {
			boolean removed = rows.removeIf((earlier) -> earlier.type() != MigrationType.BASELINE
					&& Objects.equals(earlier.version(), row.version())
					&& (row.version() != null || earlier.description().equals(row.description())));
			String what = type.equals("DELETE") ? "marked as deleted" : "undone";
			notes.add("Left out Flyway's " + type + " row of " + row.script() + " (rank " + row.rank() + ")"
					+ (removed ? ": version " + row.version() + " was " + what + " by Flyway, so its earlier rows are left "
							+ "out too" + (type.equals("DELETE") ? "." : " and it is pending again.") : "."));
			return;
		}
		MigrationType ratchetType;
		if (type.equals("BASELINE") || type.endsWith("_BASELINE")) {
			ratchetType = MigrationType.BASELINE;
		}
		else if (row.version() == null) {
			ratchetType = MigrationType.REPEATABLE;
		}
		else if (type.equals("SQL")) {
			ratchetType = MigrationType.SQL;
		}
		else {
			ratchetType = MigrationType.JAVA;
		}
		String checksum = (row.checksum() != null && ratchetType != MigrationType.BASELINE)
				? TOOL.toLowerCase() + ":" + row.checksum() : null;
		String failure = row.success() ? null
				: "failed under Flyway (adopted from its history table); Flyway recorded no error message";
		rows.add(new AppliedMigration(row.rank(), row.version(), row.description(), ratchetType, row.script(), checksum,
				row.installedBy(), row.installedOn(), row.executionTime(), row.success(), failure));
	}

	private static AppliedMigration verify(AppliedMigration row, Scripts scripts) {
		if (row.checksum() == null) {
			return row;
		}
		SqlMigrationFile file = switch (row.type()) {
			case SQL -> scripts.versioned(row.version());
			case REPEATABLE -> scripts.repeatable(row.description());
			default -> null;
		};
		if (file == null) {
			return row;
		}
		int crc;
		try {
			crc = FlywayChecksum.of(new ByteArrayInputStream(Scripts.read(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!row.checksum().equals(TOOL.toLowerCase() + ":" + crc)) {
			return row;
		}
		return new AppliedMigration(row.installedRank(), row.version(), row.description(), row.type(), row.script(),
				file.checksum(), row.installedBy(), row.installedOn(), row.executionTimeMs(), row.success(),
				row.failure());
	}

	/**
	 * Returns the last row of each versioned migration, the rows that decide its state.
	 */
	private static List<AppliedMigration> latest(List<AppliedMigration> rows) {
		java.util.Map<MigrationVersion, AppliedMigration> last = new java.util.LinkedHashMap<>();
		for (AppliedMigration row : rows) {
			if (row.type() == MigrationType.SQL) {
				last.put(row.version(), row);
			}
		}
		return List.copyOf(last.values());
	}

	private static MigrationVersion version(String text, int rank, String table) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		if (!MigrationVersion.isValid(text)) {
			throw new RatchetException("Cannot adopt " + table + ": its row of rank " + rank + " has version '" + text
					+ "', which is not digits in parts separated by '.' or '_'. Fix or delete that row, or turn "
					+ "adoption off (ratchet.adopt.enabled=false).");
		}
		return MigrationVersion.parse(text);
	}

}
