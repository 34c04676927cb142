package dev.ratchet.sql;

/**
 * What {@link StatementClassifier} found out about a statement.
 *
 * @param kind how the statement relates to transactions
 * @param label the statement's leading keywords in upper case, as PostgreSQL's documentation names
 * the command (for example {@code CREATE INDEX CONCURRENTLY}, {@code VACUUM} or {@code COMMIT}); for
 * ordinary SQL just its first keyword
 */
public record Classification(StatementKind kind, String label) {

}
