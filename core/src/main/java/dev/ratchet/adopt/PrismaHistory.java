package dev.ratchet.adopt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RatchetException;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.resolve.SqlMigrationFile;

/**
 * Reads Prisma's {@code _prisma_migrations} and turns its rows into Ratchet's, in the order Prisma
 * started them. Migration {@code <digits>_<name>} is version {@code <digits>}, description
 * {@code <name>}, script {@code <digits>_<name>/migration.sql}. A row with {@code finished_at} set
 * and no {@code rolled_back_at} is an applied migration; a row rolled back is left out (the
 * migration is pending again unless a later row applied it); a row started and never finished
 * (Prisma's P3009 state) is a failed entry carrying Prisma's {@code logs}. Prisma records no
 * database user: the installer is the table's owner, the role that ran Prisma's first migration.
 * <p>
 * Prisma's checksum (SHA-256 of {@code migration.sql}) is verified against the file as Prisma does:
 * when it matches, the row gets Ratchet's checksum of the file; when it does not, it keeps Prisma's
 * ({@code prisma:<sha256>}), so the migration is {@code CHANGED} until {@code repair}.
 */
final class PrismaHistory {

	static final String TOOL = "Prisma";

	static final String TABLE = "_prisma_migrations";

	private static final Pattern NAME = Pattern.compile("(\\d+)_(.*)");

	private static final String SELECT = """
			SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, logs
			FROM %s ORDER BY started_at, finished_at NULLS LAST, migration_name""";

	private static final String OWNER = "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = to_regclass(?)";

	private PrismaHistory() {
	}

	static ForeignHistory read(Connection connection, String table, Scripts scripts) throws SQLException {
		String owner = owner(connection, table);
		List<AppliedMigration> rows = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(String.format(SELECT, table))) {
			while (rs.next()) {
				String name = rs.getString(1);
				Instant started = instant(rs.getTimestamp(3));
				Instant finished = instant(rs.getTimestamp(4));
				if (rs.getTimestamp(5) != null) {
					notes.add("Left out Prisma's row of " + name + " rolled back on " + instant(rs.getTimestamp(5))
							+ ": unless a later row applied it, it is pending again.");
					continue;
				}
				Matcher matcher = NAME.matcher((name != null) ? name : "");
				if (!matcher.matches() || !MigrationVersion.isValid(matcher.group(1))) {
					throw new RatchetException("Cannot adopt " + table + ": migration '" + name + "' is not named "
							+ "<digits>_<name>, as Prisma names them. Fix or delete that row, or turn adoption off "
							+ "(ratchet.adopt.enabled=false).");
				}
				MigrationVersion version = MigrationVersion.parse(matcher.group(1));
				String description = matcher.group(2).isEmpty() ? name : matcher.group(2);
				String script = name + "/migration.sql";
				String checksum = verify(rs.getString(2), scripts.versioned(version));
				boolean success = finished != null;
				if (success && checksum != null && checksum.startsWith("prisma:") && scripts.versioned(version) != null) {
					changed.add(script);
				}
				String failure = null;
				if (!success) {
					failed.add(script);
					String logs = rs.getString(6);
					failure = "Prisma started " + name + " on " + started + " and never finished it (Prisma's P3009 "
							+ "state); Prisma's log: " + ((logs != null && !logs.isBlank()) ? logs.strip() : "none");
				}
				long millis = success ? Math.max(0, Duration.between(started, finished).toMillis()) : 0;
				rows.add(new AppliedMigration(rows.size() + 1, version, description, MigrationType.SQL, script, checksum,
						owner, success ? finished : started, (int) Math.min(Integer.MAX_VALUE, millis), success, failure));
			}
		}
		return new ForeignHistory(TOOL, table, rows, changed, failed, notes);
	}

	private static String verify(String recorded, SqlMigrationFile file) {
		if (file != null && PrismaChecksum.matches(Scripts.read(file), recorded)) {
			return file.checksum();
		}
		return (recorded != null) ? "prisma:" + recorded : null;
	}

	private static String owner(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(OWNER)) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				return (rs.next() && rs.getString(1) != null) ? rs.getString(1) : "prisma";
			}
		}
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
