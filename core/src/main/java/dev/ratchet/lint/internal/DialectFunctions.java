package dev.ratchet.lint.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Functions of SQLite, MySQL and SQL Server that PostgreSQL does not have, with what to write
 * instead. Used by lint, and to explain {@code function ... does not exist} errors.
 */
public final class DialectFunctions {

	/**
	 * A foreign function.
	 * @param dialects where it comes from
	 * @param advice what to write instead, as a sentence
	 */
	record ForeignFunction(String dialects, String advice) {
	}

	private static final String NOW = "Use now() (or CURRENT_TIMESTAMP).";

	private static final Map<String, ForeignFunction> FUNCTIONS = Map.ofEntries(
			Map.entry("DATETIME", new ForeignFunction("SQLite",
					"Use now() (or CURRENT_TIMESTAMP); for an offset, now() + interval '1 day'.")),
			Map.entry("STRFTIME", new ForeignFunction("SQLite",
					"Use to_char(ts, 'YYYY-MM-DD') to format, or extract(epoch FROM ts) for seconds.")),
			Map.entry("JULIANDAY", new ForeignFunction("SQLite", "Use extract(epoch FROM ts) for seconds since 1970.")),
			Map.entry("GETDATE", new ForeignFunction("SQL Server", NOW)),
			Map.entry("GETUTCDATE", new ForeignFunction("SQL Server", NOW)),
			Map.entry("SYSDATETIME", new ForeignFunction("SQL Server", NOW)),
			Map.entry("UTC_TIMESTAMP", new ForeignFunction("MySQL", NOW)),
			Map.entry("CURDATE", new ForeignFunction("MySQL", "Use CURRENT_DATE.")),
			Map.entry("CURTIME", new ForeignFunction("MySQL", "Use CURRENT_TIME (or localtime).")),
			Map.entry("UNIX_TIMESTAMP", new ForeignFunction("MySQL", "Use extract(epoch FROM now()).")),
			Map.entry("IFNULL", new ForeignFunction("SQLite/MySQL", "Use coalesce(a, b).")),
			Map.entry("GROUP_CONCAT", new ForeignFunction("SQLite/MySQL", "Use string_agg(x, ',').")),
			Map.entry("LAST_INSERT_ROWID", new ForeignFunction("SQLite", "Use INSERT ... RETURNING id.")),
			Map.entry("LAST_INSERT_ID", new ForeignFunction("MySQL", "Use INSERT ... RETURNING id.")),
			Map.entry("NEWID", new ForeignFunction("SQL Server", "Use gen_random_uuid().")));

	private DialectFunctions() {
	}

	static ForeignFunction find(String upperCaseName) {
		return FUNCTIONS.get(upperCaseName);
	}

	/**
	 * Explains a function name PostgreSQL does not know, if it is another database's.
	 * @param name the name, in any case
	 * @return for example {@code ifnull() is not a PostgreSQL function (SQLite/MySQL). Use
	 * coalesce(a, b).}, or {@code null}
	 */
	public static String explain(String name) {
		ForeignFunction function = FUNCTIONS.get(name.toUpperCase(Locale.ROOT));
		return (function != null) ? name.toLowerCase(Locale.ROOT) + "() is not a PostgreSQL function ("
				+ function.dialects() + "). " + function.advice() : null;
	}

}
