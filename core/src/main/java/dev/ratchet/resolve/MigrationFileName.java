package dev.ratchet.resolve;

import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;

/**
 * What a migration file's name says: {@code V<version>__<description>.sql},
 * {@code R__<description>.sql} or, for the undo of a version, {@code U<version>__<description>.sql}. A name that misses the pattern is rejected with a hint at the
 * likely slip, because a misnamed migration must never be skipped silently.
 *
 * @param type {@link MigrationType#SQL}, {@link MigrationType#REPEATABLE} or {@link MigrationType#UNDO_SQL}
 * @param version the version, {@code null} for a repeatable migration
 * @param description the description, {@code _} read as a space
 */
record MigrationFileName(MigrationType type, MigrationVersion version, String description) {

	/** How migrations are named, for messages. */
	static final String PATTERN = "Versioned migrations are named V<version>__<description>.sql "
			+ "(for example V1__create_users.sql), repeatable ones R__<description>.sql, the undo of a version "
			+ "U<version>__<description>.sql.";

	private static final String EXTENSION = ".sql";

	private static final String SEPARATOR = "__";

	/**
	 * Returns whether the file is meant as SQL, whatever the case of its extension.
	 */
	static boolean isSqlFile(String fileName) {
		int start = fileName.length() - EXTENSION.length();
		return start >= 0 && fileName.regionMatches(true, start, EXTENSION, 0, EXTENSION.length());
	}

	/**
	 * Reads a file name (without folders).
	 * @param fileName the name, for example {@code V1_2__create_session_table.sql}
	 * @return what the name says
	 * @throws IllegalArgumentException if the name misses the pattern; the message is a hint
	 * such as {@code single underscore: use two, V1__init.sql}
	 */
	static MigrationFileName parse(String fileName) {
		if (!isSqlFile(fileName)) {
			throw new IllegalArgumentException("the name does not end in " + EXTENSION);
		}
		String base = fileName.substring(0, fileName.length() - EXTENSION.length());
		if (!fileName.endsWith(EXTENSION)) {
			// a slip in the rest of the name is the more useful hint
			String problem = problemWith(base + EXTENSION);
			throw new IllegalArgumentException(
					(problem != null) ? problem : "the extension must be lower-case: " + base + EXTENSION);
		}
		if (base.isEmpty()) {
			throw new IllegalArgumentException("the name is only an extension");
		}
		return switch (base.charAt(0)) {
			case 'V' -> versioned(base.substring(1));
			case 'U' -> undo(base.substring(1));
			case 'R' -> repeatable(base.substring(1));
			case 'v', 'r', 'u' -> lowerCasePrefix(base);
			default -> other(base);
		};
	}

	private static MigrationFileName versioned(String rest) {
		int separator = rest.indexOf(SEPARATOR);
		if (separator < 0) {
			throw new IllegalArgumentException(withoutSeparator(rest));
		}
		String version = rest.substring(0, separator);
		String description = rest.substring(separator + SEPARATOR.length());
		if (version.isEmpty()) {
			throw new IllegalArgumentException("the version is missing: put it after the V, for example V1__"
					+ orPlaceholder(description) + EXTENSION);
		}
		if (!MigrationVersion.isValid(version)) {
			throw new IllegalArgumentException("version '" + version
					+ "' is not digits in parts separated by '.' or '_' (for example 1, 1.2, 2_1 or 2025.10.24)");
		}
		if (description.isBlank()) {
			throw new IllegalArgumentException(missingDescription("V" + version));
		}
		return new MigrationFileName(MigrationType.SQL, MigrationVersion.parse(version), readable(description));
	}

	private static MigrationFileName undo(String rest) {
		try {
			MigrationFileName versioned = versioned(rest);
			return new MigrationFileName(MigrationType.UNDO_SQL, versioned.version(), versioned.description());
		}
		catch (IllegalArgumentException ex) {
			// The hints name the V form; an undo file takes the same shape with a U.
			throw new IllegalArgumentException(ex.getMessage().replace(" V", " U").replace("the V,", "the U,")
				.replace("V must", "U must"));
		}
	}

	private static String withoutSeparator(String rest) {
		int end = versionEnd(rest);
		if (end == 0) {
			return "the version is missing: V must be followed by digits, two underscores and a description, "
					+ "for example V1__" + orPlaceholder(rest) + EXTENSION;
		}
		String version = rest.substring(0, end);
		if (end == rest.length() || end + 1 == rest.length() && !Character.isLetterOrDigit(rest.charAt(end))) {
			return missingDescription("V" + version);
		}
		char next = rest.charAt(end);
		if (next == '_') {
			return "single underscore: use two, V" + version + SEPARATOR + rest.substring(end + 1) + EXTENSION;
		}
		String description = Character.isLetterOrDigit(next) ? rest.substring(end) : rest.substring(end + 1);
		return "separate the version from the description with two underscores: V" + version + SEPARATOR
				+ description + EXTENSION;
	}

	private static MigrationFileName repeatable(String rest) {
		if (rest.startsWith(SEPARATOR)) {
			String description = rest.substring(SEPARATOR.length());
			if (description.isBlank()) {
				throw new IllegalArgumentException(missingDescription("R"));
			}
			return new MigrationFileName(MigrationType.REPEATABLE, null, readable(description));
		}
		int end = versionEnd(rest);
		if (end > 0 && end < rest.length() && rest.charAt(end) == '_') {
			String description = rest.substring(rest.startsWith(SEPARATOR, end) ? end + 2 : end + 1);
			throw new IllegalArgumentException("repeatable migrations have no version: R__" + orPlaceholder(description)
					+ EXTENSION + " (or V" + rest.substring(0, end) + SEPARATOR + orPlaceholder(description) + EXTENSION
					+ " for a versioned one)");
		}
		if (rest.length() > 1 && rest.charAt(0) == '_') {
			throw new IllegalArgumentException("single underscore: use two, R__" + rest.substring(1) + EXTENSION);
		}
		return other("R" + rest);
	}

	private static MigrationFileName lowerCasePrefix(String base) {
		String upper = Character.toUpperCase(base.charAt(0)) + base.substring(1);
		String problem = problemWith(upper + EXTENSION);
		throw new IllegalArgumentException("prefix must be an upper-case " + upper.charAt(0)
				+ ((problem != null) ? ", and " + problem : ": " + upper + EXTENSION));
	}

	private static MigrationFileName other(String base) {
		if (Character.isDigit(base.charAt(0)) && problemWith("V" + base + EXTENSION) == null) {
			throw new IllegalArgumentException("the prefix V is missing: V" + base + EXTENSION);
		}
		throw new IllegalArgumentException("the name starts with neither V<version>__ nor R__");
	}

	private static String problemWith(String fileName) {
		try {
			parse(fileName);
			return null;
		}
		catch (IllegalArgumentException ex) {
			return ex.getMessage();
		}
	}

	/**
	 * Returns where a leading version ({@code 1}, {@code 1.2}, {@code 2_1}) ends, 0 if there is none.
	 */
	private static int versionEnd(String text) {
		int end = digitsEnd(text, 0);
		while (end > 0 && end + 1 < text.length() && (text.charAt(end) == '.' || text.charAt(end) == '_')) {
			int next = digitsEnd(text, end + 1);
			if (next == end + 1) {
				break;
			}
			end = next;
		}
		return end;
	}

	private static int digitsEnd(String text, int start) {
		int end = start;
		while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
			end++;
		}
		return end;
	}

	private static String missingDescription(String prefix) {
		return "the description is missing: add two underscores and a description, for example " + prefix
				+ "__describe_the_change.sql";
	}

	private static String orPlaceholder(String description) {
		return description.isBlank() ? "<description>" : description;
	}

	private static String readable(String description) {
		return description.replace('_', ' ');
	}

}
