package dev.ratchet;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.internal.DelegatingDataSource;
import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A migration connection through a transaction-mode pooler is refused before the lock is taken:
 * the session lock would not keep other instances out. Shown with connections that share one
 * server session (runs everywhere) and with a real PgBouncer (when installed).
 */
class PoolerIntegrationTests {

	private static final Path PGBOUNCER = Path.of("/usr/sbin/pgbouncer");

	@TempDir
	Path dir;

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__users.sql", "CREATE TABLE users (id bigint);");

	private final List<Process> started = new ArrayList<>();

	@AfterEach
	void stop() {
		this.started.forEach(Process::destroy);
	}

	@Test
	void connectionsThatShareOneServerSessionAreRefused() throws Exception {
		SingleConnectionDataSource shared = new SingleConnectionDataSource(this.db.connect());
		Ratchet ratchet = new Ratchet(RatchetConfiguration.builder(shared).locations(this.db.files().location()).build());
		assertThatExceptionOfType(DatabaseConnectionException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("connection pooler in transaction mode (both of Ratchet's connections reached the "
					+ "same server session")
			.withMessageContaining("Set ratchet.url to the database's direct URL")
			.withMessageContaining("ratchet.pooler-policy=warn");
		assertThatExceptionOfType(DatabaseConnectionException.class).isThrownBy(ratchet::plan);
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
		shared.connection().close();
	}

	@Test
	void poolerUrlIsRefusedEvenWhenNothingIsPending() throws Exception {
		new Ratchet(this.db.configure().build()).migrate();
		// A run with nothing to apply takes no lock, but a pooler URL is still refused: better at this
		// deploy than at the next one, which has a migration to apply.
		DataSource viaPooler = reportingUrl(this.db.dataSource(),
				"jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres");
		Ratchet ratchet = new Ratchet(RatchetConfiguration.builder(viaPooler).locations(this.db.files().location()).build());
		assertThatExceptionOfType(DatabaseConnectionException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("port 6543 of aws-0-eu-central-1.pooler.supabase.com is Supabase's transaction pooler");
	}

	/**
	 * A DataSource whose connections say, in their metadata, that they come from another URL.
	 */
	private static DataSource reportingUrl(DataSource target, String url) {
		return new DelegatingDataSource(target) {

			@Override
			public Connection getConnection() throws SQLException {
				Connection connection = super.getConnection();
				DatabaseMetaData metaData = connection.getMetaData();
				DatabaseMetaData reporting = (DatabaseMetaData) Proxy.newProxyInstance(
						PoolerIntegrationTests.class.getClassLoader(), new Class<?>[] { DatabaseMetaData.class },
						(proxy, method, args) -> method.getName().equals("getURL") ? url
								: invoke(method, metaData, args));
				return (Connection) Proxy.newProxyInstance(PoolerIntegrationTests.class.getClassLoader(),
						new Class<?>[] { Connection.class }, (proxy, method, args) -> method.getName()
							.equals("getMetaData") ? reporting : invoke(method, connection, args));
			}

		};
	}

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@Test
	void warnPolicyGoesOn() throws Exception {
		SingleConnectionDataSource shared = new SingleConnectionDataSource(this.db.connect());
		Ratchet ratchet = new Ratchet(RatchetConfiguration.builder(shared)
			.locations(this.db.files().location())
			.poolerPolicy(PoolerPolicy.WARN)
			.build());
		assertThat(ratchet.migrate().appliedCount()).isEqualTo(1);
		shared.connection().close();
	}

	@Test
	void pgBouncerInTransactionModeIsRefused() throws Exception {
		Ratchet ratchet = new Ratchet(RatchetConfiguration.builder(pgBouncer("transaction"))
			.locations(this.db.files().location())
			.build());
		assertThatExceptionOfType(DatabaseConnectionException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("connection pooler in transaction mode")
			.withMessageContaining("URL jdbc:postgresql://127.0.0.1:");
		assertThat(ratchet.status().pendingCount()).isEqualTo(1);
		assertThat(Sql.exists(this.db, "users")).isFalse();
	}

	@Test
	void pgBouncerInSessionModeIsFine() throws Exception {
		Ratchet ratchet = new Ratchet(RatchetConfiguration.builder(pgBouncer("session"))
			.locations(this.db.files().location())
			.build());
		assertThat(ratchet.migrate().appliedCount()).isEqualTo(1);
	}

	private PGSimpleDataSource pgBouncer(String poolMode) throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(PGBOUNCER),
				"PgBouncer is not installed (apt-get install pgbouncer); the shared-session tests cover the check");
		Matcher server = Pattern.compile("//([^/:,]+):(\\d+)/").matcher(this.db.url());
		assertThat(server.find()).as("host and port in %s", this.db.url()).isTrue();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		// PgBouncer refuses to run as root and then drops to an unprivileged user, who must read its files.
		Path config = Files.createDirectories(this.dir.resolve("pgbouncer"));
		Files.writeString(config.resolve("users.txt"), "\"" + this.db.username() + "\" \"\"\n");
		Files.writeString(config.resolve("pgbouncer.ini"), """
				[databases]
				* = host=%s port=%s

				[pgbouncer]
				listen_addr = 127.0.0.1
				listen_port = %d
				unix_socket_dir =
				auth_type = trust
				auth_file = %s
				pool_mode = %s
				ignore_startup_parameters = extra_float_digits,options
				""".formatted(server.group(1), server.group(2), port, config.resolve("users.txt"), poolMode));
		for (Path path : List.of(this.dir, config)) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
		List<String> command = new ArrayList<>(List.of(PGBOUNCER.toString()));
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("-u", "nobody"));
		}
		command.add(config.resolve("pgbouncer.ini").toString());
		File log = ChildLogs.file("Pooler-pgbouncer-" + poolMode).toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		this.started.add(process);
		awaitListening(port, process, log);
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + this.db.name());
		dataSource.setUser(this.db.username());
		return dataSource;
	}

	private static void awaitListening(int port, Process process, File log) throws Exception {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException ex) {
				if (!process.isAlive()) {
					break;
				}
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("PgBouncer did not start: " + Files.readString(log.toPath()));
	}

}
