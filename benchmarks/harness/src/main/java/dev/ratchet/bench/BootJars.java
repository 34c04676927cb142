package dev.ratchet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import dev.ratchet.test.TestDatabase;

/**
 * Copies a packaged Spring Boot app and adds migrations to it under {@code BOOT-INF/classes/db/migration},
 * where both starters look by default. Nested jars stay stored (uncompressed), as Boot requires;
 * and starts such an app.
 */
final class BootJars {

	private BootJars() {
	}

	static Path withMigrations(Path jar, Path target, List<MigrationFiles.File> files) throws IOException {
		Files.createDirectories(target.getParent());
		try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(target);
				ZipOutputStream out = new ZipOutputStream(file)) {
			Enumeration<? extends ZipEntry> entries = in.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTime(entry.getTime());
				if (entry.getMethod() == ZipEntry.STORED) {
					copy.setMethod(ZipEntry.STORED);
					copy.setSize(entry.getSize());
					copy.setCompressedSize(entry.getSize());
					copy.setCrc(entry.getCrc());
				}
				out.putNextEntry(copy);
				try (InputStream data = in.getInputStream(entry)) {
					data.transferTo(out);
				}
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry("BOOT-INF/classes/db/"));
			out.closeEntry();
			out.putNextEntry(new ZipEntry("BOOT-INF/classes/db/migration/"));
			out.closeEntry();
			for (MigrationFiles.File migration : files) {
				byte[] bytes = migration.sql().getBytes(StandardCharsets.UTF_8);
				ZipEntry entry = new ZipEntry("BOOT-INF/classes/db/migration/" + migration.name());
				out.putNextEntry(entry);
				out.write(bytes);
				out.closeEntry();
			}
		}
		return target;
	}

	static Path find(Path apps, String tool) throws IOException {
		Path target = apps.resolve(tool).resolve("target");
		try (var jars = Files.list(target)) {
			return jars.filter((p) -> p.getFileName().toString().matches("ratchet-benchmarks-app-" + tool + "-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No packaged app in " + target
						+ ": build with ./mvnw -Pbenchmarks -DskipTests verify"));
		}
	}

	/**
	 * Starts a probe app once against a database and waits until it is ready.
	 * @param jar the app
	 * @param db the database
	 * @param setting one more command-line setting
	 * @return wall milliseconds to ready, the CPU milliseconds the JVM used until then, and the number
	 * of classes it loaded until then
	 */
	static double[] startToReady(Path jar, TestDatabase.Db db, String setting) throws Exception {
		List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-jar", jar.toString(),
				"--spring.main.banner-mode=off", "--spring.datasource.url=" + db.url(),
				"--spring.datasource.username=" + db.username(), setting));
		if (db.password() != null) {
			command.add("--spring.datasource.password=" + db.password());
		}
		ChildProcess child = ChildProcess.start(command, "BENCH-READY");
		double wall = child.await(600);
		String[] ready = child.marked().get(0).split(" ");
		return new double[] { wall, Double.parseDouble(ready[2]), Double.parseDouble(ready[3]) };
	}

}
