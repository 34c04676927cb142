package dev.ratchet.adopt;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RatchetException;
import dev.ratchet.resolve.SqlMigrationFile;

/**
 * The SQL migration files found, by version and by repeatable description, so that a foreign
 * history row finds the file its checksum is verified against.
 */
final class Scripts {

	private final Map<MigrationVersion, SqlMigrationFile> versioned = new HashMap<>();

	private final Map<String, SqlMigrationFile> repeatable = new HashMap<>();

	Scripts(List<SqlMigrationFile> files) {
		for (SqlMigrationFile file : files) {
			if (file.type() == MigrationType.REPEATABLE) {
				this.repeatable.put(file.description(), file);
			}
			else {
				this.versioned.put(file.version(), file);
			}
		}
	}

	SqlMigrationFile versioned(MigrationVersion version) {
		return this.versioned.get(version);
	}

	SqlMigrationFile repeatable(String description) {
		return this.repeatable.get(description);
	}

	static byte[] read(SqlMigrationFile file) {
		try (InputStream in = file.source().open()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new RatchetException("Cannot read migration file " + file + " to verify its checksum: " + ex, ex);
		}
	}

}
