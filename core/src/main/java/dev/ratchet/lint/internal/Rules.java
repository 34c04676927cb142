package dev.ratchet.lint.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.ratchet.lint.LintRule;
import dev.ratchet.lint.LintRules;
import dev.ratchet.lint.LintSeverity;

/**
 * The lint rules the checks report, which {@link LintRules} lists for users.
 */
public final class Rules {

	public static final LintRule DATETIME = dialect("dialect.datetime", "DATETIME and its SQL Server variants");

	public static final LintRule INTEGER_TYPE = dialect("dialect.integer-type", "TINYINT and MEDIUMINT");

	public static final LintRule UNSIGNED = dialect("dialect.unsigned", "UNSIGNED and ZEROFILL");

	public static final LintRule DISPLAY_WIDTH = dialect("dialect.display-width", "integer display widths such as INT(11)");

	public static final LintRule DOUBLE = dialect("dialect.double", "DOUBLE without PRECISION");

	public static final LintRule TEXT_TYPE = dialect("dialect.text-type", "NVARCHAR, NTEXT, TINYTEXT, MEDIUMTEXT, LONGTEXT");

	public static final LintRule BINARY_TYPE = dialect("dialect.binary-type", "BLOB types and VARBINARY");

	public static final LintRule MAX_LENGTH = dialect("dialect.max-length", "VARCHAR(MAX) and NVARCHAR(MAX)");

	public static final LintRule ENUM_TYPE = dialect("dialect.enum-type", "inline ENUM('a', 'b') column types");

	public static final LintRule UNIQUEIDENTIFIER = dialect("dialect.uniqueidentifier", "SQL Server's UNIQUEIDENTIFIER");

	public static final LintRule AUTOINCREMENT = dialect("dialect.autoincrement", "AUTOINCREMENT and AUTO_INCREMENT");

	public static final LintRule IDENTITY = dialect("dialect.identity", "SQL Server's IDENTITY(1,1)");

	public static final LintRule BACKTICK = dialect("dialect.backtick", "`backtick` quoted identifiers");

	public static final LintRule BRACKET = dialect("dialect.bracket-identifier", "[bracket] quoted identifiers");

	public static final LintRule GO = dialect("dialect.go-batch", "GO batch separators");

	public static final LintRule PRAGMA = dialect("dialect.pragma", "SQLite PRAGMA statements");

	public static final LintRule TABLE_OPTION = dialect("dialect.table-option", "MySQL table options such as ENGINE=InnoDB");

	public static final LintRule ON_UPDATE = dialect("dialect.on-update", "MySQL's ON UPDATE CURRENT_TIMESTAMP columns");

	public static final LintRule FUNCTION = dialect("dialect.function",
			"SQLite, MySQL and SQL Server functions such as datetime('now'), IFNULL() or GETDATE()");

	public static final LintRule INDEX_NOT_CONCURRENT = risk("risk.index-not-concurrent",
			"an index built on an existing table without CONCURRENTLY, which blocks writes while it builds");

	public static final LintRule ADD_COLUMN_NOT_NULL = risk("risk.add-column-not-null",
			"a NOT NULL column without a default added to an existing table, which fails if it has rows");

	public static final LintRule COLUMN_TYPE_CHANGE = risk("risk.column-type-change",
			"a column type change, which may rewrite the table under an exclusive lock");

	public static final LintRule SET_NOT_NULL = risk("risk.set-not-null",
			"SET NOT NULL without a validated CHECK (column IS NOT NULL), which scans the table under an exclusive lock");

	public static final LintRule CONSTRAINT_NOT_VALID = risk("risk.constraint-not-valid",
			"a foreign key or check added to an existing table without NOT VALID, which scans it under a lock");

	public static final LintRule DROP = risk("risk.drop",
			"a dropped table or column, which instances still running the previous version may use");

	public static final LintRule RENAME = risk("risk.rename",
			"a renamed table or column, which instances still running the previous version use by its old name");

	public static final LintRule LOCK_TIMEOUT = risk("risk.lock-timeout",
			"a statement that locks an existing table, in a script that sets no lock_timeout before it, "
					+ "when ratchet.lock-timeout sets none either");

	public static final LintRule CONCURRENTLY_IN_TRANSACTION = new LintRule("risk.concurrently-in-transaction",
			LintSeverity.ERROR, "a statement PostgreSQL refuses inside a transaction block, such as "
					+ "CREATE INDEX CONCURRENTLY, inside an explicit BEGIN ... COMMIT");

	public static final LintRule NO_STATEMENT = new LintRule("script.no-statement", LintSeverity.WARNING,
			"a migration file with no SQL statement (only comments or blank), applied as a no-op");

	public static final LintRule DIRECTIVE = new LintRule("lint.directive", LintSeverity.WARNING,
			"a -- ratchet: comment that is malformed, misplaced, names no known rule or gives no reason");

	public static final List<LintRule> ALL = List.of(DATETIME, INTEGER_TYPE, UNSIGNED, DISPLAY_WIDTH, DOUBLE,
			TEXT_TYPE, BINARY_TYPE, MAX_LENGTH, ENUM_TYPE, UNIQUEIDENTIFIER, AUTOINCREMENT, IDENTITY, BACKTICK, BRACKET,
			GO, PRAGMA, TABLE_OPTION, ON_UPDATE, FUNCTION, INDEX_NOT_CONCURRENT, ADD_COLUMN_NOT_NULL,
			COLUMN_TYPE_CHANGE, SET_NOT_NULL, CONSTRAINT_NOT_VALID, DROP, RENAME, LOCK_TIMEOUT,
			CONCURRENTLY_IN_TRANSACTION, NO_STATEMENT, DIRECTIVE);

	static final Map<String, LintRule> BY_ID = ALL.stream()
		.collect(Collectors.toUnmodifiableMap(LintRule::id, Function.identity()));

	private Rules() {
	}

	/**
	 * Returns the rule with the given id, or {@code null} if there is none.
	 * @param id the rule id
	 * @return the rule
	 */
	public static LintRule find(String id) {
		return BY_ID.get(id);
	}

	private static LintRule dialect(String id, String what) {
		return new LintRule(id, LintSeverity.ERROR, what + ", which PostgreSQL rejects or reads differently");
	}

	private static LintRule risk(String id, String what) {
		return new LintRule(id, LintSeverity.WARNING, what);
	}

}
