package dev.ratchet;

/**
 * Thrown when a migration fails while it is applied. The message names the script, the line of the
 * statement, an excerpt of it, the SQLSTATE and PostgreSQL's message, and says what state the
 * database is in and what to do; {@link #getFailure()} holds the same details one by one.
 */
public class MigrationFailedException extends RatchetException {

	private static final long serialVersionUID = 1L;

	private final transient MigrationDescriptor migration;

	private final MigrationFailure failure;

	private final boolean transactional;

	/**
	 * Creates a new instance.
	 * @param message the whole message, the hint included
	 * @param migration the failed migration
	 * @param failure where and how it failed
	 * @param transactional whether the migration was rolled back whole
	 * @param cause the cause
	 */
	public MigrationFailedException(String message, MigrationDescriptor migration, MigrationFailure failure,
			boolean transactional, Throwable cause) {
		super(message, cause);
		this.migration = migration;
		this.failure = failure;
		this.transactional = transactional;
	}

	public MigrationDescriptor getMigration() {
		return this.migration;
	}

	/**
	 * Returns where and how the migration failed: the line, the SQLSTATE, PostgreSQL's (or the Java
	 * migration's) message, an excerpt of the statement and, for errors Ratchet knows a fix for, the hint.
	 */
	public MigrationFailure getFailure() {
		return this.failure;
	}

	/**
	 * Returns whether the migration ran in a transaction, so that nothing of it remains; when
	 * {@code false}, statements before the failing one stay applied and a failed history row blocks
	 * later runs until {@code repair}.
	 */
	public boolean isTransactional() {
		return this.transactional;
	}

}
