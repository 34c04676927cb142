package dev.ratchet.boot.aot;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class AotCommandEnvironmentPostProcessorTests {

	private final AotCommandEnvironmentPostProcessor postProcessor = new AotCommandEnvironmentPostProcessor();

	@BeforeEach
	void runWithGeneratedArtifacts() {
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
	}

	@AfterEach
	void reset() {
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
	}

	@Test
	void commandRunsWithoutTheGeneratedContext() {
		this.postProcessor.postProcessEnvironment(environment(Map.of("ratchet.command", "status")), new SpringApplication());
		assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
	}

	@Test
	void applicationStartUpKeepsTheGeneratedContext() {
		this.postProcessor.postProcessEnvironment(environment(Map.of("ratchet.mode", "validate")), new SpringApplication());
		assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
	}

	@Test
	void blankCommandKeepsTheGeneratedContext() {
		this.postProcessor.postProcessEnvironment(environment(Map.of("ratchet.command", " ")), new SpringApplication());
		assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
		return environment;
	}

}
