package dev.ratchet.boot.report;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ratchet.LockHolder;

/**
 * The migration lock: whether a session holds it (an instance migrating, repairing or baselining),
 * and which. The same in the {@code migrations} endpoint and the {@code status} command's report.
 * @param held whether it is held
 * @param holder the session holding it, or {@code null} when it is free
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LockDescriptor(boolean held, HolderDescriptor holder) {

	/**
	 * Describes the migration lock.
	 * @param holder the session holding it, or {@code null} when it is free
	 * @return the descriptor
	 */
	public static LockDescriptor of(LockHolder holder) {
		return (holder != null) ? new LockDescriptor(true, new HolderDescriptor(holder.pid(), holder.applicationName(),
				holder.clientAddress(), holder.user(), holder.since())) : new LockDescriptor(false, null);
	}

	/**
	 * The session holding the migration lock, as {@code pg_stat_activity} shows it.
	 * @param pid the backend process id (end it with {@code pg_terminate_backend(pid)})
	 * @param applicationName its {@code application_name}; Ratchet's say {@code ratchet lock host:pid}
	 * @param clientAddress the client address, or {@code null} for a Unix socket
	 * @param user the database user
	 * @param since when it took the lock
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record HolderDescriptor(int pid, String applicationName, String clientAddress, String user,
			Instant since) {

		@Override
		public String toString() {
			return "pid " + this.pid + " (application \"" + this.applicationName + "\", client "
					+ ((this.clientAddress != null) ? this.clientAddress : "local socket") + ", user " + this.user
					+ ", since " + this.since + ")";
		}

	}

}
