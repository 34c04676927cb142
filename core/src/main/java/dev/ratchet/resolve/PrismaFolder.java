package dev.ratchet.resolve;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;

/**
 * A Prisma migrations folder: a location that holds {@code migration_lock.toml}. Each migration is
 * {@code <digits>_<name>/migration.sql}, version {@code <digits>} and description {@code <name>};
 * any other SQL file there, and a migration folder without {@code migration.sql}, is an error naming
 * it. The lock file's {@code provider} must be PostgreSQL's.
 */
final class PrismaFolder {

	static final String LOCK_FILE = "migration_lock.toml";

	/** How Prisma migrations are laid out, for messages. */
	static final String PATTERN = "In a Prisma migrations folder (one holding " + LOCK_FILE
			+ ") each migration is <digits>_<name>/migration.sql, for example 20251024020000_init/migration.sql.";

	private static final Pattern FOLDER = Pattern.compile("(\\d+)_(.*)");

	private static final Pattern PROVIDER = Pattern.compile("(?m)^\\s*provider\\s*=\\s*\"([^\"]*)\"");

	private static final String SCRIPT = "migration.sql";

	private PrismaFolder() {
	}

	/**
	 * Returns whether a location is a Prisma migrations folder, reporting a lock file written for
	 * another database and migration folders without a script.
	 */
	static boolean check(Location location, ClassLoader classLoader, ResolutionProblems problems) {
		boolean prisma = false;
		for (URL lockFile : lockFiles(location, classLoader)) {
			String content = read(lockFile, location, problems);
			if (content == null) {
				continue;
			}
			prisma = true;
			String provider = provider(content, location, problems);
			if (provider != null && !provider.equals("postgresql") && !provider.equals("postgres")) {
				problems.add(LOCK_FILE + " in " + location + " says provider = \"" + provider + "\": these migrations "
						+ "were written for another database, not PostgreSQL. Generate PostgreSQL migrations (set "
						+ "provider = \"postgresql\" in schema.prisma and create a new baseline migration), or point "
						+ "ratchet.locations elsewhere.");
			}
			if ("file".equals(lockFile.getProtocol())) {
				foldersWithoutScript(location, lockFile, problems);
			}
		}
		return prisma;
	}

	/**
	 * Reads a script's path inside a Prisma migrations folder.
	 * @param script the path relative to the location, for example {@code 20251024020000_init/migration.sql}
	 * @return what it says
	 * @throws IllegalArgumentException if it is not {@code <digits>_<name>/migration.sql}
	 */
	static MigrationFileName parse(String script) {
		int slash = script.indexOf('/');
		if (slash < 0 || script.indexOf('/', slash + 1) >= 0 || !script.substring(slash + 1).equals(SCRIPT)) {
			throw new IllegalArgumentException("only <digits>_<name>/" + SCRIPT + " belongs there");
		}
		Matcher matcher = FOLDER.matcher(script.substring(0, slash));
		if (!matcher.matches() || !MigrationVersion.isValid(matcher.group(1))) {
			throw new IllegalArgumentException("folder '" + script.substring(0, slash) + "' is not named <digits>_<name>");
		}
		String name = matcher.group(2).isEmpty() ? script.substring(0, slash) : matcher.group(2);
		return new MigrationFileName(MigrationType.SQL, MigrationVersion.parse(matcher.group(1)), name);
	}

	private static List<URL> lockFiles(Location location, ClassLoader classLoader) {
		List<URL> found = new ArrayList<>();
		try {
			if (location.isClasspath()) {
				for (Enumeration<URL> urls = classLoader.getResources(location.path() + "/" + LOCK_FILE); urls
					.hasMoreElements();) {
					found.add(urls.nextElement());
				}
			}
			else {
				Path file = Path.of(location.path()).resolve(LOCK_FILE);
				if (Files.isRegularFile(file)) {
					found.add(file.toUri().toURL());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the location itself is reported by the scan, if unusable
		}
		return found;
	}

	/**
	 * Reads a lock file, or returns {@code null} when it turns out not to exist (a class loader may
	 * hand out URLs of entries it does not have).
	 */
	private static String read(URL lockFile, Location location, ResolutionProblems problems) {
		try (InputStream in = lockFile.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (FileNotFoundException | NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			problems.add("Cannot read " + LOCK_FILE + " in " + location + ": " + ex, ex);
			return null;
		}
	}

	private static String provider(String content, Location location, ResolutionProblems problems) {
		Matcher matcher = PROVIDER.matcher(content);
		if (!matcher.find()) {
			problems.add(LOCK_FILE + " in " + location + " names no provider; Prisma writes provider = \"postgresql\" "
					+ "there for PostgreSQL migrations.");
			return null;
		}
		return matcher.group(1).trim().toLowerCase(Locale.ROOT);
	}

	private static void foldersWithoutScript(Location location, URL lockFile, ResolutionProblems problems) {
		Path folder;
		try {
			folder = Path.of(lockFile.toURI()).getParent();
		}
		catch (URISyntaxException | RuntimeException ex) {
			return;
		}
		try (Stream<Path> entries = Files.list(folder)) {
			entries.filter(Files::isDirectory)
				.filter((dir) -> !dir.getFileName().toString().startsWith("."))
				.filter((dir) -> !Files.exists(dir.resolve(SCRIPT)))
				.sorted()
				.forEach((dir) -> problems.add("Prisma migration folder " + location.describe(dir.getFileName().toString())
						+ " has no " + SCRIPT + ". " + PATTERN));
		}
		catch (IOException ex) {
			problems.add("Cannot list " + location + ": " + ex, ex);
		}
	}

}
