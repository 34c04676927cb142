package dev.ratchet;

/**
 * Thrown when Ratchet cannot talk to the database at all: no connection, authentication failed,
 * or the history table cannot be read. The message never contains a password.
 */
public class DatabaseConnectionException extends RatchetException {

	private static final long serialVersionUID = 1L;

	public DatabaseConnectionException(String message, Throwable cause) {
		super(message, cause);
	}

}
