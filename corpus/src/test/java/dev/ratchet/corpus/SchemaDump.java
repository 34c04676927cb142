package dev.ratchet.corpus;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ratchet.test.TestDatabase;

/**
 * {@code pg_dump --schema-only} of a test database, without the tools' own history tables, as the
 * lines that matter (comments, blank lines and the dump's random {@code \restrict} key left out).
 * Only usable when the machine's {@code pg_dump} has the server's major version: pg_dump refuses a
 * newer server, and an older server's dump by a newer pg_dump differs in form only. When it is not
 * usable, {@link #usable} says why and the catalog comparison stands alone.
 */
final class SchemaDump {

	private static final Pattern MAJOR = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

	private SchemaDump() {
	}

	/**
	 * Returns {@code null} when {@code pg_dump} can dump the database, else why not.
	 */
	static String usable(TestDatabase.Db db) throws SQLException {
		Integer local = localMajor();
		if (local == null) {
			return "no pg_dump on the PATH";
		}
		int server;
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
			rs.next();
			server = Integer.parseInt(rs.getString(1)) / 10000;
		}
		return (local == server) ? null : "pg_dump is version " + local + ", the server " + server;
	}

	/**
	 * Dumps the schema of a database.
	 */
	static List<String> dump(TestDatabase.Db db) {
		URI uri = URI.create(db.url().substring("jdbc:".length()));
		List<String> command = List.of("pg_dump", "--schema-only", "--no-owner", "--no-privileges",
				"--exclude-table=flyway_schema_history", "--exclude-table=ratchet_*", "-h", uri.getHost(), "-p",
				String.valueOf((uri.getPort() > 0) ? uri.getPort() : 5432), "-U", db.username(),
				uri.getPath().substring(1));
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
		if (db.password() != null) {
			builder.environment().put("PGPASSWORD", db.password());
		}
		try {
			Process process = builder.start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("pg_dump of " + db.name() + " failed");
			}
			List<String> lines = new ArrayList<>();
			for (String line : out.split("\n")) {
				if (!line.isBlank() && !line.startsWith("--") && !line.startsWith("\\restrict")
						&& !line.startsWith("\\unrestrict")) {
					lines.add(line);
				}
			}
			return lines;
		}
		catch (IOException ex) {
			throw new IllegalStateException("pg_dump could not run: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Integer localMajor() {
		try {
			Process process = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(30, TimeUnit.SECONDS);
			Matcher matcher = MAJOR.matcher(out);
			return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
