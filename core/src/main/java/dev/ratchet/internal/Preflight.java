package dev.ratchet.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.internal.ScriptPreflight.ScriptPlan;
import dev.ratchet.lint.LintFinding;
import dev.ratchet.lint.LintReport;
import dev.ratchet.lint.LintSeverity;
import dev.ratchet.lint.internal.Linter;
import dev.ratchet.sql.Placeholders;

/**
 * Reads the pending scripts of a run once, before anything is applied: whether each can run and
 * in a transaction, and what lint finds in their statements. Lint for status calls is kept while
 * the pending migrations stay the same, so repeated calls read no file.
 */
final class Preflight {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private final RatchetConfiguration configuration;

	private volatile Cached cached;

	// Shared by the engines of many tenants, each result is kept: the tenants read the same files.
	private final Map<List<ResolvedMigration>, Result> shared;

	Preflight(RatchetConfiguration configuration) {
		this(configuration, false);
	}

	Preflight(RatchetConfiguration configuration, boolean shared) {
		this.configuration = configuration;
		this.shared = shared ? new ConcurrentHashMap<>() : null;
	}

	/**
	 * What reading the pending scripts found.
	 * @param plans each pending migration with what its script check found ({@code null} for Java)
	 * @param lint what lint found
	 */
	record Result(Map<ResolvedMigration, ScriptPlan> plans, LintReport lint) {

		/**
		 * Logs the lint warnings, and the errors too if asked.
		 */
		void log(boolean errors) {
			for (LintFinding finding : this.lint.findings()) {
				if (finding.severity() == LintSeverity.WARNING) {
					logger.warn("Lint: {}", finding);
				}
				else if (errors) {
					logger.error("Lint: {}", finding);
				}
			}
		}

	}

	private record Cached(List<ResolvedMigration> pending, String schema, LintReport lint) {
	}

	Result check(List<ResolvedMigration> pending, String schema) {
		return (this.shared != null) ? this.shared.computeIfAbsent(pending, (key) -> read(key, schema))
				: read(pending, schema);
	}

	private Result read(List<ResolvedMigration> pending, String schema) {
		ScriptPreflight scripts = scripts(schema);
		Linter linter = new Linter(this.configuration.getLintSeverities(), this.configuration.getLockTimeout() != null);
		Map<ResolvedMigration, ScriptPlan> plans = new LinkedHashMap<>();
		for (ResolvedMigration migration : pending) {
			plans.put(migration, (migration.file() != null)
					? scripts.check(migration.file(), linter.script(migration.file().script())) : null);
		}
		return new Result(plans, linter.report());
	}

	LintReport lint(List<ResolvedMigration> pending, String schema) {
		Cached current = this.cached;
		if (current == null || !current.pending().equals(pending) || !current.schema().equals(schema)) {
			current = new Cached(pending, schema, check(pending, schema).lint());
			this.cached = current;
		}
		return current.lint();
	}

	/**
	 * Returns the script reader for a run in a schema, with the placeholders filled in.
	 */
	ScriptPreflight scripts(String schema) {
		Map<String, String> values = new LinkedHashMap<>(this.configuration.getPlaceholders());
		values.putIfAbsent("ratchet:schema", schema);
		values.putIfAbsent("ratchet:table", this.configuration.getTable());
		if (!this.configuration.isPlaceholderReplacement()) {
			return new ScriptPreflight(Placeholders.OFF, this.configuration.isMixed());
		}
		return new ScriptPreflight(Placeholders.of(values, this.configuration.getPlaceholderPrefix(),
				this.configuration.getPlaceholderSuffix()), this.configuration.isMixed());
	}

}
