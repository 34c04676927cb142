package dev.ratchet;

import java.time.Instant;

/**
 * The session that holds the migration lock, as {@code pg_stat_activity} shows it.
 * @param pid the backend process id
 * @param applicationName its {@code application_name}
 * @param clientAddress the client address, or {@code null} for a Unix socket
 * @param user the database user
 * @param since when its lock query finished, which is when it took the lock
 */
public record LockHolder(int pid, String applicationName, String clientAddress, String user, Instant since) {

	@Override
	public String toString() {
		return "pid " + this.pid + " (application \"" + this.applicationName + "\", client "
				+ ((this.clientAddress != null) ? this.clientAddress : "local socket") + ", user " + this.user
				+ ", since " + this.since + ")";
	}

}
