package dev.ratchet.sample;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample app on PostgreSQL in a Docker container (see {@link ContainersConfig}), for
 * developers with Docker: run this class from the IDE.
 */
public class TestSampleApplication {

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main).with(ContainersConfig.class).run(args);
	}

}
