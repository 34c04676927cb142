package dev.ratchet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated migration files: {@code count} trivial ones, one small DDL statement each, the same for
 * every contender.
 */
final class MigrationFiles {

	private MigrationFiles() {
	}

	record File(String name, String sql) {
	}

	static List<File> trivial(int count) {
		List<File> files = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			files.add(new File(String.format("V%d__create_table_%d.sql", i, i),
					"CREATE TABLE item_" + i + " (id bigint PRIMARY KEY, name text NOT NULL);\n"));
		}
		return files;
	}

	/**
	 * Writes the files into a fresh folder.
	 * @return the folder
	 */
	static Path write(Path folder, List<File> files) {
		try {
			deleteRecursively(folder);
			Files.createDirectories(folder);
			for (File file : files) {
				Files.writeString(folder.resolve(file.name()), file.sql());
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void deleteRecursively(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (var paths = Files.walk(folder)) {
				for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

}
