package dev.ratchet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The version of a versioned migration: digits in parts separated by {@code .} or {@code _}
 * ({@code 1}, {@code 1.2}, {@code 2_1}, {@code 2025.10.24}). Parts compare numerically, so
 * {@code 1.10} is newer than {@code 1.9}; trailing zero parts do not count, so {@code 1} and
 * {@code 1.0} are the same version.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {

	// Parts this short fit a long, which parses without allocating a BigInteger's digits.
	private static final int LONG_DIGITS = 18;

	private final List<BigInteger> parts;

	private final String text;

	private MigrationVersion(List<BigInteger> parts, String text) {
		this.parts = parts;
		this.text = text;
	}

	/**
	 * Parses a version.
	 * @param text the version as written, for example {@code 2_1} or {@code 2025.10.24}
	 * @return the version
	 * @throws IllegalArgumentException if the text is not digits separated by {@code .} or {@code _}
	 */
	public static MigrationVersion parse(String text) {
		if (!isValid(text)) {
			throw new IllegalArgumentException("'" + text
					+ "' is not a version: use digits in parts separated by '.' or '_', for example 1, 1.2 or 2025.10.24");
		}
		// By hand rather than with a regular expression: a start-up parses every file's version and
		// every history row's, in a JVM where nothing is compiled yet.
		List<BigInteger> parts = new ArrayList<>(4);
		int from = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || isSeparator(text.charAt(i))) {
				parts.add((i - from <= LONG_DIGITS) ? BigInteger.valueOf(Long.parseLong(text, from, i, 10))
						: new BigInteger(text.substring(from, i)));
				from = i + 1;
			}
		}
		int end = parts.size();
		while (end > 1 && parts.get(end - 1).signum() == 0) {
			end--;
		}
		return new MigrationVersion(Collections.unmodifiableList(new ArrayList<>(parts.subList(0, end))),
				text.replace('_', '.'));
	}

	/**
	 * Returns whether the given text is a valid version.
	 * @param text the text to check
	 * @return whether {@link #parse(String)} accepts it
	 */
	public static boolean isValid(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		boolean digitBefore = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digitBefore = true;
			}
			else if (isSeparator(c) && digitBefore) {
				digitBefore = false;
			}
			else {
				return false;
			}
		}
		return digitBefore;
	}

	private static boolean isSeparator(char c) {
		return c == '.' || c == '_';
	}

	@Override
	public int compareTo(MigrationVersion other) {
		int common = Math.min(this.parts.size(), other.parts.size());
		for (int i = 0; i < common; i++) {
			int c = this.parts.get(i).compareTo(other.parts.get(i));
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(this.parts.size(), other.parts.size());
	}

	@Override
	public boolean equals(Object obj) {
		return obj instanceof MigrationVersion other && this.parts.equals(other.parts);
	}

	@Override
	public int hashCode() {
		return this.parts.hashCode();
	}

	/**
	 * Returns the version as written, with {@code _} shown as {@code .}.
	 */
	@Override
	public String toString() {
		return this.text;
	}

}
