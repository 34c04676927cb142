package dev.ratchet.tenant;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fifty tenant schemas on a pool of five: each gets its own history, one that fails does not stop
 * the others, and the connections stay within the budget.
 */
class TenantsIntegrationTests {

	private static final int TENANTS = 50;

	@TempDir
	Path dir;

	private TestDatabase.Db db;

	private HikariDataSource pool;

	private MigrationFiles main;

	private MigrationFiles tenant;

	@BeforeEach
	void setUp() {
		this.db = TestDatabase.createDatabase();
		HikariConfig config = new HikariConfig();
		config.setDataSource(this.db.dataSource());
		config.setMaximumPoolSize(5);
		this.pool = new HikariDataSource(config);
		this.main = new MigrationFiles(this.dir.resolve("main")).write("V1__shops.sql",
				"CREATE TABLE shops (schema_name text PRIMARY KEY, broken boolean NOT NULL DEFAULT false);");
		this.tenant = new MigrationFiles(this.dir.resolve("tenant"))
			.write("V1__orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);")
			.write("V2__owner.sql", "CREATE TABLE owner (name text);\nINSERT INTO owner VALUES ('${ratchet:schema}');")
			.write("V3__items.sql", "CREATE TABLE items (id int);\n"
					+ "INSERT INTO items SELECT 1 / (CASE WHEN broken THEN 0 ELSE 1 END) FROM public.shops WHERE schema_name = current_schema();");
		new Ratchet(mainConfiguration()).migrate();
	}

	@AfterEach
	void tearDown() {
		this.pool.close();
		this.db.close();
	}

	@Test
	void fiftyTenantsOnAPoolOfFiveOneFailingTheOthersUpToDate() {
		List<String> names = IntStream.rangeClosed(1, TENANTS).mapToObj((i) -> "shop_" + i).toList();
		names.forEach((name) -> Sql.execute(this.db, "INSERT INTO shops VALUES ('" + name + "')"));
		// shop_13's data makes its V3 fail, after V1 and V2.
		Sql.execute(this.db, "UPDATE shops SET broken = true WHERE schema_name = 'shop_13'");
		RatchetTenants tenants = RatchetTenants.builder(mainConfiguration())
			.query("SELECT schema_name FROM shops ORDER BY schema_name")
			.locations(List.of(this.tenant.location()))
			.parallelism(4)
			.build();

		TenantsReport report = tenants.migrate();

		assertThat(report.total()).isEqualTo(TENANTS);
		assertThat(report.failed()).isEqualTo(1);
		assertThat(report.upToDate()).isEqualTo(TENANTS - 1);
		TenantResult failed = report.tenant("shop_13");
		assertThat(failed.status()).isEqualTo(TenantStatus.FAILED);
		assertThat(failed.script()).as(failed.toString()).isEqualTo("V3__items.sql");
		assertThat(failed.line()).isEqualTo(2);
		assertThat(failed.error()).contains("division by zero");
		// A failed tenant reports no count: its failure is what it reports.
		assertThat(report.applied()).isEqualTo((TENANTS - 1) * 3);
		assertThatExceptionOfType(TenantsFailedException.class).isThrownBy(report::orThrow)
			.withMessageContaining("1 of 50 tenants failed")
			.withMessageContaining("shop_13: V3__items.sql line 2: ")
			.withMessageContaining("division by zero");
		for (String name : List.of("shop_1", "shop_27", "shop_50")) {
			assertThat(Sql.number(this.db, "SELECT count(*) FROM " + name + ".ratchet_history WHERE success")).isEqualTo(3);
			// Unqualified names went to the tenant's schema, and ${ratchet:schema} was it.
			assertThat(Sql.column(this.db, "SELECT name FROM " + name + ".owner")).containsExactly(name);
			assertThat(Sql.exists(this.db, name + ".items")).isTrue();
		}
		assertThat(Sql.exists(this.db, "public.orders")).isFalse();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM shop_13.ratchet_history WHERE success")).isEqualTo(2);
		assertThat(tenants.getPeakConnections()).isBetween(2, tenants.getParallelism() + 1);
	}

	@Test
	void statusCountsTheTenantsAndRemembersAFailureTheHistoryCannotShow() {
		Sql.execute(this.db, "INSERT INTO shops VALUES ('b', true)");
		RatchetTenants tenants = RatchetTenants.builder(mainConfiguration())
			.schemas(List.of("a", "b", "c"))
			.locations(List.of(this.tenant.location()))
			.build();
		TenantsReport before = tenants.status();
		assertThat(before.pending()).isEqualTo(3);
		assertThat(before.problems()).extracting(TenantResult::script).containsOnly("V1__orders.sql");

		tenants.migrate();

		TenantsReport after = tenants.status();
		assertThat(after.upToDate()).isEqualTo(2);
		assertThat(after.failed()).isEqualTo(1);
		assertThat(after.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.tenant()).isEqualTo("b");
			assertThat(problem.script()).isEqualTo("V3__items.sql");
			assertThat(problem.version()).hasToString("2");
		});
		// Another instance, which did not run it, sees the tenant pending at version 2.
		TenantsReport elsewhere = RatchetTenants.builder(mainConfiguration())
			.schemas(List.of("a", "b", "c"))
			.locations(List.of(this.tenant.location()))
			.build()
			.status();
		assertThat(elsewhere.tenant("b").status()).isEqualTo(TenantStatus.PENDING);
		assertThat(elsewhere.tenant("b").version()).hasToString("2");
	}

	@Test
	void aSecondRunFindsEveryTenantUpToDateWithoutRunningAny() {
		RatchetTenants tenants = RatchetTenants.builder(mainConfiguration())
			.schemas(IntStream.rangeClosed(1, 20).mapToObj((i) -> "t" + i).toList())
			.locations(List.of(this.tenant.location()))
			.build();
		tenants.migrate().orThrow();
		Sql.execute(this.db, "CREATE TABLE public.marker (id int)");

		TenantsReport again = tenants.migrate();

		assertThat(again.upToDate()).isEqualTo(20);
		assertThat(again.applied()).isZero();
		assertThat(again.tenants()).allSatisfy((result) -> assertThat(result.version()).hasToString("3"));
	}

	@Test
	void migrateTenantOnboardsANewSchemaNow() {
		RatchetTenants tenants = RatchetTenants.builder(mainConfiguration())
			.schemas(List.of("a"))
			.locations(List.of(this.tenant.location()))
			.build();

		TenantResult result = tenants.migrateTenant("new_shop");

		assertThat(result.status()).isEqualTo(TenantStatus.UP_TO_DATE);
		assertThat(result.applied()).isEqualTo(3);
		assertThat(Sql.column(this.db, "SELECT name FROM new_shop.owner")).containsExactly("new_shop");
		assertThat(tenants.inspect("new_shop").status().currentVersion()).hasToString("3");
	}

	@Test
	void aBrokenTenantMigrationStopsTheRunBeforeAnyTenant() {
		this.tenant.write("V4__broken.sql", "CREATE TABLE x (id int);\nCOMMIT;\nCREATE TABLE y (id int);");
		RatchetTenants tenants = RatchetTenants.builder(mainConfiguration())
			.schemas(List.of("a", "b"))
			.locations(List.of(this.tenant.location()))
			.build();

		assertThatExceptionOfType(dev.ratchet.MigrationResolutionException.class).isThrownBy(tenants::migrate)
			.withMessageContaining("V4__broken.sql");
		assertThat(Sql.exists(this.db, "a.orders")).isFalse();
	}

	@Test
	void aLongRunLogsItsProgress() {
		Logger logger = (Logger) LoggerFactory.getLogger("dev.ratchet.tenants");
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			RatchetTenants.builder(mainConfiguration())
				.schemas(IntStream.rangeClosed(1, 12).mapToObj((i) -> "p" + i).toList())
				.locations(List.of(this.tenant.location()))
				.parallelism(2)
				.progressEvery(java.time.Duration.ofMillis(50))
				.build()
				.migrate()
				.orThrow();
		}
		finally {
			logger.detachAppender(appender);
		}
		assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.anyMatch((line) -> line.matches("Tenants: migrate \\d+/12 done \\(\\d+\\.\\d per second\\), 0 failed"))
			.last()
			.asString()
			.startsWith("Tenants: 12 migrated in ");
	}

	private RatchetConfiguration mainConfiguration() {
		return RatchetConfiguration.builder(this.pool).locations(this.main.location()).build();
	}

}
