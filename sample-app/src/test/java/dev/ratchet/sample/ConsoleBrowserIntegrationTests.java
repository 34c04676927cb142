package dev.ratchet.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.data.BackgroundMigrationRunner;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.DataMigrationStatus;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator in headless Chromium on the sample app's console, with the endpoint's write operation
 * enabled: pauses the running background backfill and sees it stop, resumes it and sees it finish.
 * Leaves a screenshot of the console in {@code target/console.png}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "ratchet.console.enabled=true", "management.endpoint.migrations.access=unrestricted" })
@Import(SlowBackfill.class)
class ConsoleBrowserIntegrationTests extends ConsoleBrowserTests {

	@Autowired
	private Ratchet ratchet;

	@Autowired
	private BackgroundMigrationRunner runner;

	@Test
	void operatorPausesTheRunningBackfillThenResumesItToTheEnd() throws Exception {
		openConsole();
		// the first batch is committed, the second waits at the gate
		Browser.await(this.driver, (d) -> "RUNNING".equals(state()) && processed() == 2);
		assertThat(this.driver.findElements(By.cssSelector(".read-only"))).isEmpty();
		click("pause");
		Browser.await(this.driver, (d) -> "PAUSED".equals(state()));
		SlowBackfill.gate.countDown();
		// the batch under way when the operator pressed pause commits; no batch after it
		Browser.await(this.driver, (d) -> !this.runner.isMigrating());
		assertThat(backfill().state()).isEqualTo(DataMigrationState.PAUSED);
		assertThat(backfill().processed()).isEqualTo(4);
		Thread.sleep(1000);
		assertThat(backfill().processed()).isEqualTo(4);
		Browser.await(this.driver, (d) -> processed() == 4);
		Browser.await(this.driver, (d) -> d.findElements(By.cssSelector("button[data-action=pause]")).isEmpty());
		screenshot();

		click("resume");
		Browser.await(this.driver, (d) -> "COMPLETED".equals(state()));
		Browser.await(this.driver, (d) -> processed() == 100);
		assertThat(backfill().processed()).isEqualTo(100);
		assertThat(this.driver.findElement(By.cssSelector(".status")).getText()).isEqualTo("UP_TO_DATE");
	}

	private DataMigrationStatus backfill() {
		return this.ratchet.dataMigrations()
			.stream()
			.filter((data) -> data.version().toString().equals("8"))
			.findFirst()
			.orElseThrow();
	}

	private WebElement card() {
		return this.driver.findElement(By.cssSelector(".data-migration[data-version='8']"));
	}

	private String state() {
		try {
			return stateNow();
		}
		catch (org.openqa.selenium.StaleElementReferenceException ex) {
			return null;
		}
	}

	private String stateNow() {
		return this.driver.findElements(By.cssSelector(".data-migration[data-version='8'] .state"))
			.stream()
			.map(WebElement::getText)
			.findFirst()
			.orElse(null);
	}

	private long processed() {
		try {
			String counts = card().findElement(By.cssSelector(".counts")).getText();
			return Long.parseLong(counts.substring(0, counts.indexOf(' ')));
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			return -1;
		}
	}

	private void click(String action) {
		Browser.await(this.driver, (d) -> {
			d.findElement(By.cssSelector("button[data-version='8'][data-action='" + action + "']")).click();
			return true;
		});
	}

	private void screenshot() throws Exception {
		Path file = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, Path.of("target", "console.png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
