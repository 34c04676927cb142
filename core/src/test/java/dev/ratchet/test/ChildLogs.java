package dev.ratchet.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the output of every process a test starts goes: a new file in the module's
 * {@code target/child-logs}, which outlives the test (unlike a {@code @TempDir}) and which the
 * build searches for the test password along with the test reports (execution
 * {@code no-password-in-test-output} in the parent POM). Redirect a child's standard output and
 * error to {@link #file}, never discard them or keep them in a temporary folder.
 */
public final class ChildLogs {

	/**
	 * The system property naming the folder; the build sets it to {@code target/child-logs} of the
	 * module under test.
	 */
	public static final String PROPERTY = "ratchet.test.child-logs";

	private ChildLogs() {
	}

	/**
	 * Returns the folder the logs go to.
	 */
	public static Path directory() {
		return Path.of(System.getProperty(PROPERTY, "target/child-logs")).toAbsolutePath();
	}

	/**
	 * Creates a new, empty log file.
	 * @param name what the log is of, for example {@code CrashConsistency-trial-3}; the file name
	 * adds a unique suffix
	 * @return the file
	 */
	public static Path file(String name) {
		try {
			Path directory = Files.createDirectories(directory());
			return Files.createTempFile(directory, name + "-", ".log");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a log file for " + name + " in " + directory(), ex);
		}
	}

}
