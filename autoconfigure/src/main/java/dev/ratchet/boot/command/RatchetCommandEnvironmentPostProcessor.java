package dev.ratchet.boot.command;

import java.io.PrintStream;
import java.util.Map;

import org.springframework.aot.AotDetector;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Prepares a one-shot command run when {@code ratchet.command} is set: no web server, no banner,
 * lazy beans (so the application's own beans, which may need the migrated schema, are not
 * created), and logs on standard error so that standard output carries only the report. Runs
 * before the logging system starts, so that its console output follows the new
 * {@code System.out}.
 */
public class RatchetCommandEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final String PROPERTY_SOURCE_NAME = "ratchetCommand";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!StringUtils.hasText(environment.getProperty("ratchet.command"))) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("spring.main.web-application-type", "none", "spring.main.banner-mode", "off",
							"spring.main.lazy-initialization", "true")));
		PrintStream standardOutput = System.out;
		System.setOut(System.err);
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton(RatchetCommandRunner.STANDARD_OUTPUT_BEAN_NAME, standardOutput));
		if (!AotDetector.useGeneratedArtifacts()) {
			application.setApplicationContextFactory(
					ApplicationContextFactory.of(() -> new CommandApplicationContext(standardOutput)));
		}
	}

	@Override
	public int getOrder() {
		// After the application's configuration files are loaded, which may set ratchet.command.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
