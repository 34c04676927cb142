package dev.ratchet;


/**
 * Where the schema stands and who holds the migration lock, read together in one round trip.
 * @param status every migration's state and every problem
 * @param lockHolder the session holding the migration lock, or {@code null} when it is free
 */
public record Inspection(StatusReport status, LockHolder lockHolder) {

	/**
	 * Returns whether a session holds the migration lock: an instance is migrating, repairing or baselining.
	 */
	public boolean isLocked() {
		return this.lockHolder != null;
	}

}
