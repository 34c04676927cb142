package dev.ratchet.testing;

import dev.ratchet.testing.postgres.PostgresDatabase;
import dev.ratchet.testing.postgres.TestPostgres;

/**
 * A database of the test {@link PostgresServer}, created empty and dropped on {@link #close()}:
 * its name, URL and credentials, a DataSource and connections.
 */
public final class Database extends PostgresDatabase {

	Database(TestPostgres server, String name) {
		super(server, name);
	}

	@Override
	public String toString() {
		return "database " + name();
	}

}
