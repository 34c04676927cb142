package dev.ratchet;

/**
 * Base class of every exception Ratchet throws. Messages name the thing at fault, quote the value
 * and say what to do; they never contain a credential.
 */
public class RatchetException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public RatchetException(String message) {
		super(message);
	}

	public RatchetException(String message, Throwable cause) {
		super(message, cause);
	}

}
