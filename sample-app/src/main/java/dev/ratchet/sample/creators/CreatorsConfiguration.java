package dev.ratchet.sample.creators;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The creators data migrations, as beans with their settings injected. They belong with the
 * sample's own migration files, so they are left out when {@code ratchet.locations} points elsewhere.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ratchet.locations", havingValue = "classpath:db/migration", matchIfMissing = true)
@EnableConfigurationProperties({ DemoDataProperties.class, BackfillProperties.class })
class CreatorsConfiguration {

	@Bean
	DemoShops demoShops(DemoDataProperties properties) {
		return new DemoShops(properties);
	}

	@Bean
	AssignChatbotCreators assignChatbotCreators(BackfillProperties properties) {
		return new AssignChatbotCreators(properties);
	}

}
