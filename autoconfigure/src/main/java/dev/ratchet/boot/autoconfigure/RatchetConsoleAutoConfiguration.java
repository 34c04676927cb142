package dev.ratchet.boot.autoconfigure;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.console.RatchetConsoleController;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the
 * console page, off unless {@code ratchet.console.enabled=true}, in a servlet web application. The
 * page reads the {@code migrations} endpoint under {@code management.endpoints.web.base-path} (on the
 * application's port), and shows buttons when
 * {@code management.endpoint.migrations.access=unrestricted}.
 */
@AutoConfiguration(after = RatchetEndpointAutoConfiguration.class)
@ConditionalOnClass({ Ratchet.class, DispatcherServlet.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty("ratchet.console.enabled")
@ConditionalOnBean(Ratchet.class)
@EnableConfigurationProperties(RatchetConsoleProperties.class)
public final class RatchetConsoleAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RatchetConsoleController ratchetConsoleController(Environment environment) {
		String basePath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
		String access = environment.getProperty("management.endpoint.migrations.access", "read-only");
		boolean writable = access.replace("_", "-").equalsIgnoreCase("unrestricted");
		return new RatchetConsoleController(trimSlash(basePath) + "/migrations", writable);
	}

	private static String trimSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

}
