package dev.ratchet.adopt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.AdoptResult;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.history.RatchetTable;
import dev.ratchet.resolve.SqlMigrationFile;

/**
 * Takes over the history another tool kept, Flyway's or Prisma's, when Ratchet's own history
 * table is absent from the migration schema: its rows become Ratchet's, in one transaction, and
 * the foreign table is left as it was, so going back stays possible. Called under the migration
 * lock, before anything else of a run.
 */
public final class Adoption {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private static final String INSERT = """
			INSERT INTO %s (installed_rank, version, description, type, script, checksum, installed_by, installed_on,
			                execution_time, success, failure)
			VALUES (?, ?, ?, ?, ?, ?, coalesce(?, current_user), coalesce(?, now()), ?, ?, ?)""";

	private final RatchetConfiguration configuration;

	private final String schema;

	private final Scripts scripts;

	/**
	 * Creates an adoption for a migration schema.
	 * @param configuration the configuration: whether to adopt, and Flyway's table name
	 * @param schema the migration schema
	 * @param files the SQL migration files found, whose checksums are verified
	 */
	public Adoption(RatchetConfiguration configuration, String schema, List<SqlMigrationFile> files) {
		this.configuration = configuration;
		this.schema = schema;
		this.scripts = new Scripts(files);
	}

	/**
	 * Reads the foreign history there is to adopt, writing nothing: Flyway's table when present,
	 * else Prisma's.
	 * @param connection the connection
	 * @return the foreign history, or {@code null} when neither table exists
	 * @throws SQLException on a database error
	 */
	public ForeignHistory find(Connection connection) throws SQLException {
		String flyway = existing(connection, this.configuration.getAdoptFlywayTable());
		String prisma = existing(connection, PrismaHistory.TABLE);
		if (flyway != null) {
			if (prisma != null) {
				logger.warn("Schema \"{}\" holds both {} and {}; adopting Flyway's", this.schema, flyway, prisma);
			}
			return FlywayHistory.read(connection, flyway, this.scripts);
		}
		return (prisma != null) ? PrismaHistory.read(connection, prisma, this.scripts) : null;
	}

	/**
	 * Reads the foreign history a {@code migrate} would adopt, on a connection of its own, for a
	 * status report: only when adoption is on.
	 * @param dataSource where the connection comes from
	 * @return the foreign history, or {@code null} when there is none or adoption is off
	 * @throws SQLException on a database error
	 */
	public ForeignHistory preview(DataSource dataSource) throws SQLException {
		if (!this.configuration.isAdoptEnabled()) {
			return null;
		}
		try (Connection connection = dataSource.getConnection()) {
			return find(connection);
		}
	}

	/**
	 * Adopts the foreign history when Ratchet's history table is absent, adoption is on, and a
	 * foreign history exists. Call under the migration lock.
	 * @param connection the migration connection; with auto-commit on, the adoption is one
	 * transaction of its own, otherwise it joins the caller's
	 * @param history Ratchet's history table, absent
	 * @return what was adopted, or {@code null} when nothing was
	 * @throws SQLException on a database error
	 */
	public ForeignHistory adoptIfPresent(Connection connection, HistoryTable history) throws SQLException {
		if (!this.configuration.isAdoptEnabled()) {
			return null;
		}
		ForeignHistory foreign = find(connection);
		if (foreign != null) {
			write(connection, history, foreign);
		}
		return foreign;
	}

	/**
	 * Adopts the foreign history, whether or not adoption at {@code migrate} is on: the
	 * {@code adopt} command. Call under the migration lock.
	 * @param connection the migration connection, auto-commit on
	 * @param history Ratchet's history table
	 * @return what was adopted, or why nothing was
	 * @throws SQLException on a database error
	 */
	public AdoptResult adopt(Connection connection, HistoryTable history) throws SQLException {
		if (history.exists(connection)) {
			return AdoptResult.nothing("Nothing to adopt: schema \"" + this.schema + "\" already has Ratchet's history "
					+ history.getQualifiedName() + ".");
		}
		ForeignHistory foreign = find(connection);
		if (foreign == null) {
			return AdoptResult.nothing("Nothing to adopt: schema \"" + this.schema + "\" has neither Flyway's history "
					+ "table \"" + this.configuration.getAdoptFlywayTable() + "\" (ratchet.adopt.flyway-table) nor "
					+ "Prisma's \"" + PrismaHistory.TABLE + "\".");
		}
		write(connection, history, foreign);
		return new AdoptResult(foreign.tool(), foreign.table(), foreign.rows().size(), foreign.changed(),
				foreign.failed(), foreign.notes());
	}

	private void write(Connection connection, HistoryTable history, ForeignHistory foreign) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		if (autoCommit) {
			connection.setAutoCommit(false);
		}
		try {
			history.create(connection);
			try (PreparedStatement statement = connection
				.prepareStatement(String.format(INSERT, history.getQualifiedName()))) {
				for (AppliedMigration row : foreign.rows()) {
					bind(statement, row);
					statement.addBatch();
				}
				statement.executeBatch();
			}
			if (autoCommit) {
				connection.commit();
			}
		}
		catch (SQLException | RuntimeException ex) {
			if (autoCommit) {
				connection.rollback();
			}
			throw ex;
		}
		finally {
			if (autoCommit) {
				connection.setAutoCommit(true);
			}
		}
		log(history, foreign);
	}

	private static void bind(PreparedStatement statement, AppliedMigration row) throws SQLException {
		statement.setInt(1, row.installedRank());
		statement.setString(2, (row.version() != null) ? row.version().toString() : null);
		statement.setString(3, row.description());
		statement.setString(4, row.type().name());
		statement.setString(5, row.script());
		statement.setString(6, row.checksum());
		statement.setString(7, row.installedBy());
		statement.setObject(8, (row.installedOn() != null) ? row.installedOn().atOffset(ZoneOffset.UTC) : null,
				Types.TIMESTAMP_WITH_TIMEZONE);
		statement.setInt(9, row.executionTimeMs());
		statement.setBoolean(10, row.success());
		statement.setString(11, row.failure());
	}

	private void log(HistoryTable history, ForeignHistory foreign) {
		logger.info("Adopted {} {} from {} ({}) into {}; {} is left as it was", foreign.rows().size(),
				(foreign.rows().size() == 1) ? "row" : "rows", foreign.table(), foreign.tool(),
				history.getQualifiedName(), foreign.table());
		foreign.notes().forEach((note) -> logger.info("Adoption: {}", note));
		foreign.changed().forEach((script) -> logger.warn("Adoption: {} no longer matches the checksum {} recorded: it "
				+ "is CHANGED until you revert the edit or run repair", script, foreign.tool()));
		foreign.failed().forEach((script) -> logger.warn("Adoption: {} failed under {}: it blocks migrate until you "
				+ "complete or undo it by hand and run repair", script, foreign.tool()));
	}

	private String existing(Connection connection, String table) throws SQLException {
		String qualified = RatchetTable.quote(this.schema) + "." + RatchetTable.quote(table);
		try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			statement.setString(1, qualified);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1) ? qualified : null;
			}
		}
	}

}
