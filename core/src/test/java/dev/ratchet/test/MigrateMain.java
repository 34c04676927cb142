package dev.ratchet.test;

import java.nio.file.Files;
import java.nio.file.Path;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.JavaMigration;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.tenant.RatchetTenants;

/**
 * Runs one migration in a JVM of its own, so a test can kill it mid-migration or start many at once.
 * Arguments: JDBC URL, user, location. With the system property {@code ratchet.test.gate} naming a
 * folder, it first writes {@code ready-<pid>} there and waits for a file {@code go}, so that
 * processes started one after the other migrate at the same moment. With the system property
 * {@code ratchet.test.java-migrations} naming classes (comma-separated) that implement
 * {@link JavaMigration} and have a constructor without arguments, it migrates them too. With the
 * system property {@code ratchet.test.undo} naming a target, it undoes to that target instead. With
 * the system property {@code ratchet.test.tenants} naming schemas (comma-separated), it migrates
 * those tenants from the location instead, {@code ratchet.test.tenant-parallelism} (default 4) at once.
 */
public final class MigrateMain {

	private MigrateMain() {
	}

	public static void main(String[] args) throws Exception {
		DataSource dataSource = dataSource(args[0], args[1]);
		String tenants = System.getProperty("ratchet.test.tenants");
		if (tenants != null) {
			RatchetTenants.builder(RatchetConfiguration.builder(dataSource).build())
				.schemas(List.of(tenants.split(",")))
				.locations(List.of(args[2]))
				.parallelism(Integer.getInteger("ratchet.test.tenant-parallelism", 4))
				.build()
				.migrate()
				.orThrow();
			return;
		}
		Ratchet ratchet = new Ratchet(RatchetConfiguration.builder(dataSource)
			.locations(args[2])
			.javaMigrations(javaMigrations(System.getProperty("ratchet.test.java-migrations", "")))
			.build());
		String gate = System.getProperty("ratchet.test.gate");
		if (gate != null) {
			awaitGate(Path.of(gate));
		}
		String undoTarget = System.getProperty("ratchet.test.undo");
		if (undoTarget != null) {
			ratchet.undo(undoTarget);
		}
		else {
			ratchet.migrate();
		}
	}

	/**
	 * Returns a DataSource for a child JVM: URL and user from its arguments, the password from
	 * {@code RATCHET_TEST_JDBC_PASSWORD} when set.
	 */
	public static DataSource dataSource(String url, String user) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(user);
		String password = System.getenv("RATCHET_TEST_JDBC_PASSWORD");
		if (password != null) {
			dataSource.setPassword(password);
		}
		return dataSource;
	}

	private static JavaMigration[] javaMigrations(String classNames) throws Exception {
		List<JavaMigration> migrations = new ArrayList<>();
		for (String name : classNames.split(",")) {
			if (!name.isBlank()) {
				Constructor<?> constructor = Class.forName(name.strip()).getDeclaredConstructor();
				constructor.setAccessible(true);
				migrations.add((JavaMigration) constructor.newInstance());
			}
		}
		return migrations.toArray(JavaMigration[]::new);
	}

	private static void awaitGate(Path gate) throws Exception {
		Files.createFile(gate.resolve("ready-" + ProcessHandle.current().pid()));
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (!Files.exists(gate.resolve("go"))) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The test never opened the gate " + gate);
			}
			Thread.sleep(2);
		}
	}

}
