package dev.ratchet.boot.command;

import java.io.PrintStream;

import dev.ratchet.boot.diagnostics.RatchetPropertyValues;

import org.springframework.boot.ExitCodeEvent;
import org.springframework.boot.diagnostics.FailureAnalyzedException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.ResolvableType;

/**
 * The application context of a one-shot command. A context that fails to refresh is inactive,
 * so Spring Boot would consult no {@code ExitCodeExceptionMapper} and the JVM would exit with 1,
 * which {@code status} uses for "pending work". This context turns any start-up failure, and a
 * start-up in which Ratchet is not active, into exit code 3, and still prints a report, so that a
 * pipeline reading JSON from standard output always gets a document.
 */
class CommandApplicationContext extends AnnotationConfigApplicationContext {

	private final PrintStream standardOutput;

	CommandApplicationContext(PrintStream standardOutput) {
		this.standardOutput = standardOutput;
	}

	@Override
	public void refresh() {
		String command = getEnvironment().getProperty("ratchet.command");
		try {
			super.refresh();
		}
		catch (RuntimeException ex) {
			String reason = RatchetPropertyValues.describeBindingFailure(ex);
			if (reason == null) {
				reason = NestedExceptionUtils.getMostSpecificCause(ex).getMessage();
			}
			throw failed(command, "the application failed to start: " + reason + " (see the log on standard error)", ex);
		}
		if (getBeanNamesForType(RatchetCommandRunner.class).length == 0) {
			String reason = "Ratchet is not active: "
					+ ("false".equalsIgnoreCase(getEnvironment().getProperty("ratchet.enabled")) ? "ratchet.enabled is false"
							: "the application has no DataSource and ratchet.url is not set");
			String description = "Ratchet could not run command '" + command + "'. " + reason + ".";
			throw failed(command, reason, new FailureAnalyzedException(description, "Run the command with Ratchet "
					+ "enabled and a database to migrate: set spring.datasource.url (or ratchet.url), and remove "
					+ "ratchet.enabled=false."));
		}
	}

	@Override
	protected void publishEvent(Object event, ResolvableType typeHint) {
		// Spring Boot publishes the exit code of a failed start-up on the failed context; its
		// listeners may be lazy beans that can no longer be created, and that failure would keep
		// the exit code from the JVM, which would then exit with 1 ("pending work").
		if (!isActive() && event instanceof ExitCodeEvent) {
			return;
		}
		super.publishEvent(event, typeHint);
	}

	private CommandStartupException failed(String command, String reason, RuntimeException cause) {
		CommandStartupException failure = new CommandStartupException(
				"Ratchet could not run command '" + command + "': " + reason, cause);
		boolean json = "json".equalsIgnoreCase(getEnvironment().getProperty("ratchet.output"))
				&& JsonReportWriter.isAvailable(getClassLoader());
		CommandReport report = new CommandReport(command, failure.getExitCode(), null, null, null, null, null, null,
				null, null, new CommandReport.Error(CommandStartupException.class.getSimpleName(), reason, null, null,
						null, null));
		(json ? new JsonReportWriter() : new TextReportWriter()).write(report, this.standardOutput);
		this.standardOutput.flush();
		return failure;
	}

}
