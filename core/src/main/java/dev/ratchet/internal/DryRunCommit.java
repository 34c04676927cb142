package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Makes one migration's dry run end as its commit would, inside the one dry-run transaction. Each
 * migration runs behind a savepoint. After it, {@code SET CONSTRAINTS ALL IMMEDIATE} checks the
 * deferred constraints and fires the deferred triggers, as its commit would; then the constraints
 * that start deferred are deferred again by name, as the next migration's own transaction would
 * find them.
 */
final class DryRunCommit {

	/** What {@code migrate}'s commit checks, and the deferral the next migration starts with. */
	private static final String COMMIT = """
			DO $$
			DECLARE
			    deferred text;
			BEGIN
			    SET CONSTRAINTS ALL IMMEDIATE;
			    SELECT string_agg(DISTINCT format('%I.%I', n.nspname, c.conname), ', ') INTO deferred
			    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
			    WHERE c.condeferred;
			    IF deferred IS NOT NULL THEN
			        EXECUTE 'SET CONSTRAINTS ' || deferred || ' DEFERRED';
			    END IF;
			END $$""";

	/** Counts enum values, to tell whether a migration of the dry run added any. */
	private static final String ENUM_VALUES = "SELECT count(*) FROM pg_enum";

	private final Connection connection;

	private final long enumValuesAtStart;

	DryRunCommit(Connection connection) throws SQLException {
		this.connection = connection;
		this.enumValuesAtStart = enumValues();
	}

	Savepoint begin() throws SQLException {
		return this.connection.setSavepoint();
	}

	/**
	 * Ends a migration that ran without error as its commit would.
	 * @throws SQLException when the commit would fail (a deferred constraint violated, say)
	 */
	void commit(Savepoint savepoint) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(COMMIT);
		}
		this.connection.releaseSavepoint(savepoint);
	}

	/**
	 * Undoes a migration whose dry run failed, so that the ones after it can still run.
	 */
	void rollback(Savepoint savepoint) throws SQLException {
		this.connection.rollback(savepoint);
	}

	/**
	 * Tells whether the migrations dry-run so far added enum values: a later one that uses such a
	 * value fails in the one dry-run transaction, though {@code migrate} commits the adding one first.
	 */
	boolean enumValuesAdded() throws SQLException {
		return enumValues() > this.enumValuesAtStart;
	}

	private long enumValues() throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet rs = statement.executeQuery(ENUM_VALUES)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
