package dev.ratchet.resolve;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Lists the SQL files below a folder inside a jar file, given the folder's {@code jar:} URL. Works
 * through {@link JarURLConnection}, so a Spring Boot executable jar
 * ({@code jar:nested:/app.jar/!BOOT-INF/classes/!/db/migration}) is read by Boot's own URL handler
 * without Ratchet depending on Boot.
 */
final class JarScanner {

	private JarScanner() {
	}

	/**
	 * Adds the SQL files below the folder a connection points at.
	 * @param location the location the folder stands for
	 * @param folderUrl the folder's URL
	 * @param connection a connection to that URL
	 * @param found where to add the files
	 * @param problems where to report a location that is a file
	 * @throws IOException if the jar cannot be read
	 */
	static void scan(Location location, URL folderUrl, JarURLConnection connection, List<FoundFile> found,
			ResolutionProblems problems) throws IOException {
		JarFile jar = connection.getJarFile();
		try {
			JarEntry folderEntry = connection.getJarEntry();
			if (folderEntry != null && !folderEntry.isDirectory()) {
				problems.add("Migration location " + location + " (" + folderUrl + ") is a file, not a folder: "
						+ "point it at the folder that holds the migrations");
				return;
			}
			String folder = withoutTrailingSlash(connection.getEntryName());
			String prefix = folder.isEmpty() ? "" : folder + "/";
			String root = withoutTrailingSlash(folderUrl.toExternalForm());
			for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
				JarEntry entry = entries.nextElement();
				String name = entry.getName();
				if (!entry.isDirectory() && name.startsWith(prefix) && MigrationFileName.isSqlFile(name)) {
					String script = name.substring(prefix.length());
					if (!script.startsWith(".") && !script.contains("/.")) {
						URL url = entryUrl(folderUrl, root, script);
						found.add(new FoundFile(location, script, root, url::openStream));
					}
				}
			}
		}
		finally {
			// a cached jar is shared with the class loader and must stay open
			if (!connection.getUseCaches()) {
				jar.close();
			}
		}
	}

	private static URL entryUrl(URL folderUrl, String root, String script) throws MalformedURLException {
		try {
			String encoded = new URI(null, null, "/" + script, null).toASCIIString();
			// with the folder URL as context, the URL keeps its handler (Spring Boot's, for nested jars)
			return new URL(folderUrl, root + encoded);
		}
		catch (URISyntaxException ex) {
			throw new MalformedURLException("Cannot build a URL for " + script + " in " + root + ": " + ex.getMessage());
		}
	}

	private static String withoutTrailingSlash(String text) {
		if (text == null) {
			return "";
		}
		return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
	}

}
