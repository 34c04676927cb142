package dev.ratchet.tenant;

import java.time.Duration;

import dev.ratchet.MigrationVersion;

/**
 * Where one tenant stands after a run, or when its status was read.
 * @param tenant the tenant: its schema, or for a database per tenant, its name
 * @param status its status
 * @param version its newest applied version, or {@code null}
 * @param applied how many migrations this run applied to it
 * @param script the migration that failed, or the first pending one; {@code null} when up to date
 * @param line the line of the failing statement in that script, or 0
 * @param error what went wrong, or {@code null}
 * @param elapsed how long its run took ({@link Duration#ZERO} when it had nothing to do)
 */
public record TenantResult(String tenant, TenantStatus status, MigrationVersion version, int applied, String script,
		int line, String error, Duration elapsed) {

	/**
	 * Describes the failure for a summary, for example
	 * {@code acme: V3__add_sessions.sql line 2: relation "x" does not exist}.
	 */
	public String describe() {
		StringBuilder text = new StringBuilder(this.tenant).append(": ");
		if (this.script != null) {
			text.append(this.script);
			if (this.line > 0) {
				text.append(" line ").append(this.line);
			}
			text.append(": ");
		}
		return text.append((this.error != null) ? this.error : this.status.toString()).toString();
	}

}
