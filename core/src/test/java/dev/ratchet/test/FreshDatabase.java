package dev.ratchet.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;

/**
 * A JUnit 5 extension that gives each test a fresh, empty database and an empty migrations folder,
 * and drops both after the test. Register it on an instance field, so that every test gets its own:
 * <pre>
 * &#64;RegisterExtension
 * final FreshDatabase db = new FreshDatabase();
 *
 * &#64;Test
 * void appliesAMigration() {
 *     this.db.files().write("V1__init.sql", "CREATE TABLE item (id int);");
 *     this.db.ratchet().migrate();
 *     assertThat(Sql.exists(this.db, "item")).isTrue();
 * }
 * </pre>
 * The database is created before each test; the folder exists as soon as the extension does, so a
 * field initializer can already take {@link #files()} (its location, for example). Migrations that
 * every test of a class starts with are named where the extension is:
 * {@code new FreshDatabase().withMigration("V1__init.sql", "CREATE TABLE item (id int);")}; add
 * {@link #migrated()} when every test starts from them applied.
 */
public final class FreshDatabase implements Database, BeforeEachCallback, AfterEachCallback {

	private final Path directory;

	private final MigrationFiles files;

	private final Map<String, String> migrations = new LinkedHashMap<>();

	private boolean migrated;

	private TestDatabase.Db db;

	public FreshDatabase() {
		try {
			this.directory = Files.createTempDirectory("ratchet-migrations");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.files = new MigrationFiles(this.directory);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.db = TestDatabase.createDatabase();
		this.migrations.forEach(this.files::write);
		if (this.migrated) {
			ratchet().migrate();
		}
	}

	/**
	 * Has each test start with this migration in its folder, written before the test runs.
	 * @param name the file name, for example {@code V1__init.sql}
	 * @param sql its content
	 * @return this, for the field initializer
	 */
	public FreshDatabase withMigration(String name, String sql) {
		this.migrations.put(name, sql);
		return this;
	}

	/**
	 * Has each test start with the migrations of {@link #withMigration} applied, by {@link #ratchet()}.
	 * @return this, for the field initializer
	 */
	public FreshDatabase migrated() {
		this.migrated = true;
		return this;
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		try {
			if (this.db != null) {
				this.db.close();
				this.db = null;
			}
		}
		finally {
			try (Stream<Path> paths = Files.walk(this.directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}
	}

	/**
	 * Returns the test's migrations folder.
	 */
	public MigrationFiles files() {
		return this.files;
	}

	/**
	 * Returns a configuration builder for this database with the migrations folder as its location.
	 */
	public RatchetConfiguration.Builder configure() {
		return RatchetConfiguration.builder(dataSource()).locations(this.files.location());
	}

	/**
	 * Returns a Ratchet with the default configuration of {@link #configure()}.
	 */
	public Ratchet ratchet() {
		return new Ratchet(configure().build());
	}

	/**
	 * Returns the command-line arguments that start a Spring Boot application on this database and
	 * migrations folder ({@code spring.datasource.*} and {@code ratchet.locations}), as a list the
	 * caller may add to.
	 */
	public List<String> applicationArguments() {
		List<String> args = springDataSourceArguments();
		args.add("--ratchet.locations=" + this.files.location());
		return args;
	}

	@Override
	public Connection connect() throws SQLException {
		return db().connect();
	}

	@Override
	public DataSource dataSource() {
		return db().dataSource();
	}

	@Override
	public String name() {
		return db().name();
	}

	@Override
	public String url() {
		return db().url();
	}

	@Override
	public String username() {
		return db().username();
	}

	@Override
	public String password() {
		return db().password();
	}

	private TestDatabase.Db db() {
		if (this.db == null) {
			throw new IllegalStateException("The fresh database exists only while a test runs");
		}
		return this.db;
	}

}
