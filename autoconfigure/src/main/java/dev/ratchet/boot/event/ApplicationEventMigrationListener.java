package dev.ratchet.boot.event;

import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationListener;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Republishes the engine's run completed and migration failed events as Spring application events:
 * {@link RatchetRunCompletedEvent} and {@link RatchetMigrationFailedEvent}.
 */
public class ApplicationEventMigrationListener implements MigrationListener {

	private final ApplicationEventPublisher publisher;

	public ApplicationEventMigrationListener(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void onEvent(MigrationEvent event) {
		if (event instanceof MigrationEvent.RunCompleted completed) {
			this.publisher.publishEvent(new RatchetRunCompletedEvent(completed.result()));
		}
		else if (event instanceof MigrationEvent.MigrationFailed failed) {
			this.publisher
				.publishEvent(new RatchetMigrationFailedEvent(failed.migration(), failed.duration(), failed.failure()));
		}
	}

}
