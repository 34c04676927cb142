package dev.ratchet.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * A test database: what {@link Sql} and the tests need to reach it.
 */
public interface Database {

	/**
	 * Opens a connection to the database (auto-commit on).
	 * @return the connection
	 * @throws SQLException on failure
	 */
	Connection connect() throws SQLException;

	/**
	 * Returns a new non-pooled DataSource for the database.
	 */
	DataSource dataSource();

	String name();

	String url();

	String username();

	String password();

	/**
	 * Returns the command-line arguments that make a Spring Boot application's DataSource this
	 * database.
	 */
	default List<String> springDataSourceArguments() {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url(),
				"--spring.datasource.username=" + username()));
		if (password() != null) {
			args.add("--spring.datasource.password=" + password());
		}
		return args;
	}

}
