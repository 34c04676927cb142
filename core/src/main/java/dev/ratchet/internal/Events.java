package dev.ratchet.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationListener;

/**
 * Sends events to listeners, logging first. A failing listener is logged and skipped: it never
 * breaks a run or keeps the lock held.
 */
final class Events {

	private static final Logger logger = LoggerFactory.getLogger(Events.class);

	private final List<MigrationListener> listeners;

	Events(List<MigrationListener> listeners) {
		List<MigrationListener> all = new ArrayList<>();
		all.add(new LoggingListener());
		all.addAll(listeners);
		this.listeners = List.copyOf(all);
	}

	void publish(MigrationEvent event) {
		for (MigrationListener listener : this.listeners) {
			try {
				listener.onEvent(event);
			}
			catch (RuntimeException | Error ex) {
				if (ex instanceof VirtualMachineError error) {
					throw error;
				}
				logger.warn("Migration listener {} failed on {}; the run goes on", listener.getClass().getName(),
						event.getClass().getSimpleName(), ex);
			}
		}
	}

}
