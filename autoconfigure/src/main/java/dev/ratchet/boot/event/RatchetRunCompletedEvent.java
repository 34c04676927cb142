package dev.ratchet.boot.event;

import dev.ratchet.MigrateResult;

import org.springframework.context.ApplicationEvent;

/**
 * Published when a {@code migrate} run ends successfully, the one at start-up included, for hooks
 * such as a notification. The start-up run ends while the context is being refreshed, before
 * {@code @EventListener} methods are registered: to hear about it, declare an
 * {@link org.springframework.context.ApplicationListener ApplicationListener} bean.
 */
public class RatchetRunCompletedEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final transient MigrateResult result;

	/**
	 * Creates a new event.
	 * @param result what the run did; also the event's source
	 */
	public RatchetRunCompletedEvent(MigrateResult result) {
		super(result);
		this.result = result;
	}

	/**
	 * Returns what the run did.
	 */
	public MigrateResult getResult() {
		return this.result;
	}

}
