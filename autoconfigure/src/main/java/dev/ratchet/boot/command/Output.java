package dev.ratchet.boot.command;

/**
 * Formats of a command's report, {@code ratchet.output}.
 */
public enum Output {

	/**
	 * Human-readable text.
	 */
	TEXT,

	/**
	 * A JSON document, in the shape of the 'migrations' endpoint.
	 */
	JSON

}
