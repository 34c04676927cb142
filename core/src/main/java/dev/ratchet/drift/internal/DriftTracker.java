package dev.ratchet.drift.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import dev.ratchet.drift.DriftReport;
import dev.ratchet.drift.SchemaDifference;
import dev.ratchet.history.RatchetTable;

/**
 * Keeps the snapshot of the managed schema beside the history table, and compares the live schema
 * with it. The snapshot records the schema as Ratchet's migrations left it: after a run it takes
 * in what the run's migrations changed (the live schema before the run compared with after), and
 * keeps every difference made by hand, so that drift stays visible until it is undone or accepted
 * ({@link #accept(Connection)}). One instance per operation; not thread-safe.
 */
public final class DriftTracker {

	private final String schema;

	private final SnapshotTable table;

	private final List<String> ratchetTables;

	private final DriftFilter filter;

	private SnapshotTable.Stored stored;

	private SchemaSnapshot before;

	// The check found the snapshot equal to the live schema (by fingerprint), so read neither.
	private boolean unchanged;

	/**
	 * Creates a tracker for the schema a history table is in.
	 * @param schema the schema
	 * @param historyTable the history table's name; its snapshot table is named after it
	 */
	public DriftTracker(String schema, String historyTable) {
		this(schema, historyTable, DriftFilter.ALL);
	}

	/**
	 * Creates a tracker that looks only at what a filter lets through.
	 * @param schema the schema
	 * @param historyTable the history table's name
	 * @param filter which objects count ({@code ratchet.drift.enabled}, {@code ratchet.drift.ignore})
	 */
	public DriftTracker(String schema, String historyTable, DriftFilter filter) {
		this.filter = filter;
		this.schema = schema;
		this.table = new SnapshotTable(RatchetTable.SNAPSHOT.qualifiedName(schema, historyTable));
		this.ratchetTables = RatchetTable.tableNames(historyTable);
	}

	/**
	 * Returns the name of the snapshot table kept beside a history table.
	 * @param historyTable the history table's name
	 * @return for example {@code ratchet_history_snapshot}
	 */
	public static String tableName(String historyTable) {
		return RatchetTable.SNAPSHOT.tableName(historyTable);
	}

	/**
	 * Returns whether there is a snapshot to compare with (always {@code true} when drift detection is
	 * off, as nothing would be taken), in one or two cheap queries: for a caller that defers the
	 * comparison but must not defer taking the first snapshot.
	 * @param connection the connection
	 * @return whether a snapshot is stored
	 * @throws SQLException on a database error
	 */
	public boolean hasSnapshot(Connection connection) throws SQLException {
		return !this.filter.isEnabled() || this.table.holdsSnapshot(connection);
	}

	/**
	 * Compares the live schema with the snapshot. When the catalog is in the state the snapshot was
	 * read from (its {@link CatalogToken} is the one stored), two cheap queries; else the snapshot and
	 * the live schema are fingerprinted on the server (one more), and compared object by object when
	 * those differ (two more). A snapshot found equal that way gets the live token stored with it,
	 * so that the next check is a cheap one again.
	 * @param connection the connection
	 * @return the differences
	 * @throws SQLException on a database error
	 */
	public DriftReport check(Connection connection) throws SQLException {
		if (!this.filter.isEnabled()) {
			return DriftReport.NO_SNAPSHOT;
		}
		SnapshotTable.Shape shape = this.table.shape(connection);
		if (!shape.exists()) {
			return DriftReport.NO_SNAPSHOT;
		}
		String token;
		if (shape.keepsToken()) {
			SnapshotTable.Probe probe = this.table.probe(connection, this.schema, this.ratchetTables);
			if (probe == null) {
				return DriftReport.NO_SNAPSHOT;
			}
			if (probe.unchanged()) {
				this.unchanged = true;
				return new DriftReport(probe.takenOn(), List.of());
			}
			token = probe.live();
		}
		else {
			token = CatalogToken.read(connection, this.schema, this.ratchetTables);
		}
		Instant unchangedSince = this.table.matchingLive(connection, this.schema, this.ratchetTables);
		if (unchangedSince != null) {
			this.unchanged = true;
			this.table.keepToken(connection, unchangedSince, token, this.schema, this.ratchetTables,
					!shape.keepsToken());
			return new DriftReport(unchangedSince, List.of());
		}
		this.stored = this.table.readExisting(connection);
		if (this.stored == null) {
			return DriftReport.NO_SNAPSHOT;
		}
		this.before = CatalogReader.read(connection, this.schema, this.ratchetTables);
		List<SchemaDifference> differences = this.stored.snapshot().differencesTo(this.before);
		if (!differences.isEmpty()) {
			Set<String> partitions = CatalogReader.partitions(connection, this.schema);
			Predicate<SchemaObject> leftOut = (object) -> this.filter.leavesOut(object, partitions);
			differences = this.stored.snapshot().without(leftOut).differencesTo(this.before.without(leftOut));
		}
		return new DriftReport(this.stored.takenOn(), differences);
	}

	/**
	 * Records a migrate run in the snapshot, under the migration lock, after {@link #check(Connection)}.
	 * Does nothing when the run changed nothing and a snapshot exists.
	 * @param connection the connection
	 * @param changed whether the run applied anything (or failed part-way)
	 * @throws SQLException on a database error
	 */
	public void recordRun(Connection connection, boolean changed) throws SQLException {
		if ((this.stored != null || this.unchanged || !this.filter.isEnabled()) && !changed) {
			return;
		}
		if (this.unchanged || this.stored == null) {
			// The snapshot was the live schema before the run (or there was none), so with the run's
			// changes it is the schema now: the server reads and stores it without sending it here.
			this.table.writeLive(connection, this.schema, this.ratchetTables);
			return;
		}
		SchemaSnapshot after = CatalogReader.read(connection, this.schema, this.ratchetTables);
		// It keeps the differences made by hand, so it is not the live schema: it gets no token.
		write(connection, this.stored.snapshot().withChanges(this.before, after), null);
	}

	private void write(Connection connection, SchemaSnapshot snapshot, String token) throws SQLException {
		this.table.write(connection, snapshot, token);
	}

	/**
	 * Takes the live schema as the snapshot, accepting every difference, under the migration lock.
	 * @param connection the connection
	 * @return the differences accepted (none when there was no snapshot yet)
	 * @throws SQLException on a database error
	 */
	public List<SchemaDifference> accept(Connection connection) throws SQLException {
		SnapshotTable.Stored current = this.table.read(connection);
		String token = CatalogToken.read(connection, this.schema, this.ratchetTables);
		SchemaSnapshot live = CatalogReader.read(connection, this.schema, this.ratchetTables);
		List<SchemaDifference> accepted = (current != null) ? current.snapshot().differencesTo(live) : List.of();
		if (current == null || !accepted.isEmpty()) {
			write(connection, live, token);
		}
		return accepted;
	}

}
