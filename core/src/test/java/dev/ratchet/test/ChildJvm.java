package dev.ratchet.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts {@link MigrateMain} in a JVM of its own, its output going to a log file, so that a test
 * can kill it with SIGKILL or run many migrators as separate processes.
 */
public final class ChildJvm {

	private ChildJvm() {
	}

	/**
	 * Starts a migrator.
	 * @param db the database to migrate
	 * @param location the migrations' location
	 * @param log where its standard output and error go: a file from {@link ChildLogs#file}, so that
	 * the build searches it for the test password
	 * @param jvmOptions further JVM options, for example {@code -Dratchet.test.gate=...}
	 * @return the process
	 * @throws IOException if it cannot start
	 */
	public static Process migrate(Database db, String location, Path log, String... jvmOptions)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(new File(System.getProperty("java.home"), "bin/java").getPath());
		// A child only migrates a few small files: quick start-up matters more than peak speed.
		command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xmx128m"));
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(), db.url(),
				db.username(), location));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/**
	 * Returns a child's log, or a note that there is none.
	 */
	public static String log(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
