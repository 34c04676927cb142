package dev.ratchet.data;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;

import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationDescriptor;

/**
 * Asked before each batch of every batched data migration whether to go on or to back off for a
 * while, for example because the replicas lag or because it is business hours. The run asks again
 * after the back-off (and checks meanwhile whether an operator paused it), so a throttle only says
 * how long to wait before the next question.
 * <p>
 * Called on the migration's connection, in no transaction of its own; a throttle may query the
 * database with it but must leave no transaction open. A throttle that throws is logged and counts
 * as a back-off of 10 seconds: a failing check never runs a batch it might have held back.
 */
@FunctionalInterface
public interface BatchThrottle {

	/**
	 * Returns how long to wait before the next batch.
	 * @param context the migration's connection and schema
	 * @param migration the migration about to run a batch
	 * @return {@link Duration#ZERO} (or a negative duration) to go now, else the time to back off
	 * @throws Exception if the check fails
	 */
	Duration backOff(MigrationContext context, MigrationDescriptor migration) throws Exception;

	/**
	 * Returns a throttle that lets batches run only within a daily time window, for example
	 * {@code 22:00-06:00} (across midnight) or {@code 01:00-05:00}; outside it, it backs off until the
	 * window opens.
	 * @param window {@code HH:mm-HH:mm}, start inclusive, end exclusive
	 * @param clock the clock whose zone the times are in
	 * @return the throttle
	 * @throws IllegalArgumentException if the window cannot be read
	 */
	static BatchThrottle window(String window, Clock clock) {
		String[] parts = (window != null) ? window.trim().split("\\s*-\\s*") : new String[0];
		try {
			if (parts.length == 2) {
				return new TimeWindowThrottle(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]), clock);
			}
		}
		catch (RuntimeException ex) {
			// reported below, with what to write instead
		}
		throw new IllegalArgumentException("The time window '" + window
				+ "' (ratchet.data.window) cannot be read; write it as HH:mm-HH:mm with different start and end, "
				+ "for example 22:00-06:00");
	}

	/**
	 * Returns a throttle that backs off while any streaming replica of the primary replays more than
	 * {@code maxLag} behind it, as {@code pg_stat_replication.replay_lag} shows (which needs a role
	 * with {@code pg_read_all_stats}, or a superuser, to see other sessions' lag). It reads nothing on a
	 * primary without replicas or on a replica.
	 * @param maxLag the largest replay lag that lets batches run
	 * @param backOff how long to wait before checking again
	 * @return the throttle
	 */
	static BatchThrottle replicationLag(Duration maxLag, Duration backOff) {
		return new ReplicationLagThrottle(maxLag, backOff);
	}

}
