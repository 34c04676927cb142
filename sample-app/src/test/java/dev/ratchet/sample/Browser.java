package dev.ratchet.sample;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the console's browser tests: Debian's {@code chromium} and
 * {@code chromium-driver} (installed by {@code .ci/run}); the tests skip, saying so, without them.
 */
final class Browser {

	private static final File CHROMIUM = new File(System.getProperty("ratchet.test.chromium", "/usr/lib/chromium/chromium"));

	private static final File DRIVER = new File(System.getProperty("ratchet.test.chromedriver", "/usr/bin/chromedriver"));

	private Browser() {
	}

	/**
	 * Starts headless Chromium, or skips the test when it is not installed.
	 */
	static WebDriver start() {
		Assumptions.assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(), "No Chromium at " + CHROMIUM
				+ " or no chromedriver at " + DRIVER + ": the console's browser test is skipped "
				+ "(apt-get install chromium chromium-driver to run it)");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1200,1500");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
		return new ChromeDriver(service, options);
	}

	/**
	 * Returns the text of every element the selector finds, read in one step in the page: the console
	 * renders anew each second, so elements found first and read one by one may be gone when read.
	 */
	@SuppressWarnings("unchecked")
	static List<String> texts(WebDriver driver, String selector) {
		return (List<String>) ((JavascriptExecutor) driver).executeScript(
				"return Array.from(document.querySelectorAll(arguments[0]), (e) => e.innerText);", selector);
	}

	static <T> T await(WebDriver driver, Function<WebDriver, T> condition) {
		// the console renders anew each second: an element found just before may be gone
		return new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(100))
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

}
