package dev.ratchet.resolve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationResolutionException;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Tests for {@link MigrationResolver}.
 */
class MigrationResolverTests {

	private static final String PATTERN = "V<version>__<description>.sql";

	@TempDir
	Path dir;

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.log.start();
		scannerLogger().addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		scannerLogger().detachAppender(this.log);
	}

	@Test
	void findsMigrationsInAClasspathFolderAndItsSubfolders() throws IOException {
		List<SqlMigrationFile> migrations = resolve("classpath:resolve/app");
		assertThat(migrations).extracting(SqlMigrationFile::script)
			.containsExactly("V1__create_users.sql", "V1_1__add_email.sql", "chat/V2__create_messages.sql",
					"R__user_emails.sql");
		SqlMigrationFile first = migrations.get(0);
		assertThat(first.version()).isEqualTo(MigrationVersion.parse("1"));
		assertThat(first.description()).isEqualTo("create users");
		assertThat(first.type()).isEqualTo(MigrationType.SQL);
		assertThat(first.location()).isEqualTo(Location.parse("classpath:resolve/app"));
		assertThat(first.checksum()).isEqualTo(checksum("CREATE TABLE users (id bigint PRIMARY KEY);\n"));
		assertThat(content(first)).isEqualTo("CREATE TABLE users (id bigint PRIMARY KEY);\n");
		SqlMigrationFile repeatable = migrations.get(3);
		assertThat(repeatable.version()).isNull();
		assertThat(repeatable.type()).isEqualTo(MigrationType.REPEATABLE);
		assertThat(repeatable.description()).isEqualTo("user emails");
		assertThat(this.log.list).isEmpty();
	}

	@Test
	void locationWithoutPrefixIsOnTheClasspath() {
		assertThat(resolve("resolve/more")).extracting(SqlMigrationFile::script).containsExactly("V3__index_messages.sql");
	}

	@Test
	void versionedMigrationsComeInVersionOrderThenRepeatablesByDescription() throws IOException {
		for (String name : List.of("R__b.sql", "V2__c.sql", "x/V1.10__d.sql", "V1.9__e.sql", "y/z/V20251024020000__f.sql",
				"V2025.10.24__g.sql", "V1__h.sql", "R__a.sql")) {
			write(name, "SELECT 1;");
		}
		assertThat(resolve(filesystem(this.dir))).extracting(SqlMigrationFile::script)
			.containsExactly("V1__h.sql", "V1.9__e.sql", "x/V1.10__d.sql", "V2__c.sql", "V2025.10.24__g.sql",
					"y/z/V20251024020000__f.sql", "R__a.sql", "R__b.sql");
	}

	@Test
	void descriptionReadsUnderscoresAsSpaces() throws IOException {
		write("V1_2__create_session_table.sql", "SELECT 1;");
		SqlMigrationFile migration = resolve(filesystem(this.dir)).get(0);
		assertThat(migration.version()).hasToString("1.2");
		assertThat(migration.description()).isEqualTo("create session table");
	}

	@Test
	void severalLocationsAreCombined() throws IOException {
		write("V4__seed.sql", "INSERT INTO users VALUES (1);");
		List<SqlMigrationFile> migrations = resolve("classpath:resolve/app", "classpath:resolve/more",
				filesystem(this.dir));
		assertThat(migrations).extracting((migration) -> migration.location() + " " + migration.script())
			.containsExactly("classpath:resolve/app V1__create_users.sql", "classpath:resolve/app V1_1__add_email.sql",
					"classpath:resolve/app chat/V2__create_messages.sql",
					"classpath:resolve/more V3__index_messages.sql", filesystem(this.dir) + " V4__seed.sql",
					"classpath:resolve/app R__user_emails.sql");
		assertThat(content(migrations.get(4))).isEqualTo("INSERT INTO users VALUES (1);");
	}

	@Test
	void locationsMayBeSeparatedByCommas() {
		assertThat(resolve(" classpath:resolve/app , classpath:resolve/more")).hasSize(5);
	}

	@Test
	void locationListedTwiceIsReadOnce() {
		assertThat(resolve("classpath:resolve/app", "resolve/app/")).hasSize(4);
	}

	@Test
	void sameVersionInTwoLocationsIsAnErrorNamingBoth() {
		resolveFails("classpath:resolve/app", "classpath:resolve/clash")
			.withMessageStartingWith("Migrations classpath:resolve/app/V1__create_users.sql (in file:")
			.withMessageContaining(" and classpath:resolve/clash/V1.0__add_name.sql (in file:")
			.withMessageContaining("have the same version 1:");
	}

	@Test
	void versionsWrittenDifferentlyAreTheSameVersion() throws IOException {
		write("a/V2_1__x.sql", "SELECT 1;");
		write("b/V2.1__y.sql", "SELECT 2;");
		write("V3__z.sql", "SELECT 3;");
		write("V3.0.0__w.sql", "SELECT 4;");
		String location = filesystem(this.dir);
		resolveFails(location)
			.withMessageStartingWith("Found 2 problems with migrations:")
			.withMessageContaining(location + "/a/V2_1__x.sql and " + location + "/b/V2.1__y.sql have the same version")
			.withMessageContaining(location + "/V3.0.0__w.sql and " + location + "/V3__z.sql have the same version");
	}

	@Test
	void undoScriptComesRightAfterTheMigrationItUndoes() throws IOException {
		write("V1__a.sql", "SELECT 1;");
		write("U1__a.sql", "SELECT 2;");
		write("V2__b.sql", "SELECT 3;");
		assertThat(resolve(filesystem(this.dir))).extracting(SqlMigrationFile::script)
			.containsExactly("V1__a.sql", "U1__a.sql", "V2__b.sql");
	}

	@Test
	void undoScriptWithoutItsMigrationIsAnErrorNamingIt() throws IOException {
		write("V1__a.sql", "SELECT 1;");
		write("sub/U2__b.sql", "SELECT 2;");
		String location = filesystem(this.dir);
		resolveFails(location)
			.withMessageContaining("Undo script " + location + "/sub/U2__b.sql undoes version 2, but there is no "
					+ "V2__<description>.sql migration");
	}

	@Test
	void twoUndoScriptsForOneVersionAreAnError() throws IOException {
		write("V1__a.sql", "SELECT 1;");
		write("U1__a.sql", "SELECT 2;");
		write("U1.0__b.sql", "SELECT 3;");
		resolveFails(filesystem(this.dir))
			.withMessageContaining("undo the same version 1");
	}

	@Test
	void sameFileInTwoClasspathEntriesIsAnErrorNamingBoth() throws IOException {
		Path classes = this.dir.resolve("classes");
		write("classes/db/migration/V1__init.sql", "SELECT 1;");
		Path jar = TestJars.write(this.dir.resolve("app.jar"), Map.of("db/migration/V1__init.sql", "SELECT 1;"));
		try (URLClassLoader classLoader = classLoader(classes, jar)) {
			resolveFails(classLoader, "classpath:db/migration")
				.withMessageContaining("classpath:db/migration/V1__init.sql (in " + classes.toUri().toURL() + "db/migration)")
				.withMessageContaining(
						"classpath:db/migration/V1__init.sql (in jar:" + jar.toUri().toURL() + "!/db/migration)");
		}
	}

	@Test
	void repeatablesWithTheSameDescriptionAreAnError() throws IOException {
		write("R__views.sql", "SELECT 1;");
		write("old/R__views.sql", "SELECT 2;");
		String location = filesystem(this.dir);
		resolveFails(location)
			.withMessage("Repeatable migrations " + location + "/R__views.sql and " + location
					+ "/old/R__views.sql have the same description 'views': rename or remove all but one.");
	}

	@Test
	void misnamedFileIsAnErrorNamingTheFile() throws IOException {
		write("V2__fine.sql", "SELECT 1;");
		write("sub/V1_init.sql", "SELECT 1;");
		String location = filesystem(this.dir);
		resolveFails(location)
			.withMessageStartingWith("Migration file " + location
					+ "/sub/V1_init.sql is misnamed: single underscore: use two, V1__init.sql.")
			.withMessageContaining(PATTERN)
			.satisfies((ex) -> assertThat(ex.getScript()).isEqualTo(location + "/sub/V1_init.sql"));
	}

	@Test
	void everyMisnamedFileIsReportedAtOnce() throws IOException {
		for (String name : List.of("v1__a.sql", "V2.sql", "Vabc__c.sql", "R1__d.sql", "V5__e.SQL", "V6__.sql",
				"V7__fine.sql")) {
			write(name, "SELECT 1;");
		}
		String location = filesystem(this.dir);
		resolveFails(location)
			.withMessageStartingWith("Found 6 problems with migrations:")
			.withMessageContaining(location + "/v1__a.sql is misnamed: prefix must be an upper-case V")
			.withMessageContaining(location + "/V2.sql is misnamed: the description is missing")
			.withMessageContaining(location + "/Vabc__c.sql is misnamed: version 'abc' is not digits")
			.withMessageContaining(location + "/R1__d.sql is misnamed: repeatable migrations have no version: R__d.sql")
			.withMessageContaining(location + "/V5__e.SQL is misnamed: the extension must be lower-case")
			.withMessageContaining(location + "/V6__.sql is misnamed: the description is missing")
			.withMessageEndingWith("\n" + MigrationFileName.PATTERN)
			.withMessageNotContaining("V7__fine");
	}

	@Test
	void filesThatAreNotSqlAreIgnored() throws IOException {
		for (String name : List.of("README.md", ".gitkeep", "V1__init.sql.txt", "V1__init.sql~", "notes.txt",
				"V2__fine.sql")) {
			write(name, "whatever");
		}
		assertThat(resolve(filesystem(this.dir))).extracting(SqlMigrationFile::script).containsExactly("V2__fine.sql");
	}

	@Test
	void hiddenFilesAndFoldersAreSkipped() throws IOException {
		write(".git/V1__stale.sql", "SELECT 1;");
		write("._V2__fine.sql", "\0\5\0\7");
		write(".sql", "");
		write("V2__fine.sql", "SELECT 2;");
		assertThat(resolve(filesystem(this.dir))).extracting(SqlMigrationFile::script).containsExactly("V2__fine.sql");
	}

	@Test
	void folderMountedFromAConfigMapIsReadThroughItsLinks() throws IOException {
		// the layout Kubernetes gives a mounted ConfigMap
		write("..2026_11_21_09_00_00.123/V1__init.sql", "SELECT 1;");
		Files.createSymbolicLink(this.dir.resolve("..data"), this.dir.resolve("..2026_11_21_09_00_00.123"));
		Files.createSymbolicLink(this.dir.resolve("V1__init.sql"), Path.of("..data/V1__init.sql"));
		SqlMigrationFile migration = resolve(filesystem(this.dir)).get(0);
		assertThat(migration.script()).isEqualTo("V1__init.sql");
		assertThat(content(migration)).isEqualTo("SELECT 1;");
		assertThat(resolve(filesystem(this.dir))).hasSize(1);
	}

	@Test
	void missingClasspathLocationIsLoggedAndGivesNothing() {
		assertThat(resolve("classpath:db/nowhere")).isEmpty();
		assertThat(this.log.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).contains("classpath:db/nowhere").contains("not found");
		});
	}

	@Test
	void missingFilesystemLocationIsLoggedAndGivesNothing() {
		String location = filesystem(this.dir.resolve("nowhere"));
		assertThat(resolve(location)).isEmpty();
		assertThat(this.log.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).contains(location).contains("does not exist");
		});
	}

	@Test
	void filesystemLocationIsRelativeToTheWorkingDirectory() throws IOException {
		write("V1__init.sql", "SELECT 1;");
		Path relative = Path.of("").toAbsolutePath().relativize(this.dir);
		assertThat(relative.isAbsolute()).isFalse();
		SqlMigrationFile migration = resolve("filesystem:" + relative).get(0);
		assertThat(migration.location().path()).isEqualTo(relative.toString());
		assertThat(content(migration)).isEqualTo("SELECT 1;");
	}

	@Test
	void filesystemLocationThatIsAFileIsAnError() throws IOException {
		Path file = write("V1__init.sql", "SELECT 1;");
		resolveFails(filesystem(file))
			.withMessage("Migration location " + filesystem(file)
					+ " is a file, not a folder: point it at the folder that holds the migrations");
	}

	@Test
	void brokenLinkIsAnErrorNamingTheFile() throws IOException {
		Files.createSymbolicLink(this.dir.resolve("V1__init.sql"), this.dir.resolve("gone.sql"));
		resolveFails(filesystem(this.dir))
			.withMessageStartingWith("Cannot read migration file " + filesystem(this.dir) + "/V1__init.sql")
			.withMessageContaining("gone.sql");
	}

	@Test
	void unreadableFileIsAnErrorNamingIt() throws IOException {
		Path file = write("V1__init.sql", "SELECT 1;");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
		assumeFalse(Files.isReadable(file), "a superuser reads any file");
		resolveFails(filesystem(this.dir))
			.withMessageStartingWith("Cannot read migration file " + filesystem(this.dir) + "/V1__init.sql");
	}

	@Test
	void fileThatIsNotUtf8IsAnErrorNamingFileAndLine() throws IOException {
		Files.createDirectories(this.dir.resolve("sub"));
		byte[] latin1 = "SELECT 1;\nSELECT 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
		Files.write(this.dir.resolve("sub/V1__names.sql"), latin1);
		write("V2__fine.sql", "SELECT 1;");
		String file = filesystem(this.dir) + "/sub/V1__names.sql";
		resolveFails(filesystem(this.dir))
			.withMessageStartingWith("Migration file " + file + " is not valid UTF-8: line 2 contains the byte 0xE9")
			.withMessageContaining("re-save the file as UTF-8")
			.satisfies((ex) -> {
				assertThat(ex.getScript()).isEqualTo(file);
				assertThat(ex.getLine()).isEqualTo(2);
			});
	}

	@Test
	void invalidLocationsAreReportedTogether() {
		resolveFails("http:x", "classpath:resolve/app", "ftp:y")
			.withMessageStartingWith("Found 2 problems with migrations:")
			.withMessageContaining("'http:x'")
			.withMessageContaining("'ftp:y'")
			.withMessageContaining("classpath:")
			.withMessageContaining("filesystem:");
	}

	@Test
	void scansFoldersInsideAJar() throws IOException {
		Path jar = TestJars.write(this.dir.resolve("app.jar"),
				Map.of("db/migration/V1__init.sql", "CREATE TABLE t (id int);\r\n",
						"db/migration/chat/V2__café au lait.sql", "SELECT 'café';",
						"db/migration/V3__100%_done#1.sql", "SELECT 3;", "db/migration/R__views.sql", "SELECT 4;",
						"db/migration/README.md", "not SQL", "db/other/V9__elsewhere.sql", "SELECT 9;",
						"db/migrations/V8__similar_name.sql", "SELECT 8;"));
		try (URLClassLoader classLoader = classLoader(jar)) {
			List<SqlMigrationFile> migrations = resolve(classLoader, "classpath:db/migration");
			assertThat(migrations).extracting(SqlMigrationFile::script)
				.containsExactly("V1__init.sql", "chat/V2__café au lait.sql", "V3__100%_done#1.sql", "R__views.sql");
			assertThat(migrations.get(0).checksum()).isEqualTo(checksum("CREATE TABLE t (id int);\n"));
			assertThat(migrations).extracting(MigrationResolverTests::content)
				.containsExactly("CREATE TABLE t (id int);\r\n", "SELECT 'café';", "SELECT 3;", "SELECT 4;");
			assertThat(migrations.get(1).description()).isEqualTo("café au lait");
		}
	}

	@Test
	void misnamedFileInAJarIsAnErrorNamingIt() throws IOException {
		resolveInJarFails(Map.of("db/migration/V1_init.sql", "SELECT 1;"), "classpath:db/migration")
			.withMessageStartingWith(
					"Migration file classpath:db/migration/V1_init.sql is misnamed: single underscore");
	}

	@Test
	void scansNestedJarsThroughTheirOwnUrlHandler() throws IOException {
		Path inner = TestJars.write(this.dir.resolve("classes.jar"), Map.of("db/migration/V1__init.sql", "SELECT 1;",
				"db/migration/sub/V2__more.sql", "SELECT 2;", "db/migration/R__view.sql", "SELECT 3;"));
		try (NestedJarHandler handler = new NestedJarHandler(inner, this.dir.resolve("app.jar"))) {
			ClassLoader classLoader = new ClassLoader(null) {

				@Override
				public Enumeration<URL> getResources(String name) throws IOException {
					return Collections.enumeration(List.of(handler.url(name)));
				}

			};
			List<SqlMigrationFile> migrations = resolve(classLoader, "classpath:db/migration");
			assertThat(migrations).extracting(SqlMigrationFile::script)
				.containsExactly("V1__init.sql", "sub/V2__more.sql", "R__view.sql");
			assertThat(migrations).extracting(MigrationResolverTests::content)
				.containsExactly("SELECT 1;", "SELECT 2;", "SELECT 3;");
		}
	}

	@Test
	void classpathLocationInAJarThatIsAFileIsAnError() throws IOException {
		resolveInJarFails(Map.of("db/migration/V1__init.sql", "SELECT 1;"), "classpath:db/migration/V1__init.sql")
			.withMessageContaining("is a file, not a folder");
	}

	@Test
	void thousandFilesInSubfoldersComeOutInVersionOrder() throws IOException {
		for (int i = 1; i <= 1000; i++) {
			write("batch" + (i % 10) + "/V" + i + "__step_" + i + ".sql", "INSERT INTO t VALUES (" + i + ");\n");
		}
		List<SqlMigrationFile> files = resolve(filesystem(this.dir));
		assertThat(files).hasSize(1000);
		assertThat(files).extracting((file) -> file.version().toString())
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 1000).mapToObj(String::valueOf).toList());
		assertThat(files.get(41).script()).isEqualTo("batch2/V42__step_42.sql");
	}

	private Path write(String relative, String content) throws IOException {
		Path file = this.dir.resolve(relative);
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

	private ThrowableAssertAlternative<MigrationResolutionException> resolveFails(String... locations) {
		return assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> resolve(locations));
	}

	private static ThrowableAssertAlternative<MigrationResolutionException> resolveFails(ClassLoader classLoader,
			String... locations) {
		return assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> resolve(classLoader, locations));
	}

	/**
	 * Resolves the location from an {@code app.jar} holding the files, expecting it to fail.
	 */
	private ThrowableAssertAlternative<MigrationResolutionException> resolveInJarFails(Map<String, String> files,
			String location) throws IOException {
		Path jar = TestJars.write(this.dir.resolve("app.jar"), files);
		try (URLClassLoader classLoader = classLoader(jar)) {
			return resolveFails(classLoader, location);
		}
	}

	private List<SqlMigrationFile> resolve(String... locations) {
		return resolve(getClass().getClassLoader(), locations);
	}

	private static List<SqlMigrationFile> resolve(ClassLoader classLoader, String... locations) {
		return new MigrationResolver(List.of(locations), classLoader).resolve();
	}

	private static String filesystem(Path path) {
		return "filesystem:" + path;
	}

	private static URLClassLoader classLoader(Path... entries) throws IOException {
		URL[] urls = new URL[entries.length];
		for (int i = 0; i < entries.length; i++) {
			urls[i] = entries[i].toUri().toURL();
		}
		return new URLClassLoader(urls, null);
	}

	private static String content(SqlMigrationFile migration) {
		try (InputStream in = migration.source().open()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String checksum(String text) throws IOException {
		return Checksums.checksum(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
	}

	private static Logger scannerLogger() {
		return (Logger) LoggerFactory.getLogger(LocationScanner.class);
	}

}
