package dev.ratchet.sql;

/**
 * One SQL statement of a script, ready to send to PostgreSQL.
 *
 * @param sql the statement without leading whitespace and comments, trailing whitespace or the
 * terminating {@code ;}, with placeholders replaced
 * @param line the 1-based line of the statement's first significant character in the script
 */
public record SqlStatement(String sql, int line) {

}
