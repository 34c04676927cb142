package dev.ratchet.boot.event;

import java.time.Duration;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationFailedException;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a migration fails, the start-up run included, for hooks such as a notification.
 * The run ends with the failure right after. A migration that failed at start-up does so while the
 * context is being refreshed, before {@code @EventListener} methods are registered: to hear about
 * it, declare an {@link org.springframework.context.ApplicationListener ApplicationListener} bean.
 */
public class RatchetMigrationFailedEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final Duration duration;

	private final MigrationFailedException failure;

	/**
	 * Creates a new event.
	 * @param migration the migration that failed; also the event's source
	 * @param duration how long it ran before failing
	 * @param failure what went wrong: script, line, SQLSTATE, message, and whether it was rolled back
	 */
	public RatchetMigrationFailedEvent(MigrationDescriptor migration, Duration duration,
			MigrationFailedException failure) {
		super(migration);
		this.duration = duration;
		this.failure = failure;
	}

	public MigrationDescriptor getMigration() {
		return (MigrationDescriptor) getSource();
	}

	public Duration getDuration() {
		return this.duration;
	}

	public MigrationFailedException getFailure() {
		return this.failure;
	}

}
