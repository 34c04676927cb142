package dev.ratchet.boot.autoconfigure;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import dev.ratchet.MigrationListener;
import dev.ratchet.Ratchet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes every {@link MigrationListener} bean hear the runs of every {@link Ratchet} bean, the
 * application's own included: a {@code Ratchet} built without them is rebuilt from its
 * configuration with them added, before anything uses it. Without this, the endpoint, health and
 * metrics would watch a run tracker that no engine feeds.
 */
final class RatchetListenerPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<MigrationListener> listeners;

	RatchetListenerPostProcessor(ObjectProvider<MigrationListener> listeners) {
		this.listeners = listeners;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof Ratchet ratchet)) {
			return bean;
		}
		Set<MigrationListener> heard = Collections.newSetFromMap(new IdentityHashMap<>());
		heard.addAll(ratchet.getConfiguration().getListeners());
		List<MigrationListener> missing = this.listeners.orderedStream()
			.filter((listener) -> !heard.contains(listener))
			.toList();
		if (missing.isEmpty()) {
			return bean;
		}
		return new Ratchet(ratchet.getConfiguration().toBuilder().listeners(missing).build());
	}

}
