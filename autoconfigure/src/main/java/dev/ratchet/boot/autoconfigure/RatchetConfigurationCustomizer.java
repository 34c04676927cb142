package dev.ratchet.boot.autoconfigure;

import dev.ratchet.RatchetConfiguration;

/**
 * Customizes the engine's configuration before the {@link dev.ratchet.Ratchet} bean is built,
 * for settings that have no property. Customizers run in {@link org.springframework.core.Ordered
 * order}, after the properties were applied, so a customizer can override any of them.
 */
@FunctionalInterface
public interface RatchetConfigurationCustomizer {

	/**
	 * Customizes the configuration.
	 * @param builder the builder, holding the values of the {@code ratchet.*} properties
	 */
	void customize(RatchetConfiguration.Builder builder);

}
