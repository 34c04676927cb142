package dev.ratchet.sample;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the console's browser tests: the sample app on a random port (on a fresh database, see
 * {@link ExternalDatabaseTests}) and a headless Chromium opened before each test and closed after it.
 */
abstract class ConsoleBrowserTests extends ExternalDatabaseTests {

	@LocalServerPort
	protected int port;

	protected WebDriver driver;

	@BeforeEach
	void openBrowser() {
		this.driver = Browser.start();
	}

	@AfterEach
	void closeBrowser() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	/** Opens the console page. */
	protected void openConsole() {
		this.driver.get("http://localhost:" + this.port + "/ratchet");
	}

}
