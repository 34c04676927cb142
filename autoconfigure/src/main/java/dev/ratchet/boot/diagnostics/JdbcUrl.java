package dev.ratchet.boot.diagnostics;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A JDBC URL as it may be shown: without a password, and with the host, port and database of a
 * PostgreSQL URL spelled out.
 * @param safe the URL without user information and without password parameters
 * @param server the host(s) and port(s), or {@code null} when the URL is not PostgreSQL's
 * @param database the database, or {@code null} when not known
 */
record JdbcUrl(String safe, String server, String database) {

	private static final String POSTGRESQL = "jdbc:postgresql:";

	static JdbcUrl parse(String url) {
		String safe = withoutCredentials(url);
		if (!safe.startsWith(POSTGRESQL)) {
			return new JdbcUrl(safe, null, null);
		}
		String rest = safe.substring(POSTGRESQL.length());
		int query = rest.indexOf('?');
		String path = (query >= 0) ? rest.substring(0, query) : rest;
		if (!path.startsWith("//")) {
			// jdbc:postgresql:database means the local server on the default port.
			return new JdbcUrl(safe, "localhost:5432", path.startsWith("/") ? path.substring(1) : path);
		}
		int slash = path.indexOf('/', 2);
		String authority = path.substring(2, (slash >= 0) ? slash : path.length());
		String database = (slash >= 0) ? path.substring(slash + 1) : "";
		String server = Arrays.stream(authority.split(","))
			.map((host) -> (host.contains(":") && !host.endsWith("]")) ? host : host + ":5432")
			.collect(Collectors.joining(", "));
		return new JdbcUrl(safe, server, database);
	}

	private static String withoutCredentials(String url) {
		String safe = url.replaceFirst("^(jdbc:[^:]+://)[^/@?]*@", "$1")
			.replaceAll("(?i);[^;=?&]*password[^;=?&]*=[^;?&]*", "");
		int query = safe.indexOf('?');
		if (query < 0) {
			return safe;
		}
		String parameters = Arrays.stream(safe.substring(query + 1).split("&"))
			.filter((parameter) -> !parameter.toLowerCase(Locale.ROOT).split("=", 2)[0].contains("password"))
			.collect(Collectors.joining("&"));
		return safe.substring(0, query) + (parameters.isEmpty() ? "" : "?" + parameters);
	}

	/**
	 * Returns where the URL points, for example
	 * {@code host and port db.example.com:5432, database "orders" (jdbc:postgresql://db.example.com/orders)}.
	 */
	String describe() {
		if (this.server == null) {
			return this.safe;
		}
		return "host and port " + this.server + ", database "
				+ (this.database.isEmpty() ? "named like the user" : "\"" + this.database + "\"") + " (" + this.safe + ")";
	}

}
