package dev.ratchet.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.ratchet.Ratchet;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.FailedItemsPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's console as it ships, read-only: headless Chromium sees the running backfill but no
 * buttons, and the endpoint refuses a write.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "ratchet.console.enabled=true")
@Import(SlowBackfill.class)
class ReadOnlyConsoleBrowserIntegrationTests extends ConsoleBrowserTests {

	@Autowired
	private Ratchet ratchet;

	@Test
	void readOnlyConsoleShowsNoButtonsAndTheEndpointRefusesWrites() throws Exception {
		openConsole();
		Browser.await(this.driver, (d) -> !d.findElements(By.cssSelector(".data-migration[data-version='8']")).isEmpty());
		assertThat(this.driver.findElement(By.cssSelector(".read-only")).getText()).isEqualTo("read-only");
		assertThat(this.driver.findElements(By.cssSelector("button[data-action]"))).isEmpty();
		assertThat(this.driver.findElement(By.id("history")).getText()).contains("create session table");
		HttpResponse<String> refused = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/migrations/8"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"pause\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isBetween(400, 405);
		assertThat(this.ratchet.dataMigrations().stream().filter((data) -> data.version().toString().equals("8")))
			.singleElement()
			.satisfies((data) -> assertThat(data.state()).isNotEqualTo(DataMigrationState.PAUSED));
	}

	@Test
	void ledgerIsSearchedByKeyOnTheServer() {
		openConsole();
		By rows = By.cssSelector(".ledger[data-version='6.2'] tr");
		long failed = this.ratchet.failedItems("6.2", null, 0, 100).total();
		assertThat(failed).isGreaterThan(1);
		Browser.await(this.driver, (d) -> d.findElements(rows).size() == Math.min(failed, 10) + 1);
		String key = this.ratchet.failedItems("6.2", null, 0, 100).items().get(0).key();
		FailedItemsPage matching = this.ratchet.failedItems("6.2", key, 0, 10);
		WebElement search = this.driver.findElement(By.cssSelector(".search[data-version='6.2']"));
		search.sendKeys(key, Keys.ENTER);
		Browser.await(this.driver, (d) -> d.findElement(By.cssSelector(".ledger[data-version='6.2']"))
			.getText()
			.contains(matching.total() + " with a key starting with “" + key + "”"));
		assertThat(Browser.texts(this.driver, ".ledger[data-version='6.2'] tr td:first-child"))
			.hasSize(matching.items().size())
			.allSatisfy((shown) -> assertThat(shown).startsWith(key));
	}

}
