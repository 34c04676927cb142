package dev.ratchet.lint.internal;

import java.util.Locale;
import java.util.Map;
import dev.ratchet.lint.LintRule;

/**
 * Type names of SQLite, MySQL and SQL Server that PostgreSQL does not have, with what to write
 * instead. Used by lint, and to explain {@code type "..." does not exist} errors.
 */
public final class DialectTypes {

	/**
	 * A foreign type.
	 * @param rule the lint rule that finds it
	 * @param dialects where it comes from
	 * @param advice what to write instead, as a sentence
	 */
	record ForeignType(LintRule rule, String dialects, String advice) {
	}

	private static final String TIMESTAMP = "Use timestamptz (or timestamp).";

	private static final Map<String, ForeignType> TYPES = Map.ofEntries(
			Map.entry("DATETIME", new ForeignType(Rules.DATETIME, "SQLite/MySQL", TIMESTAMP)),
			Map.entry("DATETIME2", new ForeignType(Rules.DATETIME, "SQL Server", TIMESTAMP)),
			Map.entry("SMALLDATETIME", new ForeignType(Rules.DATETIME, "SQL Server", TIMESTAMP)),
			Map.entry("DATETIMEOFFSET", new ForeignType(Rules.DATETIME, "SQL Server", "Use timestamptz.")),
			Map.entry("TINYINT", new ForeignType(Rules.INTEGER_TYPE, "MySQL/SQL Server",
					"Use smallint (or boolean for a TINYINT(1) flag).")),
			Map.entry("MEDIUMINT", new ForeignType(Rules.INTEGER_TYPE, "MySQL", "Use integer.")),
			Map.entry("NVARCHAR", new ForeignType(Rules.TEXT_TYPE, "SQL Server/MySQL",
					"Use varchar(n) or text; PostgreSQL text is always Unicode.")),
			Map.entry("NTEXT", new ForeignType(Rules.TEXT_TYPE, "SQL Server", "Use text.")),
			Map.entry("TINYTEXT", new ForeignType(Rules.TEXT_TYPE, "MySQL", "Use text.")),
			Map.entry("MEDIUMTEXT", new ForeignType(Rules.TEXT_TYPE, "MySQL", "Use text.")),
			Map.entry("LONGTEXT", new ForeignType(Rules.TEXT_TYPE, "MySQL", "Use text.")),
			Map.entry("BLOB", new ForeignType(Rules.BINARY_TYPE, "SQLite/MySQL", "Use bytea.")),
			Map.entry("TINYBLOB", new ForeignType(Rules.BINARY_TYPE, "MySQL", "Use bytea.")),
			Map.entry("MEDIUMBLOB", new ForeignType(Rules.BINARY_TYPE, "MySQL", "Use bytea.")),
			Map.entry("LONGBLOB", new ForeignType(Rules.BINARY_TYPE, "MySQL", "Use bytea.")),
			Map.entry("VARBINARY", new ForeignType(Rules.BINARY_TYPE, "MySQL/SQL Server", "Use bytea.")),
			Map.entry("DOUBLE", new ForeignType(Rules.DOUBLE, "MySQL", "Use double precision.")),
			Map.entry("UNIQUEIDENTIFIER", new ForeignType(Rules.UNIQUEIDENTIFIER, "SQL Server",
					"Use uuid, with DEFAULT gen_random_uuid() for generated values.")));

	private DialectTypes() {
	}

	static ForeignType find(String upperCaseName) {
		return TYPES.get(upperCaseName);
	}

	/**
	 * Explains a type name PostgreSQL does not know, if it is another database's.
	 * @param name the name, in any case
	 * @return for example {@code PostgreSQL has no DATETIME type (SQLite/MySQL). Use timestamptz (or
	 * timestamp).}, or {@code null}
	 */
	public static String explain(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		ForeignType type = TYPES.get(upper);
		return (type != null) ? "PostgreSQL has no " + upper + " type (" + type.dialects() + "). " + type.advice() : null;
	}

}
