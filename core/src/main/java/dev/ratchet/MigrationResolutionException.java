package dev.ratchet;

/**
 * Thrown when the migrations themselves are unusable: a misnamed file, a duplicate version, an
 * unreadable file, SQL that cannot be read, an undefined placeholder. Raised before anything is
 * applied.
 */
public class MigrationResolutionException extends RatchetException {

	private static final long serialVersionUID = 1L;

	private final String script;

	private final int line;

	public MigrationResolutionException(String message) {
		this(message, null, 0, null);
	}

	public MigrationResolutionException(String message, Throwable cause) {
		this(message, null, 0, cause);
	}

	/**
	 * Creates an exception about a place in a script.
	 * @param message the whole message, naming the script and line
	 * @param script the script at fault, or {@code null}
	 * @param line the 1-based line at fault, or 0 when unknown
	 * @param cause the cause, or {@code null}
	 */
	public MigrationResolutionException(String message, String script, int line, Throwable cause) {
		super(message, cause);
		this.script = script;
		this.line = line;
	}

	/**
	 * Returns the script at fault, or {@code null} when the problem is not about one script.
	 */
	public String getScript() {
		return this.script;
	}

	/**
	 * Returns the 1-based line at fault, or 0 when unknown.
	 */
	public int getLine() {
		return this.line;
	}

}
