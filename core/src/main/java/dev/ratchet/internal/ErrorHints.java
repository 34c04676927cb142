package dev.ratchet.internal;

import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ratchet.lint.internal.DialectFunctions;
import dev.ratchet.lint.internal.DialectTypes;

/**
 * Says how to fix the PostgreSQL errors migrations run into most: types and functions from other
 * databases or from extensions not created yet, missing privileges, SSL and authentication
 * problems, lock timeouts. Never repeats a credential.
 */
final class ErrorHints {

	private static final Pattern MISSING_TYPE = Pattern.compile("type \"(?:[^\"]+\\.)?([^\".]+)\" does not exist");

	private static final Pattern MISSING_FUNCTION = Pattern.compile("function (?:[\\w\"]+\\.)?\"?(\\w+)\"?\\(");

	private static final Pattern SCHEMA_PERMISSION = Pattern.compile("permission denied for schema (\\S+)");

	private static final Pattern DENIED = Pattern.compile("permission denied for (table|sequence|database|function|"
			+ "procedure|view|materialized view|type|language|large object|foreign table) (\\S+)");

	private static final Pattern OWNER = Pattern.compile("must be owner of \\w+ (\\S+)");

	private static final Map<String, String> EXTENSION_TYPES = Map.of("vector", "vector", "halfvec", "vector",
			"sparsevec", "vector", "geometry", "postgis", "geography", "postgis", "hstore", "hstore", "citext", "citext",
			"ltree", "ltree", "cube", "cube");

	private static final Map<String, String> EXTENSION_FUNCTIONS = Map.of("uuid_generate_v4", "\"uuid-ossp\"",
			"uuid_generate_v1", "\"uuid-ossp\"", "crypt", "pgcrypto", "gen_salt", "pgcrypto", "digest", "pgcrypto",
			"similarity", "pg_trgm", "word_similarity", "pg_trgm", "unaccent", "unaccent");

	private ErrorHints() {
	}

	/**
	 * Returns how to fix an error, or {@code null} when there is nothing better to say than the
	 * error itself.
	 * @param sqlState the SQLSTATE, or {@code null}
	 * @param message PostgreSQL's (or the driver's) message
	 * @return the hint, as sentences
	 */
	static String hint(String sqlState, String message, String statement) {
		if ("42501".equals(sqlState) && statement != null) {
			return permission(String.valueOf(message), StatementRights.of(statement));
		}
		return hint(sqlState, message);
	}

	static String hint(String sqlState, String message) {
		String text = String.valueOf(message);
		String state = String.valueOf(sqlState);
		return switch (state) {
			case "42704" -> missingType(text);
			case "42883" -> missingFunction(text);
			case "42501" -> permission(text, null);
			case "28P01" -> "Check the user and password Ratchet connects with (ratchet.username and "
					+ "ratchet.password, or spring.datasource.username and spring.datasource.password).";
			case "28000" -> noHbaEntry(text);
			case "3D000" -> "Check the database name at the end of the URL, or create the database first.";
			case "42703" -> "If a migration before this one adds the column, the database has drifted from its "
					+ "migrations (see drift in the status report); otherwise add the column in a migration first.";
			case "55P03" -> "Another session holds a lock on the table and lock_timeout ran out. Run the migration "
					+ "again when traffic is lower, or find the blocking session in pg_stat_activity.";
			default -> ssl(text);
		};
	}

	private static String missingType(String message) {
		return missing(MISSING_TYPE, message, EXTENSION_TYPES, DialectTypes::explain,
				(type, extension) -> fromExtension("Type " + type, extension) + " (the extension must be available on "
						+ "the server; managed services such as Supabase and Neon provide it).");
	}

	private static String missingFunction(String message) {
		return missing(MISSING_FUNCTION, message, EXTENSION_FUNCTIONS, DialectFunctions::explain,
				(function, extension) -> fromExtension(function + "()", extension)
						+ (function.startsWith("uuid_generate") ? " or use the built-in gen_random_uuid()." : ""));
	}

	/**
	 * Explains a missing type or function the message names: as one an extension provides, else as
	 * another dialect's, if it is; {@code null} when the message names none.
	 */
	private static String missing(Pattern pattern, String message, Map<String, String> extensions,
			UnaryOperator<String> otherDialect, BinaryOperator<String> fromExtension) {
		Matcher matcher = pattern.matcher(message);
		if (!matcher.find()) {
			return null;
		}
		String name = matcher.group(1).toLowerCase(Locale.ROOT);
		String extension = extensions.get(name);
		return (extension != null) ? fromExtension.apply(name, extension) : otherDialect.apply(name);
	}

	private static String fromExtension(String what, String extension) {
		return what + " comes from the extension " + extension + ": create it in a migration before this one with "
				+ "CREATE EXTENSION IF NOT EXISTS " + extension + ";";
	}

	private static String permission(String message, String right) {
		Matcher schema = SCHEMA_PERMISSION.matcher(message);
		if (schema.find()) {
			String name = schema.group(1);
			return "The user lacks USAGE or CREATE on schema " + name + " (USAGE to use its objects, CREATE to create "
					+ "objects in it). Run migrations as the schema's owner (ratchet.username and ratchet.password), or "
					+ "have the owner run GRANT USAGE, CREATE ON SCHEMA " + name + " TO <migration user>. Since "
					+ "PostgreSQL 15 only the owner may create objects in schema public by default.";
		}
		Matcher denied = DENIED.matcher(message);
		if (denied.find()) {
			return denied(denied.group(1), denied.group(2), right);
		}
		Matcher owner = OWNER.matcher(message);
		if (owner.find()) {
			return "Only the owner of " + owner.group(1) + " may change it. Run migrations as that owner "
					+ "(ratchet.username and ratchet.password), or have the owner transfer it with ALTER ... OWNER TO "
					+ "<migration user>.";
		}
		return "Grant the migration user the privilege, or run migrations as the objects' owner (ratchet.username "
				+ "and ratchet.password).";
	}

	private static String denied(String kind, String name, String right) {
		if (kind.equals("database")) {
			return "Creating a schema needs CREATE on database " + name + ", which the user lacks. Have the "
					+ "database owner create the schema beforehand (CREATE SCHEMA <schema> AUTHORIZATION <migration "
					+ "user>, or GRANT USAGE, CREATE on it), or GRANT CREATE ON DATABASE " + name + " TO <migration user>.";
		}
		if (kind.equals("table") && name.startsWith("ratchet_")) {
			return "The user lacks a right on Ratchet's table " + name + ": SELECT to read the status or validate, "
					+ "SELECT, INSERT, UPDATE and DELETE to migrate. GRANT them ON " + name + " TO <user>, or run "
					+ "migrations as the table's owner (ratchet.username and ratchet.password).";
		}
		boolean relation = kind.equals("table") || kind.endsWith("view") || kind.equals("foreign table");
		String needed = (right != null && relation) ? right : switch (kind) {
			case "sequence" -> "USAGE, SELECT or UPDATE";
			case "function", "procedure" -> "EXECUTE";
			case "type", "language" -> "USAGE";
			default -> "SELECT, INSERT, UPDATE, DELETE or TRUNCATE, as the statement needs";
		};
		String grant = needed.contains(" ") ? "the right" : needed;
		return "The user lacks " + needed + " on " + kind + " " + name + ". Have its owner run GRANT " + grant + " ON "
				+ (relation ? "TABLE" : kind.toUpperCase(Locale.ROOT))
				+ " " + name + " TO <migration user>, or run migrations as the owner (ratchet.username and "
				+ "ratchet.password).";
	}

	private static String noHbaEntry(String message) {
		if (message.contains("no encryption") || message.contains("SSL off")) {
			return sslRequired();
		}
		return message.contains("pg_hba.conf") ? "The server does not accept this user, database or client address "
				+ "(pg_hba.conf). Check the URL's host and database, or ask the database's administrator to allow "
				+ "the connection." : null;
	}

	private static String ssl(String message) {
		String lower = message.toLowerCase(Locale.ROOT);
		if (lower.contains("does not support ssl")) {
			return "The server does not offer SSL: remove sslmode=require from the URL (or use sslmode=prefer).";
		}
		if (lower.contains("ssl") && (lower.contains("required") || lower.contains("sslmode=require"))
				|| lower.contains("connection is insecure")) {
			return sslRequired();
		}
		return null;
	}

	private static String sslRequired() {
		return "The server only accepts SSL connections: add sslmode=require to the URL, for example "
				+ "jdbc:postgresql://host:5432/db?sslmode=require.";
	}

}
