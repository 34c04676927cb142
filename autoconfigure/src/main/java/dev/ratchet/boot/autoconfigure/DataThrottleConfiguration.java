package dev.ratchet.boot.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.ratchet.data.BatchThrottle;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the engine the throttles of batched data migrations: {@link BatchThrottle} beans, and the
 * built-in ones {@code ratchet.data.window} and {@code ratchet.data.max-replication-lag} switch on.
 */
@Configuration(proxyBeanMethods = false)
class DataThrottleConfiguration {

	@Bean
	RatchetConfigurationCustomizer ratchetDataThrottles(RatchetProperties properties,
			ObjectProvider<BatchThrottle> throttleBeans) {
		return (builder) -> {
			List<BatchThrottle> throttles = new ArrayList<>(throttleBeans.orderedStream().toList());
			RatchetDataProperties data = properties.getData();
			if (data.getWindow() != null && !data.getWindow().isBlank()) {
				throttles.add(BatchThrottle.window(data.getWindow(), Clock.systemDefaultZone()));
			}
			if (data.getMaxReplicationLag() != null) {
				throttles.add(BatchThrottle.replicationLag(data.getMaxReplicationLag(), data.getReplicationLagBackOff()));
			}
			builder.throttles(throttles.toArray(BatchThrottle[]::new));
		};
	}

}
