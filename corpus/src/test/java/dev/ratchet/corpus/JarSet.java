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
import java.util.stream.Stream;

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
 * @param clockColumns columns ({@code schema.table.column}) the scripts fill from the clock, left out
 * of the row comparison (see {@link CorpusSet#clockColumns()})
 */
record JarSet(String name, String artifact, String licence, String style, List<String> resources,
		List<String> clockColumns) {

	JarSet(String name, String artifact, String licence, String style, List<String> resources) {
		this(name, artifact, licence, style, resources, List.of());
	}

	private static final String APACHE_2 = "Apache-2.0";

	private static final String BATCH = "org/springframework/batch/core/";

	private static final String INTEGRATION = "org/springframework/integration/jdbc/";

	private static final String MODULITH = "org/springframework/modulith/events/jdbc/schemas/v2/";

	private static final String CAMUNDA = "org/camunda/bpm/engine/db/";

	/** Camunda's parts in the order its engine creates them. */
	private static final List<String> CAMUNDA_PARTS = List.of("engine", "history", "identity", "case.engine",
			"case.history", "decision.engine", "decision.history");

	/** Camunda's upgrade scripts from its 7.16 baseline to the jar's version. */
	private static final List<String> CAMUNDA_UPGRADES = List.of("7.16_to_7.17", "7.17_to_7.18", "7.18_to_7.19",
			"7.19_to_7.20", "7.20_to_7.21", "7.21_to_7.22");

	/** Camunda's schema log records when each version was installed. */
	private static final String CAMUNDA_CLOCK = "public.act_ge_schema_log.timestamp_";

	private static final String JOBRUNR = "org/jobrunr/storage/sql/";

	/** JobRunr's migrations: the common ones, except where its PostgreSQL dialect has its own. */
	private static final List<String> JOBRUNR_MIGRATIONS = List.of("common/v000__create_migrations_table",
			"common/v001__create_job_table", "common/v002__create_recurring_job_table",
			"common/v003__create_background_job_server_table", "common/v004__create_job_stats_view",
			"common/v005__update_job_stats_view", "common/v006__alter_table_jobs_add_recurringjob",
			"common/v007__alter_table_backgroundjobserver_add_delete_config",
			"common/v008__alter_table_jobs_increase_jobAsJson_size",
			"common/v009__change_jobrunr_job_counters_to_jobrunr_metadata", "common/v010__change_job_stats",
			"common/v011__change_sqlserver_text_to_varchar",
			"common/v012__change_oracle_alter_jobrunr_metadata_column_size",
			"common/v013__alter_table_recurring_job_add_createdAt", "postgres/v014__improve_job_stats",
			"common/v015__alter_table_backgroundjobserver_add_name");

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
								AUTHORIZATION + "oauth2-authorization-consent-schema.sql")),
				new JarSet("jar-spring-modulith", "org.springframework.modulith:spring-modulith-events-jdbc", APACHE_2,
						"Spring Modulith's event publication registry for PostgreSQL: IF NOT EXISTS, uuid keys, hash indexes",
						List.of(MODULITH + "schema-postgresql.sql", MODULITH + "schema-postgresql-archive.sql")),
				new JarSet("jar-camunda", "org.camunda.bpm:camunda-engine", APACHE_2,
						"Camunda 7's process engine schema for PostgreSQL, its seven create scripts in the engine's order: "
								+ "about fifty tables, hundreds of indexes, foreign keys, seed rows",
						CAMUNDA_PARTS.stream().map((part) -> CAMUNDA + "create/activiti.postgres.create." + part + ".sql")
							.toList(),
						List.of(CAMUNDA_CLOCK)),
				new JarSet("jar-camunda-upgrades", "org.camunda.bpm:camunda-engine", APACHE_2,
						"Camunda 7's schema as a chain of versions: its 7.16 baseline, then each minor version's "
								+ "upgrade script up to the jar's version (columns, indexes, schema-log rows)",
						Stream.concat(
								CAMUNDA_PARTS.stream()
									.map((part) -> CAMUNDA + "liquibase/baseline/liquibase.postgres.create." + part + ".sql"),
								CAMUNDA_UPGRADES.stream()
									.map((step) -> CAMUNDA + "liquibase/upgrade/postgres_engine_" + step + ".sql"))
							.toList(),
						List.of(CAMUNDA_CLOCK)),
				new JarSet("jar-activiti", "org.activiti:activiti-engine", APACHE_2,
						"Activiti 5's process engine schema for PostgreSQL: engine, history and identity create scripts",
						Stream.of("engine", "history", "identity")
							.map((part) -> "org/activiti/db/create/activiti.postgres.create." + part + ".sql")
							.toList()),
				new JarSet("jar-jobrunr", "org.jobrunr:jobrunr", "LGPL-3.0-or-later",
						"JobRunr's own chain of SQL migrations as its PostgreSQL storage runs them: views replaced "
								+ "version after version, seed rows, two versions that hold only a comment",
						JOBRUNR_MIGRATIONS.stream().map((m) -> JOBRUNR + m.replace("/", "/migrations/") + ".sql").toList(),
						List.of("public.jobrunr_metadata.createdat", "public.jobrunr_metadata.updatedat")));
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
			properties.setProperty("clock-columns", String.join(",", this.clockColumns));
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
