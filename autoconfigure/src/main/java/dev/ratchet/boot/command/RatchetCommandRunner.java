package dev.ratchet.boot.command;

import java.io.PrintStream;
import java.util.List;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.command.Command;
import dev.ratchet.boot.command.Output;
import dev.ratchet.tenant.RatchetTenants;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;

/**
 * Runs the one-shot command of {@code ratchet.command} once the application context is refreshed,
 * prints its report to standard output, and ends the run with the command's exit code. It runs
 * before any other runner, and the default {@link RatchetCommandExit} exits the JVM, so the
 * application's own runners do not run.
 */
public class RatchetCommandRunner implements ApplicationRunner, Ordered {

	/**
	 * Name of the bean holding the process's standard output, captured before logging was moved
	 * to standard error.
	 */
	public static final String STANDARD_OUTPUT_BEAN_NAME = "ratchetStandardOutput";

	private final Ratchet ratchet;

	private final Command command;

	private final ReportWriter writer;

	private final PrintStream out;

	private final RatchetCommandExit exit;

	private final ApplicationContext context;

	private final RatchetTenants tenants;

	/**
	 * Creates a new runner.
	 * @param ratchet the engine
	 * @param command the command to run
	 * @param output the report format
	 * @param out where to print the report
	 * @param exit how to end the run
	 * @param context the application context
	 */
	public RatchetCommandRunner(Ratchet ratchet, Command command, Output output, PrintStream out,
			RatchetCommandExit exit, ApplicationContext context) {
		this(ratchet, command, output, out, exit, context, null, null);
	}

	/**
	 * Creates a new runner that runs the command over the tenants too, after the main schema, or
	 * on one tenant alone.
	 * @param ratchet the engine
	 * @param command the command to run
	 * @param output the report format
	 * @param out where to print the report
	 * @param exit how to end the run
	 * @param context the application context
	 * @param tenants the tenants, or {@code null}
	 * @param tenant the one tenant to run the command on, instead of the main schema and every tenant,
	 * or {@code null}
	 */
	public RatchetCommandRunner(Ratchet ratchet, Command command, Output output, PrintStream out,
			RatchetCommandExit exit, ApplicationContext context, RatchetTenants tenants, String tenant) {
		if (output == Output.JSON && !JsonReportWriter.isAvailable(context.getClassLoader())) {
			throw new IllegalStateException("ratchet.output=json needs Jackson 3 on the classpath: add a dependency "
					+ "on tools.jackson.core:jackson-databind, or use ratchet.output=text");
		}
		if (tenant != null && tenants == null) {
			throw new IllegalStateException("ratchet.tenant=" + tenant + " names a tenant, but no tenants are "
					+ "configured: set ratchet.tenants.schemas or ratchet.tenants.query");
		}
		this.ratchet = (tenant != null) ? tenants.ratchet(tenant) : ratchet;
		this.tenants = (tenant != null) ? null : tenants;
		this.command = command;
		this.writer = (output == Output.JSON) ? new JsonReportWriter() : new TextReportWriter();
		this.out = out;
		this.exit = exit;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean undoPlan = this.context.getEnvironment().getProperty("ratchet.undo", Boolean.class, false);
		List<String> completeCancelled = Binder.get(this.context.getEnvironment())
			.bind("ratchet.repair.complete-cancelled", Bindable.listOf(String.class))
			.orElse(List.of());
		CommandReport report = new CommandExecutor(this.ratchet, undoPlan, completeCancelled).execute(this.command);
		if (this.tenants != null && report.exitCode() != CommandExecutor.CANNOT_RUN) {
			TenantCommands.Outcome outcome = new TenantCommands(this.tenants).execute(this.command);
			if (outcome != null) {
				report = report.withTenants(outcome.tenants(), outcome.exitCode());
			}
		}
		this.writer.write(report, this.out);
		this.out.flush();
		this.exit.exit(this.context, report.exitCode());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
