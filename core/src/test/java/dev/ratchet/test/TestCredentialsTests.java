package dev.ratchet.test;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TestCredentials}: the build searches test output for the same password.
 */
class TestCredentialsTests {

	@Test
	void buildSearchesTestOutputForThisPassword() throws Exception {
		String parent = Files.readString(Path.of("..", "pom.xml"));
		assertThat(parent.contains("<ratchet.test.password>" + TestCredentials.PASSWORD + "</ratchet.test.password>"))
			.as("the parent POM's ratchet.test.password equals TestCredentials.PASSWORD")
			.isTrue();
	}

}
