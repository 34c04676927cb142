package dev.ratchet.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs the packaged sample app (or a script that starts it) as a process, its output in
 * {@link ChildLogs}, with no {@code SPRING_*} or {@code RATCHET_*} variables of the build leaking in.
 */
final class SampleJar {

	static final Path JAR = Path.of(System.getProperty("sample.jar", "target/ratchet-sample-app-0.1.0-SNAPSHOT.jar"));

	static final Duration TIMEOUT = Duration.ofMinutes(2);

	private SampleJar() {
	}

	static void assertPackaged() {
		assertThat(JAR).as("the sample app's jar; run these tests with 'mvn verify', after 'package'").isRegularFile();
	}

	/**
	 * Returns {@code java [jvmOptions] -jar sample.jar}, to which arguments may be appended.
	 */
	static List<String> javaJar(String... jvmOptions) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-jar", JAR.toString()));
		return command;
	}

	static List<String> datasourceArguments(TestDatabase.Db db) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username()));
		if (db.password() != null) {
			arguments.add("--spring.datasource.password=" + db.password());
		}
		return arguments;
	}

	static Run run(String name, List<String> command) throws IOException, InterruptedException {
		Path stdout = ChildLogs.file(name + "-stdout");
		Path stderr = ChildLogs.file(name + "-stderr");
		Process process = builder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
		if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor();
			fail("%s did not exit within %s:%n%s", command, TIMEOUT, read(stdout) + read(stderr));
		}
		return new Run(String.join(" ", command), process.exitValue(), read(stdout), read(stderr));
	}

	static Process start(Path log, List<String> command) throws IOException {
		return builder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	static String read(Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}

	private static ProcessBuilder builder(List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().keySet().removeIf((name) -> name.startsWith("SPRING_") || name.startsWith("RATCHET_"));
		return builder;
	}

	/**
	 * One finished run.
	 */
	record Run(String command, int exitCode, String stdout, String stderr) {

		String describe() {
			return this.command + " exited " + this.exitCode + "\n--- stdout:\n" + this.stdout + "\n--- stderr:\n"
					+ this.stderr;
		}

	}

}
