package dev.ratchet.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A chatbot service for shop apps, whose PostgreSQL schema Ratchet brings up to date at start-up.
 * Without {@code spring.datasource.url} it runs on an embedded PostgreSQL.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
