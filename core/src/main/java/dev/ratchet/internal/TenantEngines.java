package dev.ratchet.internal;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.ratchet.Inspection;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.StatusReport;
import dev.ratchet.internal.StatusCalculator.Outcome;

/**
 * The engines of the tenants: one per tenant, all sharing one set of migrations, resolved once, and
 * one preflight, so the files are read and checked once however many tenants there are.
 */
public final class TenantEngines {

	private final MigrationCatalog catalog;

	private final Preflight preflight;

	private final StatusCalculator calculator;

	/**
	 * Creates the engines' shared parts.
	 * @param template the tenants' configuration: their locations and settings (the schema and
	 * DataSource of each tenant's engine are its own)
	 */
	public TenantEngines(RatchetConfiguration template) {
		this.catalog = new MigrationCatalog(template);
		this.preflight = new Preflight(template, true);
		this.calculator = new StatusCalculator(template.isOutOfOrder());
	}

	/**
	 * Resolves the tenants' migrations now (once), failing as resolving fails.
	 * @return how many there are
	 */
	public int resolve() {
		return this.catalog.migrations().size();
	}

	/**
	 * Returns an engine for one tenant.
	 * @param configuration the tenant's configuration
	 * @return its engine
	 */
	public Engine engine(RatchetConfiguration configuration) {
		return new Engine(configuration, this.catalog, this.preflight);
	}

	/**
	 * Reads the status of many tenant schemas of one database in two round trips.
	 * @param dataSource the database
	 * @param table the history table's name
	 * @param schemas the tenant schemas
	 * @return each schema's inspection, in the order given
	 */
	public Map<String, Inspection> inspect(DataSource dataSource, String table, List<String> schemas) {
		Map<String, TenantStatusReader.Reading> readings;
		try {
			readings = TenantStatusReader.read(dataSource, table, schemas);
		}
		catch (SQLException ex) {
			throw OperationRunner.databaseError("read the tenants' migration history", ex);
		}
		List<ResolvedMigration> resolved = this.catalog.migrations();
		Map<String, Inspection> inspections = new LinkedHashMap<>();
		readings.forEach((schema, reading) -> {
			Outcome outcome = this.calculator.calculate(schema, table, resolved, reading.rows(), null);
			StatusReport computed = outcome.report();
			StatusReport report = new StatusReport(schema, table, computed.currentVersion(), computed.migrations(),
					computed.problems(), this.preflight.lint(outcome.pending(), schema));
			inspections.put(schema, new Inspection(report, reading.lockHolder()));
		});
		return inspections;
	}

}
