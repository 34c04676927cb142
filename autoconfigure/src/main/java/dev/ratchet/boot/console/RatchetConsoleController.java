package dev.ratchet.boot.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the console: one static page (HTML, CSS and JavaScript, no build step and nothing from the
 * internet) that reads the {@code migrations} endpoint's JSON once a second and, when the endpoint's
 * write operation is enabled, shows buttons that post to it.
 */
@RestController
public class RatchetConsoleController {

	private final String page;

	/**
	 * Creates the controller.
	 * @param endpointPath the path of the {@code migrations} endpoint, for example {@code /actuator/migrations}
	 * @param writable whether the endpoint's write operation is enabled, so the page shows buttons
	 */
	public RatchetConsoleController(String endpointPath, boolean writable) {
		this.page = template().replace("%ENDPOINT%", escape(endpointPath))
			.replace("%WRITABLE%", String.valueOf(writable));
	}

	@GetMapping(path = "${ratchet.console.path:/ratchet}", produces = MediaType.TEXT_HTML_VALUE)
	public ResponseEntity<String> console() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.page);
	}

	private static String template() {
		try (InputStream in = RatchetConsoleController.class.getResourceAsStream("console.html")) {
			if (in == null) {
				throw new IllegalStateException("console.html is missing beside " + RatchetConsoleController.class.getName());
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String escape(String value) {
		return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
	}

}
