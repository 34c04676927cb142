package dev.ratchet.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.ratchet.test.DelegatingDataSource;

/**
 * Counts how often a tool borrows a connection from the pool.
 */
final class CountingDataSource extends DelegatingDataSource {

	final AtomicInteger borrowed = new AtomicInteger();

	CountingDataSource(DataSource delegate) {
		super(delegate);
	}

	@Override
	public Connection getConnection() throws SQLException {
		this.borrowed.incrementAndGet();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		this.borrowed.incrementAndGet();
		return super.getConnection(username, password);
	}

}
