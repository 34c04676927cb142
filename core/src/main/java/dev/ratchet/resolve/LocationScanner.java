package dev.ratchet.resolve;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the SQL files of a location: for {@code classpath:} in every folder and jar file of the
 * class loader that holds the path, for {@code filesystem:} in one folder. A location that does not
 * exist is logged, not refused, because the default location may simply be absent. Inside a jar,
 * the class loader finds a folder only if the jar holds an entry for it, as jars built by Maven,
 * Gradle and Spring Boot do.
 */
final class LocationScanner {

	private static final Logger logger = LoggerFactory.getLogger(LocationScanner.class);

	private static final Comparator<FoundFile> ORDER = Comparator.comparing(FoundFile::script);

	private final ClassLoader classLoader;

	private final ResolutionProblems problems;

	LocationScanner(ClassLoader classLoader, ResolutionProblems problems) {
		this.classLoader = classLoader;
		this.problems = problems;
	}

	/**
	 * Returns the SQL files of a location, in classpath order and, within a folder or jar, sorted by
	 * path so that results and messages do not depend on the file system's listing order.
	 */
	List<FoundFile> scan(Location location) {
		return location.isClasspath() ? scanClasspath(location) : scanFileSystem(location);
	}

	private List<FoundFile> scanFileSystem(Location location) {
		Path folder;
		try {
			folder = Path.of(location.path());
		}
		catch (InvalidPathException ex) {
			this.problems.add("Migration location " + location + " is not a valid path: " + ex.getMessage());
			return List.of();
		}
		if (!Files.exists(folder)) {
			logger.warn("Migration location {} does not exist (looked for {}); no migrations are read from it",
					location, folder.toAbsolutePath());
			return List.of();
		}
		return scanFolder(location, folder, null);
	}

	private List<FoundFile> scanClasspath(Location location) {
		Enumeration<URL> urls;
		try {
			urls = this.classLoader.getResources(location.path());
		}
		catch (IOException ex) {
			this.problems.add("Cannot list migration location " + location + " on the classpath: " + ex, ex);
			return List.of();
		}
		if (!urls.hasMoreElements()) {
			logger.warn("Migration location {} was not found on the classpath; no migrations are read from it",
					location);
			return List.of();
		}
		List<FoundFile> found = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		while (urls.hasMoreElements()) {
			URL url = urls.nextElement();
			// compared as text: URL.equals resolves host names
			if (seen.add(url.toExternalForm())) {
				found.addAll(scanClasspathEntry(location, url));
			}
		}
		return found;
	}

	private List<FoundFile> scanClasspathEntry(Location location, URL url) {
		String root = url.toExternalForm();
		try {
			if ("file".equals(url.getProtocol())) {
				return scanFolder(location, Path.of(url.toURI()), root);
			}
			URLConnection connection = url.openConnection();
			if (connection instanceof JarURLConnection jar) {
				List<FoundFile> found = new ArrayList<>();
				JarScanner.scan(location, url, jar, found, this.problems);
				found.sort(ORDER);
				return found;
			}
			this.problems.add("Cannot list migration location " + location + " in " + root
					+ ": only folders and jar files can be scanned");
		}
		catch (IOException | URISyntaxException | IllegalArgumentException ex) {
			this.problems.add("Cannot list migration location " + location + " in " + root + ": " + ex, ex);
		}
		return List.of();
	}

	private List<FoundFile> scanFolder(Location location, Path folder, String root) {
		String where = (root != null) ? location + " (" + root + ")" : location.toString();
		if (!Files.isDirectory(folder)) {
			this.problems.add("Migration location " + where + " is a file, not a folder: point it at the folder "
					+ "that holds the migrations");
			return List.of();
		}
		List<FoundFile> found = new ArrayList<>();
		try {
			FolderScanner.scan(location, folder, root, found, this.problems);
		}
		catch (IOException ex) {
			this.problems.add("Cannot list migration location " + where + ": " + ex, ex);
		}
		found.sort(ORDER);
		return found;
	}

}
