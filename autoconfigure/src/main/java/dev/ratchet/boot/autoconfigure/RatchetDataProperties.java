package dev.ratchet.boot.autoconfigure;

import java.time.Duration;

import dev.ratchet.RatchetConfiguration;

/**
 * Throttling and parallelism of batched data migrations, and who may control them
 * ({@code ratchet.data.*}).
 */
public class RatchetDataProperties {

	/**
	 * Number of workers of this instance that process a batched data migration's batches at once,
	 * each on a connection of its own: a run holds this many connections plus the session holding
	 * the migration lock. With more than 1, the migration is processed in key ranges claimed through
	 * the database, and other instances waiting for the lock claim ranges too.
	 */
	private int parallelism = RatchetConfiguration.DEFAULT_DATA_PARALLELISM;

	/**
	 * Daily time window in which batched data migrations run batches, as HH:mm-HH:mm in the JVM's
	 * time zone, for example 22:00-06:00; outside it they wait. None by default.
	 */
	private String window;

	/**
	 * Largest replay lag of the primary's streaming replicas (pg_stat_replication) at which batched
	 * data migrations run batches; above it they back off. Not checked by default.
	 */
	private Duration maxReplicationLag;

	/**
	 * How long a batched data migration waits before checking the replication lag again.
	 */
	private Duration replicationLagBackOff = Duration.ofSeconds(5);

	/**
	 * Role a caller needs, when Spring Security is present, for the migrations endpoint's write
	 * operation (pause, resume, cancel, retry-failed; enabled with
	 * 'management.endpoint.migrations.access=unrestricted'). Without the 'ROLE_' prefix.
	 */
	private String operatorRole = "RATCHET_OPERATOR";

	public int getParallelism() {
		return this.parallelism;
	}

	public void setParallelism(int parallelism) {
		this.parallelism = parallelism;
	}

	public String getWindow() {
		return this.window;
	}

	public void setWindow(String window) {
		this.window = window;
	}

	public Duration getMaxReplicationLag() {
		return this.maxReplicationLag;
	}

	public void setMaxReplicationLag(Duration maxReplicationLag) {
		this.maxReplicationLag = maxReplicationLag;
	}

	public Duration getReplicationLagBackOff() {
		return this.replicationLagBackOff;
	}

	public void setReplicationLagBackOff(Duration replicationLagBackOff) {
		this.replicationLagBackOff = replicationLagBackOff;
	}

	public String getOperatorRole() {
		return this.operatorRole;
	}

	public void setOperatorRole(String operatorRole) {
		this.operatorRole = operatorRole;
	}

}
