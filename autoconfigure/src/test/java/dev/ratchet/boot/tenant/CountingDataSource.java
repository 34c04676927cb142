package dev.ratchet.boot.tenant;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the statements executed through its connections: what an endpoint call costs in queries.
 */
class CountingDataSource extends DelegatingDataSource {

	private final AtomicInteger executed = new AtomicInteger();

	CountingDataSource(DataSource target) {
		super(target);
	}

	int executed() {
		return this.executed.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		Connection connection = super.getConnection();
		return proxy(Connection.class, connection);
	}

	private <T> T proxy(Class<T> type, Object target) {
		return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type },
				(proxy, method, args) -> {
					if (type != Connection.class && method.getName().startsWith("execute")) {
						this.executed.incrementAndGet();
					}
					Object result;
					try {
						result = method.invoke(target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					if (type == Connection.class && result instanceof Statement statement) {
						Class<?> returned = method.getReturnType();
						return proxy(returned.asSubclass(Statement.class), statement);
					}
					return result;
				}));
	}

}
