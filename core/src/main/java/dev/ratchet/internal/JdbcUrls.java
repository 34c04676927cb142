package dev.ratchet.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what matters about a PostgreSQL JDBC URL: its hosts and ports, whether they are a known
 * transaction-mode pooler, and the URL without credentials, for messages.
 */
final class JdbcUrls {

	private static final Pattern AUTHORITY = Pattern.compile("^[a-z:]*//(?:[^@/?]*@)?([^/?]*)", Pattern.CASE_INSENSITIVE);

	private static final Pattern USER_INFO = Pattern.compile("//[^@/?]*@");

	private static final Pattern SECRET_PARAMETER = Pattern
		.compile("(?i)([?&;][^=&;]*password[^=&;]*=)[^&;]*");

	private static final int DEFAULT_PORT = 5432;

	private JdbcUrls() {
	}

	/**
	 * A host and port of a URL.
	 * @param host the host, in lower case
	 * @param port the port
	 */
	record Endpoint(String host, int port) {
	}

	/**
	 * Returns the URL without a {@code user:password@} part and without password parameters.
	 * @param url the URL, or {@code null}
	 * @return the URL fit for a log or a message
	 */
	static String redact(String url) {
		if (url == null) {
			return null;
		}
		String withoutUser = USER_INFO.matcher(url).replaceFirst("//");
		return SECRET_PARAMETER.matcher(withoutUser).replaceAll("$1***");
	}

	static List<Endpoint> endpoints(String url) {
		List<Endpoint> endpoints = new ArrayList<>();
		Matcher matcher = AUTHORITY.matcher((url != null) ? url : "");
		if (!matcher.find() || matcher.group(1).isEmpty()) {
			return endpoints;
		}
		for (String hostAndPort : matcher.group(1).split(",")) {
			int colon = hostAndPort.lastIndexOf(':');
			boolean hasPort = colon > hostAndPort.lastIndexOf(']');
			String host = hasPort ? hostAndPort.substring(0, colon) : hostAndPort;
			int port = DEFAULT_PORT;
			if (hasPort) {
				try {
					port = Integer.parseInt(hostAndPort.substring(colon + 1));
				}
				catch (NumberFormatException ex) {
					// Not a port Ratchet can judge; keep the default.
				}
			}
			endpoints.add(new Endpoint(host.toLowerCase(Locale.ROOT), port));
		}
		return endpoints;
	}

	/**
	 * Says why the URL points at a transaction-mode pooler, or returns {@code null}.
	 * @param url the URL
	 * @return for example {@code port 6543 of aws-0-eu-central-1.pooler.supabase.com is Supabase's
	 * transaction pooler}
	 */
	static String transactionPooler(String url) {
		for (Endpoint endpoint : endpoints(url)) {
			String where = "port " + endpoint.port() + " of " + endpoint.host();
			if (endpoint.port() == 6543) {
				return where + " is Supabase's transaction pooler";
			}
			if (endpoint.host().contains("-pooler.")) {
				return endpoint.host() + " is Neon's pooled endpoint (PgBouncer in transaction mode)";
			}
		}
		return null;
	}

	/**
	 * Returns whether the URL uses PgBouncer's default port, which hints at PgBouncer but not at
	 * its pooling mode.
	 */
	static boolean usesPgBouncerPort(String url) {
		return endpoints(url).stream().anyMatch((endpoint) -> endpoint.port() == 6432);
	}

}
