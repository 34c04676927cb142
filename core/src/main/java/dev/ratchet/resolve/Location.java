package dev.ratchet.resolve;

import java.util.Locale;

import dev.ratchet.MigrationResolutionException;

/**
 * Where SQL migrations are looked for: a folder on the classpath ({@code classpath:db/migration},
 * found in directories and inside jar files) or on the file system
 * ({@code filesystem:/opt/app/migrations}; a relative path starts at the working directory).
 *
 * @param prefix {@code classpath} or {@code filesystem}
 * @param path the folder; for the classpath without a leading or trailing slash
 */
public record Location(String prefix, String path) {

	static final String CLASSPATH = "classpath";

	static final String FILESYSTEM = "filesystem";

	public Location {
		if (!CLASSPATH.equals(prefix) && !FILESYSTEM.equals(prefix)) {
			throw new IllegalArgumentException("Prefix must be 'classpath' or 'filesystem', not '" + prefix + "'");
		}
		path = normalise(prefix, path);
		if (path.isEmpty()) {
			throw new MigrationResolutionException("Location '" + prefix + ":' names no folder: add one, for example "
					+ prefix + ":" + (CLASSPATH.equals(prefix) ? "db/migration" : "/opt/app/migrations"));
		}
	}

	/**
	 * Parses a location as configured. Without a prefix, the path is on the classpath.
	 * @param location the location, for example {@code classpath:db/migration}
	 * @return the location
	 * @throws MigrationResolutionException if the prefix is unknown or no folder is given
	 */
	public static Location parse(String location) {
		String text = (location != null) ? location.trim() : "";
		if (text.isEmpty()) {
			throw new MigrationResolutionException(
					"A migration location is empty: use for example classpath:db/migration or filesystem:/opt/app/migrations");
		}
		int colon = text.indexOf(':');
		if (colon < 0) {
			return new Location(CLASSPATH, text);
		}
		String prefix = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
		if (!CLASSPATH.equals(prefix) && !FILESYSTEM.equals(prefix)) {
			throw new MigrationResolutionException("Migration location '" + text + "' has an unknown prefix: use "
					+ "classpath: (for example classpath:db/migration) or filesystem: (for example filesystem:/opt/app/migrations)");
		}
		return new Location(prefix, text.substring(colon + 1).trim());
	}

	boolean isClasspath() {
		return CLASSPATH.equals(this.prefix);
	}

	/**
	 * Names a file of this location for messages, for example {@code classpath:db/migration/V1__init.sql}.
	 */
	String describe(String script) {
		return isSeparator(this.path.charAt(this.path.length() - 1)) ? this + script : this + "/" + script;
	}

	@Override
	public String toString() {
		return this.prefix + ":" + this.path;
	}

	private static String normalise(String prefix, String path) {
		String result = (path != null) ? path.trim() : "";
		int start = 0;
		int end = result.length();
		if (CLASSPATH.equals(prefix)) {
			while (start < end && result.charAt(start) == '/') {
				start++;
			}
			while (end > start && result.charAt(end - 1) == '/') {
				end--;
			}
			return result.substring(start, end);
		}
		// a file system root such as "/" or "C:\" keeps its separator
		while (end > 1 && isSeparator(result.charAt(end - 1)) && result.charAt(end - 2) != ':') {
			end--;
		}
		return result.substring(0, end);
	}

	private static boolean isSeparator(char c) {
		return c == '/' || c == '\\';
	}

}
