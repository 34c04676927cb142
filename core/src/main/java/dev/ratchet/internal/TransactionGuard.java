package dev.ratchet.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection a Java migration gets: the migration connection, except that it cannot commit,
 * roll back, leave the transaction or close. Ratchet commits the migration with its history row,
 * and {@code plan} rolls every migration back, so a migration that ended the transaction itself
 * would break both.
 */
final class TransactionGuard implements InvocationHandler {

	private final Connection connection;

	private TransactionGuard(Connection connection) {
		this.connection = connection;
	}

	static Connection wrap(Connection connection) {
		return (Connection) Proxy.newProxyInstance(TransactionGuard.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new TransactionGuard(connection));
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		String name = method.getName();
		boolean endsTransaction = name.equals("commit") || name.equals("close") || name.equals("abort")
				|| (name.equals("rollback") && method.getParameterCount() == 0)
				|| (name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]));
		if (endsTransaction) {
			throw new SQLException("A Java migration must not call Connection." + name + "(): Ratchet commits the "
					+ "migration together with its history row, or rolls both back if migrate() throws. Remove the "
					+ "call; to undo part of the work, use a savepoint.");
		}
		try {
			return method.invoke(this.connection, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
