package dev.ratchet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The version of a versioned migration: digits in parts separated by {@code .} or {@code _}
 * ({@code 1}, {@code 1.2}, {@code 2_1}, {@code 2025.10.24}). Parts compare numerically, so
 * {@code 1.10} is newer than {@code 1.9}; trailing zero parts do not count, so {@code 1} and
 * {@code 1.0} are the same version.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {

	private static final Pattern FORMAT = Pattern.compile("\\d+([._]\\d+)*");

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
		if (text == null || !FORMAT.matcher(text).matches()) {
			throw new IllegalArgumentException("'" + text
					+ "' is not a version: use digits in parts separated by '.' or '_', for example 1, 1.2 or 2025.10.24");
		}
		String[] split = text.split("[._]");
		List<BigInteger> parts = new ArrayList<>(split.length);
		for (String part : split) {
			parts.add(new BigInteger(part));
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
		return text != null && FORMAT.matcher(text).matches();
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
