package dev.ratchet.tenant;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database per tenant: each database is a tenant with its history in its default schema,
 * reported like the tenant schemas beside it.
 */
class TenantDatabasesIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void eachDatabaseIsATenantReportedLikeASchema() {
		MigrationFiles tenant = new MigrationFiles(this.dir).write("V1__orders.sql",
				"CREATE TABLE orders (id int PRIMARY KEY);\nCREATE TABLE owner AS SELECT '${ratchet:schema}'::text AS name;");
		try (TestDatabase.Db main = TestDatabase.createDatabase(); TestDatabase.Db acme = TestDatabase.createDatabase();
				TestDatabase.Db globex = TestDatabase.createDatabase()) {
			Map<String, DataSource> databases = new LinkedHashMap<>();
			databases.put("acme", acme.dataSource());
			databases.put("globex", globex.dataSource());
			RatchetTenants tenants = RatchetTenants.builder(RatchetConfiguration.builder(main.dataSource()).build())
				.schemas(List.of("initech"))
				.dataSources(() -> databases)
				.locations(List.of(tenant.location()))
				.build();
			assertThat(tenants.tenants()).containsExactly("initech", "acme", "globex");
			assertThat(tenants.status().pending()).isEqualTo(3);

			TenantsReport report = tenants.migrate();

			assertThat(report.upToDate()).isEqualTo(3);
			assertThat(Sql.number(acme, "SELECT count(*) FROM public.ratchet_history WHERE success")).isEqualTo(1);
			assertThat(Sql.column(globex, "SELECT name FROM public.owner")).containsExactly("public");
			assertThat(Sql.exists(main, "initech.orders")).isTrue();
			assertThat(Sql.exists(main, "public.orders")).isFalse();
			TenantsReport status = tenants.status();
			assertThat(status.upToDate()).isEqualTo(3);
			assertThat(status.tenant("globex").version()).hasToString("1");
			assertThat(tenants.migrateTenant("acme").applied()).isZero();
		}
	}

}
