package dev.ratchet.boot.diagnostics;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.ratchet.DatabaseConnectionException;
import dev.ratchet.LintException;
import dev.ratchet.LockTimeoutException;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.MigrationFailure;
import dev.ratchet.MigrationResolutionException;
import dev.ratchet.MigrationState;
import dev.ratchet.MigrationType;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.RatchetException;
import dev.ratchet.StatusReport;
import dev.ratchet.ValidationException;
import dev.ratchet.data.DataMigrationFailedException;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Explains a start-up that Ratchet failed, in Spring Boot's "APPLICATION FAILED TO START" report:
 * which migration, line and statement, PostgreSQL's error, and what to do. Never shows a password.
 */
class RatchetFailureAnalyzer extends AbstractFailureAnalyzer<RatchetException> {

	private static final String POOLER_POLICY = "ratchet.pooler-policy";

	private static final String STATUS = "Run the application with --ratchet.command=status to see every "
			+ "migration's state.";

	private final Environment environment;

	RatchetFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RatchetException cause) {
		FailureAnalysis analysis;
		if (cause instanceof MigrationFailedException failed) {
			analysis = migrationFailed(failed);
		}
		else if (cause instanceof ValidationException invalid) {
			analysis = invalid(invalid.getReport());
		}
		else if (cause instanceof LintException lint) {
			analysis = LintAnalysis.of(lint);
		}
		else if (cause instanceof MigrationResolutionException unusable) {
			analysis = new FailureAnalysis(unusable.getMessage(), "Fix the migration files: versioned ones are named "
					+ "V<version>__<description>.sql, repeatable ones R__<description>.sql, and each version is used "
					+ "once. Ratchet reads every file in ratchet.locations (" + locations()
					+ ") before applying anything, so nothing was applied.", cause);
		}
		else if (cause instanceof LockTimeoutException timeout) {
			analysis = lockTimeout(timeout);
		}
		else if (cause instanceof DatabaseConnectionException connection) {
			analysis = connection(connection);
		}
		else {
			analysis = new FailureAnalysis(cause.getMessage(), "Correct the problem described above. " + STATUS, cause);
		}
		return new FailureAnalysis(withoutPasswords(analysis.getDescription()), withoutPasswords(analysis.getAction()),
				cause);
	}

	private FailureAnalysis migrationFailed(MigrationFailedException ex) {
		String script = ex.getMigration().script();
		boolean java = ex.getMigration().type() == MigrationType.JAVA;
		MigrationFailure failure = ex.getFailure();
		StringBuilder description = new StringBuilder(java ? "Java migration " : "Migration ").append(script)
			.append(" failed").append((failure.line() > 0) ? " at line " + failure.line() : "").append(".\n");
		if (failure.statement() != null) {
			description.append("\n    Statement:  ").append(failure.statement());
		}
		description.append("\n    ").append((failure.sqlState() != null) ? "PostgreSQL: " : "Error:      ")
			.append(failure.message())
			.append((failure.sqlState() != null) ? " (SQLSTATE " + failure.sqlState() + ")" : "")
			.append("\n\n");
		String where = script + ((failure.line() > 0) ? " at line " + failure.line() : "");
		if (ex instanceof DataMigrationFailedException data) {
			description.append((data.getLastKey() != null) ? "Its committed batches stay applied (" + data.getProcessed()
					+ " items processed, " + data.getFailed() + " failed items in the ledger); the next start-up "
					+ "continues after item '" + data.getLastKey() + "'." : "None of its batches was committed.");
			return new FailureAnalysis(description.toString(), "Fix the cause and start the application again: "
					+ "Ratchet continues the migration where it stopped, no repair needed. Once the cause of failed "
					+ "items is fixed, run the application once with --ratchet.command=retry-failed to process them "
					+ "again.", ex);
		}
		String fix = (failure.hint() != null) ? "Fix " + where + ". " + failure.hint() + " Then" : "Fix " + where + " and";
		if (ex.isTransactional()) {
			description.append("The migration was rolled back: nothing of it was applied. Migrations applied before it "
					+ "stay applied.");
			return new FailureAnalysis(description.toString(),
					fix + " start the application again: Ratchet retries the migration.", ex);
		}
		description.append("The migration ran without a transaction, so the statements before the failing one stay "
				+ "applied, and its failed entry in the history blocks later runs.");
		return new FailureAnalysis(description.toString(), "Undo or complete by hand what " + script
				+ " applied before the failure. " + fix + " run the application once with --ratchet.command=repair to "
				+ "remove the failed entry, and start it again.", ex);
	}

	private FailureAnalysis invalid(StatusReport report) {
		List<String> problems = report.problems();
		String description = "Ratchet found " + problems.size() + ((problems.size() == 1) ? " problem" : " problems")
				+ " in schema \"" + report.schema() + "\" and applied nothing:\n"
				+ problems.stream().map((problem) -> "\n    - " + problem).collect(Collectors.joining());
		List<MigrationState> states = report.migrations().stream().map((info) -> info.state()).toList();
		String action = Stream.of(
				states.contains(MigrationState.CHANGED) ? "Applied migrations must not be edited: revert the change "
						+ "and put it in a new migration. If the edit is harmless (a comment, formatting), accept it "
						+ "with --ratchet.command=repair." : null,
				states.contains(MigrationState.MISSING) ? "Restore the missing migration files, or check "
						+ "ratchet.locations (" + locations() + ")." : null,
				states.contains(MigrationState.FAILED) ? "Undo or complete the failed migration by hand, fix it, "
						+ "then run --ratchet.command=repair to remove its failed entry." : null,
				STATUS)
			.filter((line) -> line != null)
			.collect(Collectors.joining("\n"));
		return new FailureAnalysis(description, action, null);
	}

	private FailureAnalysis lockTimeout(LockTimeoutException ex) {
		String holder = (ex.getHolder() != null) ? "It is held by " + ex.getHolder() + "."
				: "It was released just as the wait ended.";
		return new FailureAnalysis("Ratchet waited " + property("ratchet.lock.wait-timeout", "10m")
				+ " (ratchet.lock.wait-timeout) for the migration lock and gave up. " + holder,
				"Another instance is probably migrating: let it finish, then start this one again. If the holding "
						+ "session is stuck, end it with SELECT pg_terminate_backend(<its pid>). If migrations "
						+ "legitimately take longer, raise ratchet.lock.wait-timeout.",
				ex);
	}

	private FailureAnalysis connection(DatabaseConnectionException ex) {
		String url = property("ratchet.url", this.environment.getProperty("spring.datasource.url"));
		String target = (url != null) ? JdbcUrl.parse(url).describe() : "the application's DataSource";
		// The engine refuses a transaction-mode pooler with a message that names the property to relax it.
		if (String.valueOf(ex.getMessage()).contains(POOLER_POLICY)) {
			return new FailureAnalysis("Ratchet refused to migrate through a connection pooler in transaction mode, at "
					+ target + ".\n\nReason: " + ex.getMessage(), "Point Ratchet at the database directly: set "
							+ "ratchet.url to the direct URL (and ratchet.username and ratchet.password, if they "
							+ "differ); the application keeps using the pooler through spring.datasource.url. "
							+ "Supabase: host db.<project>.supabase.co port 5432, or the pooler's session mode on port "
							+ "5432. Neon: the host without -pooler. Only if nothing else can migrate at the same "
							+ "time, set " + POOLER_POLICY + "=warn to go on through the pooler.",
					ex);
		}
		return new FailureAnalysis("Ratchet could not use the database at " + target + ".\n\nReason: "
				+ ex.getMessage(), "Check that PostgreSQL is running and reachable from here at that host and port, "
						+ "that the database exists, and that the user and password are right (ratchet.url, "
						+ "ratchet.username and ratchet.password when set, else spring.datasource.*).", ex);
	}

	private String locations() {
		return Binder.get(this.environment)
			.bind("ratchet.locations", Bindable.listOf(String.class))
			.map((locations) -> String.join(", ", locations))
			.orElse(RatchetConfiguration.DEFAULT_LOCATION);
	}

	private String property(String name, String defaultValue) {
		String value = this.environment.getProperty(name);
		return StringUtils.hasText(value) ? value : defaultValue;
	}

	private String withoutPasswords(String text) {
		String result = text;
		for (String name : List.of("ratchet.password", "spring.datasource.password")) {
			String password = this.environment.getProperty(name);
			if (StringUtils.hasLength(password)) {
				result = result.replace(password, "******");
			}
		}
		return result;
	}

}
