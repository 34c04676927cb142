package dev.ratchet;

/**
 * Thrown when another session held the migration lock for longer than the configured wait.
 */
public class LockTimeoutException extends RatchetException {

	private static final long serialVersionUID = 1L;

	private final String holder;

	public LockTimeoutException(String message, String holder) {
		super(message);
		this.holder = holder;
	}

	/**
	 * Returns who held the lock when waiting gave up, or {@code null} if it was released meanwhile.
	 */
	public String getHolder() {
		return this.holder;
	}

}
