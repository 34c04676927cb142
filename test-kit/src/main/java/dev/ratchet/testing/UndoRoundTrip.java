package dev.ratchet.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.ratchet.ExecutedMigration;
import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetException;
import dev.ratchet.UndoRefusedException;

/**
 * The undo round trip of {@link MigrationCheck#undoRoundTrip()}: migrates an empty database one
 * version at a time, reading a {@link SchemaFingerprint} after each, then undoes the versions from
 * the newest down, checking after each undo that the schema is the one from before that version,
 * and finally migrates again, checking that the schema is the fully migrated one.
 */
final class UndoRoundTrip {

	private final Function<String, Ratchet> ratchets;

	private final DataSource dataSource;

	private final MigrationVersion above;

	UndoRoundTrip(Function<String, Ratchet> ratchets, DataSource dataSource, MigrationVersion above) {
		this.ratchets = ratchets;
		this.dataSource = dataSource;
		this.above = above;
	}

	/**
	 * Runs the round trip on an empty database.
	 * @return what migrating one version at a time applied, as one result
	 */
	MigrateResult run() {
		Ratchet latest = this.ratchets.apply("latest");
		List<MigrationInfo> versions = step("status", latest::status).migrations()
			.stream()
			.filter((info) -> info.version() != null && info.isPending()
					&& (info.type() == MigrationType.SQL || info.type() == MigrationType.JAVA))
			.filter((info) -> this.above == null || info.version().compareTo(this.above) > 0)
			.toList();
		List<String> notUndoable = versions.stream()
			.filter((info) -> info.type() == MigrationType.JAVA)
			.map((info) -> info.version() + " (" + info.script() + ")")
			.toList();
		if (!notUndoable.isEmpty()) {
			throw new AssertionError("Undo round trip: Java migration(s) " + notUndoable + " cannot be undone; "
					+ "round trip only the versions above them, with undoRoundTripAbove(\"<version>\")");
		}
		List<ExecutedMigration> applied = new ArrayList<>();
		String schema = latest.getConfiguration().getSchema();
		String table = latest.getConfiguration().getTable();
		if (this.above != null) {
			applied.addAll(migrate(this.above.toString()).applied());
		}
		Map<MigrationVersion, SchemaFingerprint> before = new LinkedHashMap<>();
		Map<MigrationVersion, String> scripts = new LinkedHashMap<>();
		SchemaFingerprint current = SchemaFingerprint.read(this.dataSource, schema, table);
		for (MigrationInfo info : versions) {
			before.put(info.version(), current);
			scripts.put(info.version(), info.script());
			applied.addAll(migrate(info.version().toString()).applied());
			current = SchemaFingerprint.read(this.dataSource, schema, table);
		}
		MigrateResult rest = migrate("latest");
		applied.addAll(rest.applied());
		SchemaFingerprint migrated = SchemaFingerprint.read(this.dataSource, schema, table);
		List<MigrationVersion> newestFirst = new ArrayList<>(before.keySet());
		Collections.reverse(newestFirst);
		for (MigrationVersion version : newestFirst) {
			try {
				latest.undo("previous");
			}
			catch (UndoRefusedException ex) {
				throw new AssertionError("Undo round trip: version " + version + " (" + scripts.get(version)
						+ ") cannot be undone: " + String.join("; ", ex.getProblems())
						+ ". Round trip only the versions above it, with undoRoundTripAbove(\"" + version + "\")", ex);
			}
			catch (RatchetException ex) {
				throw new AssertionError("Undo round trip: undo of version " + version + " failed: " + ex.getMessage(), ex);
			}
			String difference = SchemaFingerprint.read(this.dataSource, schema, table).differenceFrom(before.get(version));
			if (!difference.isEmpty()) {
				throw new AssertionError("Undo round trip: undo of version " + version + " (" + scripts.get(version)
						+ ") did not restore the schema from before it:" + difference);
			}
		}
		migrate("latest");
		String difference = SchemaFingerprint.read(this.dataSource, schema, table).differenceFrom(migrated);
		if (!difference.isEmpty()) {
			throw new AssertionError("Undo round trip: migrating again after the undos did not give the fully "
					+ "migrated schema:" + difference);
		}
		return new MigrateResult(rest.schema(), null, rest.currentVersion(), applied, false, Duration.ZERO,
				Duration.ZERO);
	}

	private MigrateResult migrate(String target) {
		Ratchet ratchet = this.ratchets.apply(target);
		return step("migrate to target " + target, ratchet::migrate);
	}

	private static <T> T step(String name, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (RatchetException ex) {
			throw new AssertionError("Undo round trip: " + name + " failed: " + ex.getMessage(), ex);
		}
	}

}
