package dev.ratchet.sql;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Values for the {@code ${name}} placeholders of SQL migrations. A placeholder is replaced
 * everywhere in a statement, inside string literals too; one that is not defined is an error.
 * Names are {@code [A-Za-z_][A-Za-z0-9_.:-]*} and case-sensitive.
 */
public final class Placeholders {

	/**
	 * No placeholders: any {@code ${name}} is an error.
	 */
	public static final Placeholders NONE = new Placeholders(Collections.emptyMap());

	private final Map<String, String> values;

	private Placeholders(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * Returns placeholders with the given values.
	 * @param values the value of each placeholder by name
	 * @return the placeholders
	 */
	public static Placeholders of(Map<String, String> values) {
		Objects.requireNonNull(values, "'values' must not be null");
		Map<String, String> copy = new TreeMap<>();
		values.forEach((name, value) -> {
			if (name == null || value == null) {
				throw new IllegalArgumentException("Placeholder '" + name + "' has no value; give it one "
						+ "(an empty string is fine) or remove it");
			}
			copy.put(name, value);
		});
		return copy.isEmpty() ? NONE : new Placeholders(Collections.unmodifiableMap(copy));
	}

	/**
	 * Replaces every {@code ${name}} in a statement.
	 * @param text the statement
	 * @param script the script's name, for error messages
	 * @param firstLine the 1-based line of the script the text starts on
	 * @return the text with placeholders replaced; the same text when it has none
	 * @throws dev.ratchet.MigrationResolutionException if a placeholder is not defined
	 */
	public String replace(String text, String script, int firstLine) {
		int start = text.indexOf("${");
		if (start < 0) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length() + 32);
		int copied = 0;
		while (start >= 0) {
			int end = nameEnd(text, start + 2);
			if (end == start + 2 || end == text.length() || text.charAt(end) != '}') {
				// Not a placeholder, such as "${" in a regular expression.
				start = text.indexOf("${", start + 1);
				continue;
			}
			String name = text.substring(start + 2, end);
			String value = this.values.get(name);
			if (value == null) {
				throw undefined(name, script, firstLine + lineBreaks(text, start));
			}
			result.append(text, copied, start).append(value);
			copied = end + 1;
			start = text.indexOf("${", copied);
		}
		return result.append(text, copied, text.length()).toString();
	}

	private RuntimeException undefined(String name, String script, int line) {
		String defined = this.values.isEmpty() ? "no placeholders are defined"
				: "defined: " + String.join(", ", this.values.keySet());
		return ScriptErrors.at(script, line, "placeholder ${" + name + "} is not defined (" + defined
				+ "). Define it with the property ratchet.placeholders." + name + ", or fix its name.");
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
