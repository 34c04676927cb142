package dev.ratchet.sql;

import java.util.List;

/**
 * Tells from a statement's leading keywords whether PostgreSQL runs it inside a transaction block,
 * refuses it there, or whether it controls transactions or the session. Cheap: it reads a few
 * tokens, never the whole statement.
 */
public final class StatementClassifier {

	private static final int ALTER_TABLE_LOOKAHEAD = 12;

	private StatementClassifier() {
	}

	/**
	 * Classifies a statement.
	 * @param sql the statement, as {@link SqlStatementReader} returns it
	 * @return its classification
	 */
	public static Classification classify(String sql) {
		SqlTokens tokens = new SqlTokens(sql);
		String first = tokens.next();
		if (first == null) {
			return transactional("");
		}
		return switch (first) {
			case "BEGIN", "END", "ABORT", "SAVEPOINT", "RELEASE" -> control(first);
			case "COMMIT", "ROLLBACK" -> control(tokens.accept("PREPARED") ? first + " PREPARED" : first);
			case "START", "PREPARE" -> tokens.accept("TRANSACTION") ? control(first + " TRANSACTION")
					: transactional(first);
			case "SET" -> set(tokens);
			case "RESET" -> new Classification(StatementKind.SESSION, first);
			case "VACUUM" -> nonTransactional(first);
			case "DISCARD" -> tokens.accept("ALL") ? nonTransactional("DISCARD ALL") : transactional(first);
			case "CREATE" -> create(tokens);
			case "DROP" -> drop(tokens);
			case "ALTER" -> alter(tokens);
			case "REINDEX" -> reindex(tokens);
			case "CLUSTER" -> cluster(tokens);
			default -> transactional(first);
		};
	}

	private static Classification set(SqlTokens tokens) {
		String next = tokens.peek();
		if ("LOCAL".equals(next) || "TRANSACTION".equals(next) || "CONSTRAINTS".equals(next)) {
			// These only last until the end of the transaction.
			return transactional("SET " + next);
		}
		return new Classification(StatementKind.SESSION, "SESSION".equals(next) ? "SET SESSION" : "SET");
	}

	private static Classification create(SqlTokens tokens) {
		tokens.accept("UNIQUE");
		if (tokens.accept("INDEX")) {
			return tokens.accept("CONCURRENTLY") ? nonTransactional("CREATE INDEX CONCURRENTLY")
					: transactional("CREATE");
		}
		return databaseWide("CREATE", tokens);
	}

	private static Classification drop(SqlTokens tokens) {
		if (tokens.accept("INDEX")) {
			return tokens.accept("CONCURRENTLY") ? nonTransactional("DROP INDEX CONCURRENTLY") : transactional("DROP");
		}
		return databaseWide("DROP", tokens);
	}

	private static Classification databaseWide(String command, SqlTokens tokens) {
		String object = tokens.peek();
		if ("DATABASE".equals(object) || "TABLESPACE".equals(object) || "SUBSCRIPTION".equals(object)) {
			return nonTransactional(command + " " + object);
		}
		return transactional(command);
	}

	private static Classification alter(SqlTokens tokens) {
		String object = tokens.next();
		if ("SYSTEM".equals(object)) {
			return nonTransactional("ALTER SYSTEM");
		}
		if ("DATABASE".equals(object)) {
			tokens.next();
			if (tokens.accept("SET") && tokens.accept("TABLESPACE")) {
				return nonTransactional("ALTER DATABASE SET TABLESPACE");
			}
		}
		else if ("SUBSCRIPTION".equals(object)) {
			return alterSubscription(tokens);
		}
		else if ("TABLE".equals(object)) {
			return alterTable(tokens);
		}
		return transactional("ALTER");
	}

	private static Classification alterSubscription(SqlTokens tokens) {
		tokens.next();
		String action = tokens.next();
		if ("REFRESH".equals(action)) {
			return nonTransactional("ALTER SUBSCRIPTION REFRESH PUBLICATION");
		}
		boolean publication = ("SET".equals(action) || "ADD".equals(action) || "DROP".equals(action))
				&& tokens.accept("PUBLICATION");
		if (publication && refreshes(tokens)) {
			// These refresh the subscription unless told "refresh = false".
			return nonTransactional("ALTER SUBSCRIPTION " + action + " PUBLICATION");
		}
		return transactional("ALTER");
	}

	private static boolean refreshes(SqlTokens tokens) {
		for (String token = tokens.next(); token != null; token = tokens.next()) {
			if (token.equals("REFRESH")) {
				tokens.accept("=");
				String value = tokens.next();
				return !("FALSE".equals(value) || "OFF".equals(value) || "0".equals(value) || "'false'".equals(value)
						|| "'off'".equals(value));
			}
		}
		return true;
	}

	private static Classification alterTable(SqlTokens tokens) {
		// ALTER TABLE [IF EXISTS] [ONLY] name DETACH PARTITION name CONCURRENTLY
		for (int i = 0; i < ALTER_TABLE_LOOKAHEAD && tokens.peek() != null; i++) {
			if (tokens.accept("DETACH") && tokens.accept("PARTITION")) {
				for (String token = tokens.next(); token != null; token = tokens.next()) {
					if (token.equals("CONCURRENTLY")) {
						return nonTransactional("ALTER TABLE DETACH PARTITION CONCURRENTLY");
					}
				}
				break;
			}
			tokens.next();
		}
		return transactional("ALTER");
	}

	private static Classification reindex(SqlTokens tokens) {
		List<String> options = tokens.group();
		String object = tokens.next();
		if (object == null) {
			return transactional("REINDEX");
		}
		if (tokens.accept("CONCURRENTLY") || options.contains("CONCURRENTLY")) {
			return nonTransactional("REINDEX " + object + " CONCURRENTLY");
		}
		if ("SCHEMA".equals(object) || "DATABASE".equals(object) || "SYSTEM".equals(object)) {
			return nonTransactional("REINDEX " + object);
		}
		return transactional("REINDEX");
	}

	private static Classification cluster(SqlTokens tokens) {
		tokens.group();
		tokens.accept("VERBOSE");
		// Without a table CLUSTER reclusters every table clustered before, which needs its own transactions.
		return (tokens.peek() != null) ? transactional("CLUSTER") : nonTransactional("CLUSTER");
	}

	private static Classification transactional(String label) {
		return new Classification(StatementKind.TRANSACTIONAL, label);
	}

	private static Classification nonTransactional(String label) {
		return new Classification(StatementKind.NON_TRANSACTIONAL, label);
	}

	private static Classification control(String label) {
		return new Classification(StatementKind.TRANSACTION_CONTROL, label);
	}

}
