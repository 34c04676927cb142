package dev.ratchet.boot.test;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.TestDatabase;

/**
 * Base of the tests over tenants: a fresh database per test, the {@link #main} migrations that create
 * a {@code shops} table listing three shops ({@code acme}, {@code globex}, {@code initech}), and the
 * {@link #tenant} migrations, the second of which fails in the broken shop {@code globex}.
 */
public abstract class ShopTenantsTests {

	@TempDir
	protected Path dir;

	protected MigrationFiles main;

	protected MigrationFiles tenant;

	protected TestDatabase.Db db;

	@BeforeEach
	void createDatabase() {
		this.db = TestDatabase.createDatabase();
		this.main = new MigrationFiles(this.dir.resolve("main")).write("V1__shops.sql",
				"CREATE TABLE shops (schema_name text PRIMARY KEY, broken boolean NOT NULL DEFAULT false);\n"
						+ "INSERT INTO shops VALUES ('acme', false), ('globex', true), ('initech', false);");
		this.tenant = new MigrationFiles(this.dir.resolve("tenant"))
			.write("V1__orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);")
			.write("V2__check.sql", "CREATE TABLE checked (id int);\n"
					+ "INSERT INTO checked SELECT 1 / (CASE WHEN broken THEN 0 ELSE 1 END) FROM public.shops "
					+ "WHERE schema_name = current_schema();");
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

}
