package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.ValidationException;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.internal.StatusCalculator.Outcome;

/**
 * Reads the history under the lock and checks it against the resolved migrations, baselining an
 * unknown schema first when configured to.
 * @param configuration the configuration (baseline and adoption settings)
 * @param calculator works out the state of each migration
 */
record HistoryCheck(RatchetConfiguration configuration, StatusCalculator calculator) {

	static final String BASELINE_DESCRIPTION = "<< Ratchet Baseline >>";

	/**
	 * The history read and checked against the resolved migrations.
	 * @param outcome the status and the pending work
	 * @param baselined whether a baseline was recorded first
	 * @param hasRows whether the history table had rows (so it exists)
	 * @param schemaMissing whether the history's schema did not exist (so neither did anything in it)
	 * @param tableMissing whether the history table did not exist, in a schema that did, and nothing
	 * (an adoption, a baseline) made it
	 */
	record Validated(Outcome outcome, boolean baselined, boolean hasRows, boolean schemaMissing, boolean tableMissing) {
	}

	/**
	 * Reads and validates the history.
	 * @throws ValidationException when it does not validate
	 */
	Validated readAndValidate(Connection connection, HistoryTable history, List<ResolvedMigration> resolved)
			throws SQLException {
		List<AppliedMigration> rows = history.read(connection);
		// Only a schema without a history table is unknown: an empty history (after a repair, say)
		// means Ratchet has been here, and leftovers are the user's to clean up.
		boolean baselined = false;
		boolean schemaMissing = false;
		HistoryTable.Presence presence = rows.isEmpty() ? history.presence(connection) : null;
		if (presence != null && !presence.schema()) {
			// A new tenant, say: no history to adopt, no objects to baseline over.
			schemaMissing = true;
		}
		else if (presence != null && !presence.table()) {
			// A Flyway or Prisma history is taken over first (dev.ratchet.adopt).
			if (AdoptOperation.adoption(this.configuration, history.getSchema(), resolved)
				.adoptIfPresent(connection, history) != null) {
				rows = history.read(connection);
			}
			else if (baselineUnknownSchema(connection, history, resolved)) {
				baselined = true;
				rows = history.read(connection);
			}
		}
		Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(), resolved, rows, null);
		if (!outcome.report().isValid()) {
			throw new ValidationException(outcome.report());
		}
		return new Validated(outcome, baselined, !rows.isEmpty(), schemaMissing,
				presence != null && presence.schema() && !presence.table() && rows.isEmpty());
	}

	private boolean baselineUnknownSchema(Connection connection, HistoryTable history, List<ResolvedMigration> resolved)
			throws SQLException {
		String objects = SchemaContents.describeObjects(connection, history.getSchema(), history.getTable());
		if (objects == null) {
			return false;
		}
		if (!this.configuration.isBaselineOnMigrate()) {
			String problem = SchemaContents.unknownSchemaProblem(history.getSchema(), history.getTable(), objects);
			throw new ValidationException(this.calculator
				.calculate(history.getSchema(), history.getTable(), resolved, List.of(), problem)
				.report());
		}
		history.create(connection);
		insertBaseline(connection, history, this.configuration.getBaselineVersion());
		return true;
	}

	static void insertBaseline(Connection connection, HistoryTable history, MigrationVersion version)
			throws SQLException {
		history.insert(connection, new MigrationDescriptor(version, BASELINE_DESCRIPTION, MigrationType.BASELINE,
				BASELINE_DESCRIPTION, null), 0, null);
	}

}
