package dev.ratchet.sql;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Values for the {@code ${name}} placeholders of SQL migrations. A placeholder is replaced
 * everywhere in a statement, inside string literals too; one that is not defined is an error.
 * Names are {@code [A-Za-z_][A-Za-z0-9_.:-]*} and case-sensitive. The markers may be changed
 * ({@link #of(Map, String, String)}), and replacement may be turned off ({@link #OFF}) for scripts
 * whose {@code ${...}} is data.
 */
public final class Placeholders {

	/**
	 * The marker a placeholder starts with unless another is configured.
	 */
	public static final String DEFAULT_PREFIX = "${";

	/**
	 * The marker a placeholder ends with unless another is configured.
	 */
	public static final String DEFAULT_SUFFIX = "}";

	/**
	 * No placeholders: any {@code ${name}} is an error.
	 */
	public static final Placeholders NONE = new Placeholders(Collections.emptyMap(), DEFAULT_PREFIX, DEFAULT_SUFFIX);

	/**
	 * No replacement at all: every {@code ${...}} is left as written.
	 */
	public static final Placeholders OFF = new Placeholders(null, DEFAULT_PREFIX, DEFAULT_SUFFIX);

	private final Map<String, String> values;

	private final String prefix;

	private final String suffix;

	private Placeholders(Map<String, String> values, String prefix, String suffix) {
		this.values = values;
		this.prefix = prefix;
		this.suffix = suffix;
	}

	/**
	 * Returns placeholders with the given values.
	 * @param values the value of each placeholder by name
	 * @return the placeholders
	 */
	public static Placeholders of(Map<String, String> values) {
		return of(values, DEFAULT_PREFIX, DEFAULT_SUFFIX);
	}

	/**
	 * Returns placeholders with the given values and markers.
	 * @param values the value of each placeholder by name
	 * @param prefix the marker a placeholder starts with, such as {@code ${}
	 * @param suffix the marker a placeholder ends with, such as <code>}</code>
	 * @return the placeholders
	 */
	public static Placeholders of(Map<String, String> values, String prefix, String suffix) {
		Objects.requireNonNull(values, "'values' must not be null");
		if (prefix == null || prefix.isEmpty() || suffix == null || suffix.isEmpty()) {
			throw new IllegalArgumentException("Placeholder prefix and suffix must not be empty (prefix '" + prefix
					+ "', suffix '" + suffix + "')");
		}
		Map<String, String> copy = new TreeMap<>();
		values.forEach((name, value) -> {
			if (name == null || value == null) {
				throw new IllegalArgumentException("Placeholder '" + name + "' has no value; give it one "
						+ "(an empty string is fine) or remove it");
			}
			copy.put(name, value);
		});
		boolean defaultMarkers = prefix.equals(DEFAULT_PREFIX) && suffix.equals(DEFAULT_SUFFIX);
		return (copy.isEmpty() && defaultMarkers) ? NONE
				: new Placeholders(Collections.unmodifiableMap(copy), prefix, suffix);
	}

	/**
	 * Replaces every {@code ${name}} (with the configured markers) in a statement.
	 * @param text the statement
	 * @param script the script's name, for error messages
	 * @param firstLine the 1-based line of the script the text starts on
	 * @return the text with placeholders replaced; the same text when it has none or replacement is
	 * off
	 * @throws dev.ratchet.MigrationResolutionException if a placeholder is not defined
	 */
	public String replace(String text, String script, int firstLine) {
		int start = (this.values != null) ? text.indexOf(this.prefix) : -1;
		if (start < 0) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length() + 32);
		int copied = 0;
		while (start >= 0) {
			int nameStart = start + this.prefix.length();
			int end = nameEnd(text, nameStart);
			if (end == nameStart || !text.startsWith(this.suffix, end)) {
				// Not a placeholder, such as "${" in a regular expression.
				start = text.indexOf(this.prefix, start + 1);
				continue;
			}
			String name = text.substring(nameStart, end);
			String value = this.values.get(name);
			if (value == null) {
				throw undefined(name, script, firstLine + lineBreaks(text, start));
			}
			result.append(text, copied, start).append(value);
			copied = end + this.suffix.length();
			start = text.indexOf(this.prefix, copied);
		}
		return result.append(text, copied, text.length()).toString();
	}

	private RuntimeException undefined(String name, String script, int line) {
		String defined = this.values.isEmpty() ? "no placeholders are defined"
				: "defined: " + String.join(", ", this.values.keySet());
		return ScriptErrors.at(script, line, "placeholder " + this.prefix + name + this.suffix + " is not defined ("
				+ defined + "). Define it with the property ratchet.placeholders." + name + ", or fix its name"
				+ " (if the script's " + this.prefix + "..." + this.suffix + " is data, not a placeholder, set "
				+ "ratchet.placeholder-replacement=false).");
	}

	private static int nameEnd(String text, int start) {
		int end = start;
		while (end < text.length() && isNamePart(text.charAt(end), end == start)) {
			end++;
		}
		return end;
	}

	private static boolean isNamePart(char c, boolean first) {
		boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
		return letter || (!first && ((c >= '0' && c <= '9') || c == '.' || c == ':' || c == '-'));
	}

	private static int lineBreaks(String text, int end) {
		int count = 0;
		for (int i = 0; i < end; i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
				count++;
			}
		}
		return count;
	}

}
