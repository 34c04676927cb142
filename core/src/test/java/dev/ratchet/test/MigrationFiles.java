package dev.ratchet.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes migration files into a folder for a test, and gives the {@code filesystem:} location.
 */
public final class MigrationFiles {

	private final Path directory;

	public MigrationFiles(Path directory) {
		this.directory = directory;
	}

	/**
	 * Writes (or overwrites) one file.
	 * @param name the file name, for example {@code V1__init.sql} or {@code sub/V2__more.sql}
	 * @param sql its content
	 * @return this
	 */
	public MigrationFiles write(String name, String sql) {
		try {
			Path file = this.directory.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, sql, StandardCharsets.UTF_8);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Deletes one file.
	 * @param name the file name
	 * @return this
	 */
	public MigrationFiles delete(String name) {
		try {
			Files.delete(this.directory.resolve(name));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes the counted steps the concurrency tests check: {@code V0__counter.sql} creates the table
	 * {@code applied}, and each of {@code V1} to {@code V<steps>} creates a table and adds its version
	 * to {@code applied}. Not idempotent on purpose: a second application of a step would add a second
	 * row.
	 * @param steps how many steps after {@code V0}
	 * @param tail SQL appended to each step, or {@code ""}
	 * @return this
	 */
	public MigrationFiles writeCountedSteps(int steps, String tail) {
		write("V0__counter.sql", "CREATE TABLE applied (version int NOT NULL);");
		for (int i = 1; i <= steps; i++) {
			write("V" + i + "__step_" + i + ".sql",
					"CREATE TABLE t" + i + " (id int);\nINSERT INTO applied VALUES (" + i + ");" + tail);
		}
		return this;
	}

	/**
	 * Returns the location to configure, {@code filesystem:<absolute path>}.
	 */
	public String location() {
		return "filesystem:" + this.directory.toAbsolutePath();
	}

	public Path directory() {
		return this.directory;
	}

}
