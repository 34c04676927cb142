package dev.ratchet.sample.creators;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the creators data migrations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ DemoDataProperties.class, BackfillProperties.class })
class CreatorsConfiguration {

}
