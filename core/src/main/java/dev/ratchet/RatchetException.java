package dev.ratchet;

import java.util.List;

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

	/**
	 * Writes a message that counts what went wrong and lists it, one item a line.
	 * @param before the text before the count, for example {@code Validation of schema "app" failed with }
	 * @param items what went wrong
	 * @param noun what an item is, in the singular ({@code problem})
	 * @param after the text after the count, up to the colon before the list
	 * @return for example {@code … failed with 2 problems; nothing was applied:} and a {@code  - } line an item
	 */
	static String listing(String before, List<?> items, String noun, String after) {
		StringBuilder message = new StringBuilder(before).append(items.size()).append(' ').append(noun);
		if (items.size() != 1) {
			message.append('s');
		}
		message.append(after);
		for (Object item : items) {
			message.append(System.lineSeparator()).append(" - ").append(item);
		}
		return message.toString();
	}

}
