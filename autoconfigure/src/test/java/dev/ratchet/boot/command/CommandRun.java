package dev.ratchet.boot.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ratchet.test.FreshDatabase;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * One in-process run of an application with a command: what it printed on standard output and
 * standard error, and the exit code it asked for (the exit itself is recorded, not performed).
 * @param exitCode the exit code given to {@link RatchetCommandExit}, or, when the start-up failed,
 * the one Spring Boot takes from the exception; {@code -1} when there was none
 * @param out what went to standard output
 * @param err what went to standard error
 * @param failure the start-up failure, or {@code null}
 * @param webApplicationType the web application type the run ended up with
 */
record CommandRun(int exitCode, String out, String err, Throwable failure, WebApplicationType webApplicationType) {

	/**
	 * Runs {@code --ratchet.command=<command>} on a fresh database.
	 */
	static CommandRun command(Class<?> application, FreshDatabase db, String command, String... args) {
		List<String> all = db.applicationArguments();
		all.add("--ratchet.command=" + command);
		all.addAll(List.of(args));
		return of(application, all.toArray(String[]::new));
	}

	static CommandRun of(Class<?> application, String... args) {
		return of(application, null, args);
	}

	static CommandRun of(Class<?> source, ConfigurableEnvironment environment, String... args) {
		PrintStream originalOut = System.out;
		PrintStream originalErr = System.err;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		AtomicInteger exitCode = new AtomicInteger(-1);
		SpringApplication application = new SpringApplication(source);
		// As in a web application: the command must turn the web server off.
		application.setWebApplicationType(WebApplicationType.SERVLET);
		if (environment != null) {
			application.setEnvironment(environment);
		}
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton("recordingExit", (RatchetCommandExit) (ignored, code) -> exitCode.set(code)));
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		Throwable failure = null;
		try {
			// The recording exit leaves closing the context to us.
			application.run(args).close();
		}
		catch (RuntimeException ex) {
			failure = ex;
			exitCode.set(exitCodeOf(ex));
		}
		finally {
			System.setOut(originalOut);
			System.setErr(originalErr);
		}
		return new CommandRun(exitCode.get(), out.toString(StandardCharsets.UTF_8),
				err.toString(StandardCharsets.UTF_8), failure, application.getWebApplicationType());
	}

	private static int exitCodeOf(Throwable ex) {
		for (Throwable candidate = ex; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof ExitCodeGenerator generator) {
				return generator.getExitCode();
			}
		}
		return -1;
	}

}
