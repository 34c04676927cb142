package dev.ratchet;

/**
 * Thrown when a migration fails while it is applied. The message names the script, the line of the
 * statement, an excerpt of it, the SQLSTATE and PostgreSQL's message, and says what state the
 * database is in and what to do.
 */
public class MigrationFailedException extends RatchetException {

	private static final long serialVersionUID = 1L;

	private final transient MigrationDescriptor migration;

	private final int line;

	private final String statement;

	private final String sqlState;

	private final String serverMessage;

	private final boolean transactional;

	private final String hint;

	/**
	 * Creates a new instance.
	 * @param message the whole message
	 * @param migration the failed migration
	 * @param line the 1-based line of the failing statement, or 0 when unknown (Java migrations)
	 * @param statement an excerpt of the failing statement, or {@code null}
	 * @param sqlState the SQLSTATE, or {@code null}
	 * @param serverMessage PostgreSQL's (or the Java migration's) message
	 * @param transactional whether the migration was rolled back whole
	 * @param cause the cause
	 */
	public MigrationFailedException(String message, MigrationDescriptor migration, int line, String statement,
			String sqlState, String serverMessage, boolean transactional, Throwable cause) {
		this(message, migration, line, statement, sqlState, serverMessage, null, transactional, cause);
	}

	/**
	 * Creates a new instance.
	 * @param message the whole message, the hint included
	 * @param migration the failed migration
	 * @param line the 1-based line of the failing statement, or 0 when unknown (Java migrations)
	 * @param statement an excerpt of the failing statement, or {@code null}
	 * @param sqlState the SQLSTATE, or {@code null}
	 * @param serverMessage PostgreSQL's (or the Java migration's) message
	 * @param hint how to fix the error, or {@code null}
	 * @param transactional whether the migration was rolled back whole
	 * @param cause the cause
	 */
	public MigrationFailedException(String message, MigrationDescriptor migration, int line, String statement,
			String sqlState, String serverMessage, String hint, boolean transactional, Throwable cause) {
		super(message, cause);
		this.migration = migration;
		this.line = line;
		this.statement = statement;
		this.sqlState = sqlState;
		this.serverMessage = serverMessage;
		this.transactional = transactional;
		this.hint = hint;
	}

	public MigrationDescriptor getMigration() {
		return this.migration;
	}

	public int getLine() {
		return this.line;
	}

	public String getStatement() {
		return this.statement;
	}

	public String getSqlState() {
		return this.sqlState;
	}

	public String getServerMessage() {
		return this.serverMessage;
	}

	/**
	 * Returns how to fix the error, for errors Ratchet knows a fix for, or {@code null}.
	 */
	public String getHint() {
		return this.hint;
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
