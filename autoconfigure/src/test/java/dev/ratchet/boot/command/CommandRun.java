package dev.ratchet.boot.command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.test.FreshDatabase;

import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Configuration;
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
	 * Runs a command of the application on the test's database and migrations folder.
	 * @param application the application's configuration
	 * @param db the test's database
	 * @param command the value of {@code ratchet.command}
	 * @param args further arguments
	 * @return the run
	 */
	static CommandRun command(Class<?> application, FreshDatabase db, String command, String... args) {
		return of(application, arguments(db, command, args));
	}

	static CommandRun of(Class<?> application, String... args) {
		return of(application, null, args);
	}

	/**
	 * Runs a command of {@link Application} with the given beans (the migrations, for example) on the
	 * test's database and migrations folder.
	 * @param beans classes to add to the application as beans
	 * @param db the test's database
	 * @param command the value of {@code ratchet.command}
	 * @param args further arguments
	 * @return the run
	 */
	static CommandRun command(List<Class<?>> beans, FreshDatabase db, String command, String... args) {
		List<Class<?>> sources = new ArrayList<>(List.of(Application.class));
		sources.addAll(beans);
		return of(sources.toArray(Class<?>[]::new), null, arguments(db, command, args));
	}

	private static String[] arguments(FreshDatabase db, String command, String... args) {
		List<String> all = db.applicationArguments();
		all.add("--ratchet.command=" + command);
		all.addAll(List.of(args));
		return all.toArray(String[]::new);
	}

	static CommandRun of(Class<?> source, ConfigurableEnvironment environment, String... args) {
		return of(new Class<?>[] { source }, environment, args);
	}

	private static CommandRun of(Class<?>[] sources, ConfigurableEnvironment environment, String... args) {
		PrintStream originalOut = System.out;
		PrintStream originalErr = System.err;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		AtomicInteger exitCode = new AtomicInteger(-1);
		SpringApplication application = new SpringApplication(sources);
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

	/**
	 * The application of most command tests: the {@code DataSource} and Ratchet auto-configurations.
	 */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, RatchetAutoConfiguration.class })
	static class Application {

	}

}
