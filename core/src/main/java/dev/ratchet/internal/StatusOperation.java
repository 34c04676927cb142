package dev.ratchet.internal;

import java.sql.SQLException;
import java.util.List;

import dev.ratchet.Inspection;
import dev.ratchet.MigrationEvent;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.StatusReport;
import dev.ratchet.adopt.ForeignHistory;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.internal.StatusCalculator.Outcome;

/**
 * {@code status} and {@code inspect}: reads the history without the lock and reports every
 * migration's state, with the lint of the pending ones (and the lock holder, for an inspection).
 * @param configuration the configuration
 * @param calculator works out the state of each migration
 * @param preflight lints the pending migrations
 * @param reader reads the history
 * @param events where the status-checked event goes
 */
record StatusOperation(RatchetConfiguration configuration, StatusCalculator calculator, Preflight preflight,
		StatusReader reader, Events events) {

	Inspection read(List<ResolvedMigration> resolved, boolean withLockHolder) {
		try {
			StatusReader.Reading reading = this.reader.read(withLockHolder);
			HistoryTable history = reading.history();
			String problem = (reading.unknownObjects() != null && !this.configuration.isBaselineOnMigrate())
					? SchemaContents.unknownSchemaProblem(history.getSchema(), history.getTable(), reading.unknownObjects())
					: null;
			List<AppliedMigration> rows = reading.rows();
			// Before adoption, status shows the Flyway or Prisma history migrate would adopt.
			ForeignHistory foreign = (reading.unknownObjects() != null) ? AdoptOperation
				.adoption(this.configuration, history.getSchema(), resolved)
				.preview(this.configuration.getDataSource()) : null;
			if (foreign != null) {
				rows = foreign.rows();
				problem = null;
			}
			Outcome outcome = this.calculator.calculate(history.getSchema(), history.getTable(), resolved, rows,
					problem);
			StatusReport computed = outcome.report();
			StatusReport report = new StatusReport(computed.schema(), computed.table(), computed.currentVersion(),
					computed.migrations(), computed.problems(),
					this.preflight.lint(outcome.pending(), history.getSchema()));
			this.events.publish(new MigrationEvent.StatusChecked(report));
			return new Inspection(report, reading.lockHolder());
		}
		catch (SQLException ex) {
			throw OperationRunner.databaseError("read the migration history", ex);
		}
	}

}
