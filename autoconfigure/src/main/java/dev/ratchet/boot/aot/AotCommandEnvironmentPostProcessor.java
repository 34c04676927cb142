package dev.ratchet.boot.aot;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.NativeDetector;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Runs a one-shot command ({@code ratchet.command}) of an AOT-processed application on the JVM
 * without its generated artifacts. AOT freezes every condition at build time, where no command is
 * set: the generated context has a web server and no command runner, so the command would never
 * run. Without the generated artifacts the context is built as usual, conditions see the command,
 * and the run behaves exactly as without AOT (only the start-up is not the AOT one). A native image
 * has nothing to fall back to, so it is left alone.
 */
class AotCommandEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("ratchet.command")) && AotDetector.useGeneratedArtifacts()
				&& !NativeDetector.inNativeImage()) {
			SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
		}
	}

	@Override
	public int getOrder() {
		// After the configuration files (which may set ratchet.command), before the command's own
		// post-processor, which picks its context by whether generated artifacts are used.
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
