package dev.ratchet.tenant;

import java.util.List;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.RoundTripDataSource;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new tenant costs in round trips (issue 14's benchmark shape: N trivial migrations each):
 * two per migration (its statement; the session's restore, the lock check and the history row with
 * the commit) and a fixed number per tenant, and no disk flush per migration but the last.
 * {@code -Dratchet.test.roundTrips.print=true} prints the round trips by kind, with their time.
 */
class TenantRoundTripsIntegrationTests {

	private static final int TENANTS = 12;

	private static final int MIGRATIONS = 10;

	// Measured: 15.3 per tenant, besides 2 per migration; before issue 14's round-trip work it was 24.3
	// per tenant and 3 per migration (the session was read back apart), with a disk flush at every commit.
	private static final int FIXED_PER_TENANT = 16;

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void aNewTenantCostsAFixedNumberOfRoundTripsBesidesItsMigrations() {
		MigrationFiles files = this.db.files();
		for (int i = 1; i <= MIGRATIONS; i++) {
			files.write("V" + i + "__create_table_" + i + ".sql",
					"CREATE TABLE item_" + i + " (id bigint PRIMARY KEY, name text NOT NULL);\n");
		}
		HikariConfig config = new HikariConfig();
		config.setDataSource(this.db.dataSource());
		config.setMaximumPoolSize(6);
		try (HikariDataSource pool = new HikariDataSource(config)) {
			RoundTripDataSource counted = new RoundTripDataSource(pool);
			List<String> schemas = IntStream.rangeClosed(1, TENANTS).mapToObj((i) -> "tenant_" + i).toList();
			RatchetTenants tenants = RatchetTenants.builder(RatchetConfiguration.builder(counted).build())
				.schemas(schemas)
				.locations(List.of(files.location()))
				.parallelism(4)
				.build();

			TenantsReport report = tenants.migrate();

			if (Boolean.getBoolean("ratchet.test.roundTrips.print")) {
				System.out.println(counted.profile());
			}
			assertThat(report.upToDate()).isEqualTo(TENANTS);
			assertThat(report.applied()).isEqualTo(TENANTS * MIGRATIONS);
			// The run's one-off round trips (the status of every tenant, the shared lock session) are few.
			assertThat(counted.roundTrips()).as(counted.profile())
				.isLessThanOrEqualTo((long) TENANTS * (FIXED_PER_TENANT + 2 * MIGRATIONS) + 6);
			// Each migration's commit but the tenant's last leaves the flush to the last one.
			assertThat(counted.roundTrips("SET LOCAL synchronous_commit = off")).isEqualTo(TENANTS * (MIGRATIONS - 1));
			for (String schema : List.of("tenant_1", "tenant_12")) {
				assertThat(Sql.number(this.db, "SELECT count(*) FROM " + schema + ".ratchet_history WHERE success"))
					.isEqualTo(MIGRATIONS);
				assertThat(Sql.number(this.db, "SELECT count(*) FROM " + schema + ".ratchet_history_snapshot"))
					.isEqualTo(1);
				assertThat(Sql.exists(this.db, schema + ".item_" + MIGRATIONS)).isTrue();
			}
		}
	}

}
