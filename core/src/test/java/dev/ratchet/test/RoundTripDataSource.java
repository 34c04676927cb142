package dev.ratchet.test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.ratchet.internal.DelegatingDataSource;

/**
 * Counts the round trips made through its connections, and how long each kind took: every
 * {@code execute…} of a statement (a batch counts once), and every commit and rollback the driver
 * sends (it sends none when no transaction is open). What a statement was is its SQL with numbers and
 * quoted names blanked, so that the same statement for different schemas counts as one kind.
 */
public class RoundTripDataSource extends DelegatingDataSource {

	private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

	private final List<String> sequence = Collections.synchronizedList(new ArrayList<>());

	public RoundTripDataSource(DataSource target) {
		super(target);
	}

	/**
	 * Returns how many round trips were made so far.
	 */
	public long roundTrips() {
		return this.kinds.values().stream().mapToLong((kind) -> kind.count.get()).sum();
	}

	/**
	 * Returns how many round trips were made so far whose SQL contains the given text.
	 */
	public long roundTrips(String containing) {
		return sequence().stream().filter((sql) -> sql.contains(containing)).count();
	}

	/**
	 * Forgets what was counted.
	 */
	public void reset() {
		this.kinds.clear();
		this.sequence.clear();
	}

	/**
	 * Returns the round trips' SQL (or COMMIT, ROLLBACK) in the order they were made.
	 */
	public List<String> sequence() {
		synchronized (this.sequence) {
			return List.copyOf(this.sequence);
		}
	}

	/**
	 * Returns one line per kind of round trip, the most time first: count, milliseconds, text.
	 */
	public String profile() {
		return this.kinds.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, Kind> entry) -> entry.getValue().nanos.get()).reversed())
			.map((entry) -> String.format("%8d %10.1f ms  %s", entry.getValue().count.get(),
					entry.getValue().nanos.get() / 1e6, entry.getKey()))
			.collect(Collectors.joining("\n"));
	}

	@Override
	protected Connection wrap(Connection connection) {
		return (Connection) Proxy.newProxyInstance(RoundTripDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					String name = method.getName();
					// The driver sends a commit or rollback only when a transaction is open.
					boolean counted = (name.equals("commit") || name.equals("rollback"))
							&& connection.unwrap(org.postgresql.core.BaseConnection.class)
								.getTransactionState() != org.postgresql.core.TransactionState.IDLE;
					String kind = counted ? name.toUpperCase() : null;
					Object result = timed(kind, kind, connection, method, args);
					if (result instanceof Statement statement) {
						String sql = (result instanceof PreparedStatement && args != null && args.length > 0
								&& args[0] instanceof String text) ? text : null;
						return statement(method.getReturnType().asSubclass(Statement.class), statement, sql);
					}
					return result;
				});
	}

	private Statement statement(Class<? extends Statement> type, Statement statement, String prepared) {
		return (Statement) Proxy.newProxyInstance(RoundTripDataSource.class.getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> {
					if (!method.getName().startsWith("execute")) {
						return timed(null, null, statement, method, args);
					}
					String sql = (args != null && args.length > 0 && args[0] instanceof String text) ? text : prepared;
					String batch = method.getName().equals("executeBatch") ? "BATCH " : "";
					return timed(batch + normalize(sql), batch + sql, statement, method, args);
				});
	}

	private Object timed(String kind, String sql, Object target, Method method, Object[] args)
			throws Throwable {
		long start = System.nanoTime();
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
		finally {
			if (kind != null) {
				this.sequence.add(sql);
				Kind counted = this.kinds.computeIfAbsent(kind, (key) -> new Kind());
				counted.count.incrementAndGet();
				counted.nanos.addAndGet(System.nanoTime() - start);
			}
		}
	}

	private static String normalize(String sql) {
		if (sql == null) {
			return "(batch)";
		}
		String text = sql.replaceAll("\"[^\"]*\"", "\"…\"")
			.replaceAll("'[^']*'", "'…'")
			.replaceAll("\\b[a-z_]*\\d+\\b", "N")
			.replaceAll("\\s+", " ")
			.trim();
		return (text.length() > 110) ? text.substring(0, 110) + "…" : text;
	}

	private static final class Kind {

		private final AtomicLong count = new AtomicLong();

		private final AtomicLong nanos = new AtomicLong();

	}

}
