package dev.ratchet.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every {@code curl} command that README.md shows, as printed, against the running sample app
 * (on a random port instead of 8080): a reader who copies one gets a 2xx answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReadmeCommandsIntegrationTests extends ExternalDatabaseTests {

	private static final Path README = Path.of(System.getProperty("readme", "../README.md"));

	// `curl …` in running text, or a line of a code block that starts with curl
	private static final Pattern CURL = Pattern.compile("`(curl [^`]+)`|(?m)^\\s*(curl .+)$");

	@LocalServerPort
	private int port;

	@Test
	void everyCurlCommandOfTheReadmeAnswers2xx() throws Exception {
		List<String> commands = curlCommands();
		assertThat(commands).as("curl commands in %s", README).hasSizeGreaterThanOrEqualTo(2);
		HttpClient http = HttpClient.newHttpClient();
		for (String command : commands) {
			HttpResponse<String> response = http.send(request(command), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("%s answered:%n%s", command, response.body()).isBetween(200, 299);
		}
	}

	@Test
	void commandsAreReadAsAShellReadsThem() {
		assertThat(words("curl -XPOST localhost:8080/x -H 'Content-Type: application/json' -d '{\"a\":\"b c\"}'"))
			.containsExactly("curl", "-XPOST", "localhost:8080/x", "-H", "Content-Type: application/json", "-d",
					"{\"a\":\"b c\"}");
		HttpRequest request = request("curl -d '{}' localhost:8080/chatbots");
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.uri()).hasToString("http://localhost:" + this.port + "/chatbots");
	}

	private static List<String> curlCommands() throws IOException {
		Set<String> commands = new LinkedHashSet<>();
		Matcher matcher = CURL.matcher(Files.readString(README, StandardCharsets.UTF_8));
		while (matcher.find()) {
			commands.add(((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2)).strip());
		}
		return new ArrayList<>(commands);
	}

	private HttpRequest request(String command) {
		List<String> words = words(command);
		String method = null;
		String body = null;
		String url = null;
		HttpRequest.Builder builder = HttpRequest.newBuilder();
		for (int i = 1; i < words.size(); i++) {
			String word = words.get(i);
			if (word.startsWith("-X") && word.length() > 2) {
				method = word.substring(2);
			}
			else if (word.equals("-X") || word.equals("--request")) {
				method = words.get(++i);
			}
			else if (word.equals("-H") || word.equals("--header")) {
				String[] header = words.get(++i).split(":\\s*", 2);
				builder.header(header[0], header[1]);
			}
			else if (word.equals("-d") || word.equals("--data") || word.equals("--data-raw")) {
				body = words.get(++i);
			}
			else if (word.startsWith("-")) {
				throw new IllegalArgumentException("This test does not know curl's " + word + " in: " + command);
			}
			else {
				url = word;
			}
		}
		assertThat(url).as("the URL of %s", command).isNotNull();
		URI uri = URI.create((url.contains("://") ? url : "http://" + url).replaceFirst("localhost:8080",
				"localhost:" + this.port));
		method = (method != null) ? method : (body != null) ? "POST" : "GET";
		return builder.uri(uri)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
	}

	// Splits as a POSIX shell does for the quoting the README uses: single and double quotes.
	static List<String> words(String command) {
		List<String> words = new ArrayList<>();
		StringBuilder word = null;
		char quote = 0;
		for (char c : command.toCharArray()) {
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
				word = (word != null) ? word : new StringBuilder();
			}
			else if (Character.isWhitespace(c)) {
				if (word != null) {
					words.add(word.toString());
					word = null;
				}
			}
			else {
				word = (word != null) ? word : new StringBuilder();
				word.append(c);
			}
		}
		if (word != null) {
			words.add(word.toString());
		}
		return words;
	}

}
