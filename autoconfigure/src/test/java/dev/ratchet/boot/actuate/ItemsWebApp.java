package dev.ratchet.boot.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.TestDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A web application on a fresh database whose one migration makes the table {@code item} with
 * {@code rows} rows (column {@code touched}, 0), on a random port with the {@code migrations}
 * endpoint exposed, and HTTP requests to it. Closing it closes the application and drops the database.
 */
final class ItemsWebApp implements AutoCloseable {

	private final HttpClient http = HttpClient.newHttpClient();

	private final TestDatabase.Db db;

	private final ConfigurableApplicationContext context;

	private ItemsWebApp(TestDatabase.Db db, ConfigurableApplicationContext context) {
		this.db = db;
		this.context = context;
	}

	static ItemsWebApp start(Class<?> application, Path migrations, int rows, String... args) {
		TestDatabase.Db db = TestDatabase.createDatabase();
		String location = new MigrationFiles(migrations).write("V1__items.sql", """
				CREATE TABLE item (id bigint PRIMARY KEY, touched int NOT NULL DEFAULT 0);
				INSERT INTO item (id) SELECT i FROM generate_series(1, %d) i;
				""".formatted(rows)).location();
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username(), "--ratchet.locations=" + location,
				"--management.endpoints.web.exposure.include=migrations"));
		all.addAll(List.of(args));
		try {
			return new ItemsWebApp(db, SpringApplication.run(application, all.toArray(String[]::new)));
		}
		catch (RuntimeException ex) {
			db.close();
			throw ex;
		}
	}

	TestDatabase.Db db() {
		return this.db;
	}

	HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		return send(request(path, headers).build());
	}

	HttpResponse<String> post(String path, String json, String... headers) throws IOException, InterruptedException {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private HttpRequest.Builder request(String path, String... headers) {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		return (headers.length > 0) ? request.headers(headers) : request;
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		try {
			this.context.close();
		}
		finally {
			this.db.close();
		}
	}

}
