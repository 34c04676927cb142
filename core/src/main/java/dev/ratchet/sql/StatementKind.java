package dev.ratchet.sql;

/**
 * How a statement relates to the transaction a migration runs in.
 */
public enum StatementKind {

	/**
	 * Ordinary SQL that runs inside a transaction.
	 */
	TRANSACTIONAL,

	/**
	 * SQL that PostgreSQL refuses inside a transaction block, such as
	 * {@code CREATE INDEX CONCURRENTLY} or {@code VACUUM}.
	 */
	NON_TRANSACTIONAL,

	/**
	 * A statement that starts or ends a transaction, such as {@code BEGIN}, {@code COMMIT} or
	 * {@code SAVEPOINT}.
	 */
	TRANSACTION_CONTROL,

	/**
	 * A session setting ({@code SET}, {@code RESET}, {@code SET SESSION}) that is fine both inside
	 * and outside a transaction.
	 */
	SESSION

}
