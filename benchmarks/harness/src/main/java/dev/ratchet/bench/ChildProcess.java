package dev.ratchet.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the harness starts and reads: it waits for a marker line, keeps the output's tail for the
 * error message if the child fails.
 */
final class ChildProcess {

	private final Process process;

	private final long started;

	private final Deque<String> tail = new ArrayDeque<>();

	private final List<String> marked = new ArrayList<>();

	private final String marker;

	private final Thread reader;

	private volatile long markedAt;

	private ChildProcess(Process process, long started, String marker) {
		this.process = process;
		this.started = started;
		this.marker = marker;
		this.reader = new Thread(this::read, "child-output");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Starts a child; its standard error goes with its standard output.
	 * @param marker lines starting with this are kept, and the first one's time is recorded
	 */
	static ChildProcess start(List<String> command, String marker) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		long started = System.nanoTime();
		return new ChildProcess(builder.start(), started, marker);
	}

	private void read() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (line.startsWith(this.marker)) {
					synchronized (this) {
						if (this.markedAt == 0) {
							this.markedAt = System.nanoTime();
						}
						this.marked.add(line);
					}
				}
				synchronized (this.tail) {
					this.tail.addLast(line);
					if (this.tail.size() > 40) {
						this.tail.removeFirst();
					}
				}
			}
		}
		catch (IOException ex) {
			// The child is gone; waitFor reports how it ended.
		}
	}

	/**
	 * Waits for the child to exit.
	 * @return milliseconds from start to the first marker line
	 * @throws IllegalStateException if it failed, printed no marker, or took too long
	 */
	double await(long timeoutSeconds) throws InterruptedException {
		if (!this.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new IllegalStateException("Child did not finish in " + timeoutSeconds + " s:\n" + tail());
		}
		this.reader.join(5000);
		if (this.process.exitValue() != 0 || this.markedAt == 0) {
			throw new IllegalStateException("Child exited with " + this.process.exitValue() + " without '" + this.marker
					+ "':\n" + tail());
		}
		return (this.markedAt - this.started) / 1e6;
	}

	synchronized List<String> marked() {
		return List.copyOf(this.marked);
	}

	private String tail() {
		synchronized (this.tail) {
			return String.join("\n", this.tail);
		}
	}

}
