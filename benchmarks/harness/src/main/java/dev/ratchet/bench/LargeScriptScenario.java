package dev.ratchet.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.ratchet.test.TestDatabase;

/**
 * One huge SQL file of INSERTs (500 MB in the full size), applied by Ratchet in a JVM limited to a
 * 128 MB heap; the child samples its own heap. Flyway gets the same file and the same heap, once,
 * for comparison.
 * @param settings the sizes and rounds
 * @param work the scratch folder
 * @param report where the tables go
 */
record LargeScriptScenario(Settings settings, Path work, Report report) {

	static final int ROWS_PER_INSERT = 100;

	void run() throws Exception {
		Path folder = this.work.resolve("large-migration");
		Path file = folder.resolve("V1__insert_rows.sql");
		long rows = generate(file, this.settings.largeBytes());
		long bytes = Files.size(file);
		String location = "filesystem:" + folder.toAbsolutePath();
		this.report.section("One " + bytes / (1024 * 1024) + " MB SQL file of INSERTs, -Xmx128m");
		this.report.line("The file: one `CREATE TABLE`, then " + rows + " rows in INSERT statements of "
				+ ROWS_PER_INSERT + " rows each (" + (rows / ROWS_PER_INSERT) + " statements), one transaction. "
				+ "Peak heap: the most the child's heap held, sampled every 5 ms (garbage included, so it follows the "
				+ "heap limit); heap after GC: the most the heap held right after any collection during the run, "
				+ "an upper bound of what the run keeps.");
		this.report.line("");
		this.report.line("| tool | result | time | peak heap (sampled) | heap after GC (max) |");
		this.report.line("|---|---|---:|---:|---:|");
		for (String tool : List.of("ratchet", "flyway")) {
			Progress.log("large: " + tool + " applies " + bytes / (1024 * 1024) + " MB with -Xmx128m");
			this.report.line(apply(tool, location, rows));
		}
		this.report.line("");
	}

	private static String apply(String tool, String location, long rows) throws Exception {
		String name = tool.equals("ratchet") ? "Ratchet" : "Flyway";
		try (TestDatabase.Db db = Databases.create()) {
			List<String> command = new ArrayList<>(List.of(ChildProcess.java(), "-Xmx128m", "-cp",
					System.getProperty("java.class.path"), MigrateMain.class.getName(), tool, db.url(), db.username(),
					(db.password() != null) ? db.password() : "-", location));
			ChildProcess child = ChildProcess.start(command, "BENCH-DONE");
			try {
				// Flyway is the comparison here, not the subject: it gets a shorter leash.
				child.await(tool.equals("ratchet") ? 3600 : 900);
			}
			catch (IllegalStateException ex) {
				String reason = ex.getMessage();
				String shortReason = reason.contains("OutOfMemoryError") ? "OutOfMemoryError" : reason.lines().findFirst().orElse("");
				Progress.log(name + " failed: " + reason);
				return "| " + name + " | **failed**: " + shortReason + " | | | |";
			}
			String[] done = child.marked().get(0).split(" ");
			try (var pool = Databases.pool(db)) {
				long inserted = Databases.count(pool, "SELECT count(*) FROM big_table");
				String result = (inserted == rows) ? "applied, " + inserted + " rows" : "**wrong row count** " + inserted;
				return "| " + name + " | " + result + " | " + Stats.format(Double.parseDouble(done[2]) / 1000) + " s | "
						+ done[3] + " MB | " + done[4] + " MB |";
			}
		}
	}

	/**
	 * Writes the file unless it exists with the same target size.
	 * @return how many rows it inserts
	 */
	static long generate(Path file, long targetBytes) throws IOException {
		Path marker = file.resolveSibling("rows-" + targetBytes);
		if (Files.exists(file) && Files.exists(marker)) {
			return Long.parseLong(Files.readString(marker).trim());
		}
		MigrationFiles.deleteRecursively(file.getParent());
		Files.createDirectories(file.getParent());
		Progress.log("large: writing " + targetBytes / (1024 * 1024) + " MB to " + file);
		long rows = 0;
		long written = 0;
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			String create = "CREATE TABLE big_table (id bigint PRIMARY KEY, name text NOT NULL, amount numeric(12, 2));\n";
			out.write(create);
			written += create.length();
			StringBuilder statement = new StringBuilder(16384);
			while (written < targetBytes) {
				statement.setLength(0);
				statement.append("INSERT INTO big_table (id, name, amount) VALUES\n");
				for (int i = 0; i < ROWS_PER_INSERT; i++) {
					rows++;
					statement.append("  (").append(rows).append(", 'customer ").append(rows)
						.append(" with a name long enough to look like data', ").append(rows % 100000).append(".25)")
						.append((i < ROWS_PER_INSERT - 1) ? ",\n" : ";\n");
				}
				out.write(statement.toString());
				written += statement.length();
			}
		}
		Files.writeString(marker, Long.toString(rows));
		return rows;
	}

}
