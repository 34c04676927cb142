package dev.ratchet.tenant;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.test.AtOnce;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances starting at once over the same tenants (six over 24, sixteen over a hundred):
 * each tenant migration is applied exactly once, and none fails.
 */
class TenantsConcurrencyIntegrationTests {

	private static final int INSTANCES = 6;

	private static final int TENANTS = 24;

	private static final int MIGRATIONS = 5;

	private static final int MANY_INSTANCES = 16;

	private static final int MANY_TENANTS = 100;

	private static final int COUNTED_MIGRATIONS = 3;

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void sixInstancesApplyEachTenantMigrationExactlyOnce() throws Exception {
		this.db.files().writeCountedSteps(MIGRATIONS, "");
		List<String> schemas = IntStream.rangeClosed(1, TENANTS).mapToObj((i) -> "tenant_" + i).toList();
		int applied = 0;
		for (TenantsReport report : migrateTogether(INSTANCES,
				() -> tenants(schemas, 3).progressEvery(Duration.ofMillis(200)).build())) {
			assertThat(report.failed()).isZero();
			assertThat(report.upToDate()).isEqualTo(TENANTS);
			applied += report.applied();
		}
		assertThat(applied).isEqualTo(TENANTS * (MIGRATIONS + 1));
		for (String schema : schemas) {
			assertThat(Sql.number(this.db, "SELECT count(*) FROM " + schema + ".applied")).isEqualTo(MIGRATIONS);
			assertThat(Sql.number(this.db, "SELECT count(DISTINCT version) FROM " + schema + ".applied"))
				.isEqualTo(MIGRATIONS);
		}
	}

	@Test
	void sixteenInstancesOverAHundredTenantsApplyEachMigrationExactlyOnce() throws Exception {
		// Not idempotent on purpose: a second application would count twice.
		this.db.files().write("V1__counter.sql",
				"CREATE TABLE counter (n int NOT NULL);\nINSERT INTO counter VALUES (1);");
		for (int i = 2; i <= COUNTED_MIGRATIONS; i++) {
			this.db.files().write("V" + i + "__count_" + i + ".sql", "UPDATE counter SET n = n + 1;");
		}
		List<String> schemas = IntStream.rangeClosed(1, MANY_TENANTS).mapToObj((i) -> "shop_" + i).toList();
		int applied = 0;
		// Each instance has a DataSource of its own, as separate processes would.
		for (TenantsReport report : migrateTogether(MANY_INSTANCES, () -> tenants(schemas, 2).build())) {
			assertThat(report.problems()).isEmpty();
			assertThat(report.upToDate()).isEqualTo(MANY_TENANTS);
			applied += report.applied();
		}
		assertThat(applied).isEqualTo(MANY_TENANTS * COUNTED_MIGRATIONS);
		for (String schema : schemas) {
			assertThat(Sql.column(this.db, "SELECT n::text FROM " + schema + ".counter")).as(schema)
				.containsExactly(String.valueOf(COUNTED_MIGRATIONS));
			assertThat(Sql.column(this.db, "SELECT coalesce(version, '-') || ' ' || success FROM " + schema
					+ ".ratchet_history ORDER BY installed_rank"))
				.as(schema)
				.containsExactly("1 true", "2 true", "3 true");
		}
	}

	private RatchetTenants.Builder tenants(List<String> schemas, int parallelism) {
		return RatchetTenants.builder(RatchetConfiguration.builder(this.db.dataSource()).build())
			.schemas(schemas)
			.locations(List.of(this.db.files().location()))
			.parallelism(parallelism);
	}

	// Builds one engine per instance on its own thread, then starts them all at once.
	private static List<TenantsReport> migrateTogether(int instances, Supplier<RatchetTenants> instance)
			throws Exception {
		return AtOnce.run(instances, () -> instance.get()::migrate);
	}

}
