package dev.ratchet.test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import dev.ratchet.internal.DelegatingDataSource;

/**
 * Counts the connections taken from a DataSource: how many were borrowed in all, and the most held
 * at once (a connection counts until it is closed).
 */
public class CountingDataSource extends DelegatingDataSource {

	private final AtomicInteger borrowed = new AtomicInteger();

	private final AtomicInteger held = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	public CountingDataSource(DataSource target) {
		super(target);
	}

	@Override
	protected Connection wrap(Connection connection) {
		return counted(connection);
	}

	/**
	 * Returns how many connections were borrowed so far.
	 */
	public int borrowed() {
		return this.borrowed.get();
	}

	/**
	 * Returns the most connections held at once so far.
	 */
	public int peak() {
		return this.peak.get();
	}

	/**
	 * Forgets what was counted.
	 */
	public void reset() {
		this.borrowed.set(0);
		this.peak.set(this.held.get());
	}

	private Connection counted(Connection connection) {
		this.borrowed.incrementAndGet();
		this.peak.accumulateAndGet(this.held.incrementAndGet(), Math::max);
		AtomicBoolean closed = new AtomicBoolean();
		return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0
							&& closed.compareAndSet(false, true)) {
						this.held.decrementAndGet();
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
