package dev.ratchet.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration set written by another project and shipped in its jar on Maven Central: the jar is a
 * test-scope dependency of this module (see its {@code pom.xml}), and the scripts are read from it at
 * test time, never copied into this repository. The scripts, in the order the project tells its users
 * to run them, become {@code V1__...}, {@code V2__...} files in a temporary folder that both tools
 * migrate from.
 *
 * @param name the set's name ({@code ratchet.corpus.sets} selects by it)
 * @param artifact the jar's {@code groupId:artifactId}; the version is the one on the test classpath
 * @param licence the licence the artifact's POM declares
 * @param style what the set is, for the report
 * @param resources the scripts inside the jar, in order
 */
record JarSet(String name, String artifact, String licence, String style, List<String> resources) {

	private static final String APACHE_2 = "Apache-2.0";

	private static final String BATCH = "org/springframework/batch/core/";

	private static final String INTEGRATION = "org/springframework/integration/jdbc/";

	private static final String AUTHORIZATION = "org/springframework/security/oauth2/server/authorization/";

	/**
	 * Every set read from a jar.
	 */
	static List<JarSet> all() {
		return List.of(
				new JarSet("jar-quartz", "org.quartz-scheduler:quartz", APACHE_2,
						"Quartz's JDBC job store for PostgreSQL, as its users run it: drops first, bytea columns, "
								+ "composite keys, many indexes, and a closing COMMIT",
						List.of("org/quartz/impl/jdbcjobstore/tables_postgres.sql")),
				new JarSet("jar-spring-batch", "org.springframework.batch:spring-batch-core", APACHE_2,
						"Spring Batch's job repository for PostgreSQL, created, dropped with its drop script and "
								+ "created again: sequences, foreign keys, upper-case names",
						List.of(BATCH + "schema-postgresql.sql", BATCH + "schema-drop-postgresql.sql",
								BATCH + "schema-postgresql.sql")),
				new JarSet("jar-spring-session", "org.springframework.session:spring-session-jdbc", APACHE_2,
						"Spring Session JDBC's session tables for PostgreSQL: unique and plain indexes, ON DELETE CASCADE",
						List.of("org/springframework/session/jdbc/schema-postgresql.sql")),
				new JarSet("jar-spring-integration", "org.springframework.integration:spring-integration-jdbc",
						APACHE_2,
						"Spring Integration's JDBC message store, lock and metadata tables for PostgreSQL, created, "
								+ "dropped and created again: a sequence default, a function and trigger left in a block comment",
						List.of(INTEGRATION + "schema-postgresql.sql", INTEGRATION + "schema-drop-postgresql.sql",
								INTEGRATION + "schema-postgresql.sql")),
				new JarSet("jar-oauth2-authorization-server",
						"org.springframework.security:spring-security-oauth2-authorization-server", APACHE_2,
						"Spring Authorization Server's registered-client and consent tables (its authorization table "
								+ "uses blob, which PostgreSQL lacks: both tools would fail, so it is left out)",
						List.of(AUTHORIZATION + "client/oauth2-registered-client-schema.sql",
								AUTHORIZATION + "oauth2-authorization-consent-schema.sql")));
	}

	/**
	 * Copies the scripts out of the jar into a fresh folder as versioned migrations and returns the
	 * set; its style names the artifact with the version found on the classpath, and its licence.
	 */
	CorpusSet materialize() {
		try {
			Path folder = Files.createTempDirectory("ratchet-corpus-" + this.name);
			folder.toFile().deleteOnExit();
			String version = null;
			for (int i = 0; i < this.resources.size(); i++) {
				String resource = this.resources.get(i);
				URL url = JarSet.class.getClassLoader().getResource(resource);
				if (url == null) {
					throw new IllegalStateException("Corpus set " + this.name + ": " + resource + " is not on the test "
							+ "classpath; is " + this.artifact + " a test dependency of the corpus module?");
				}
				version = versionOf(url);
				String base = resource.substring(resource.lastIndexOf('/') + 1, resource.length() - ".sql".length());
				Path file = folder.resolve("V" + (i + 1) + "__" + base.replaceAll("[^A-Za-z0-9]+", "_") + ".sql");
				try (InputStream in = url.openStream()) {
					Files.copy(in, file);
				}
				file.toFile().deleteOnExit();
			}
			Properties properties = new Properties();
			properties.setProperty("style", this.artifact + ":" + version + " (" + this.licence + "): " + this.style);
			return new CorpusSet(this.name, folder, properties);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the version of the jar a resource comes from, checking that the jar is the declared artifact.
	 */
	private String versionOf(URL url) {
		String artifactId = this.artifact.substring(this.artifact.indexOf(':') + 1);
		Matcher matcher = Pattern.compile("/" + Pattern.quote(artifactId) + "-([^/]+)\\.jar!/").matcher(url.toString());
		if (!url.getProtocol().equals("jar") || !matcher.find()) {
			throw new IllegalStateException("Corpus set " + this.name + " expects its scripts in " + this.artifact
					+ "'s jar, found " + url);
		}
		return matcher.group(1);
	}

}
