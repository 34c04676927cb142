package dev.ratchet.resolve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Writes small jar files for tests, with an entry for every folder as Maven, Gradle and Spring Boot
 * write them.
 */
final class TestJars {

	private TestJars() {
	}

	/**
	 * Writes a jar.
	 * @param jar where to write it
	 * @param files entry names and their UTF-8 content
	 * @return the jar
	 */
	static Path write(Path jar, Map<String, String> files) throws IOException {
		Set<String> folders = new TreeSet<>();
		for (String name : files.keySet()) {
			for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
				folders.add(name.substring(0, slash + 1));
			}
		}
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
			for (String folder : folders) {
				jarOut.putNextEntry(new JarEntry(folder));
				jarOut.closeEntry();
			}
			for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
				jarOut.putNextEntry(new JarEntry(file.getKey()));
				jarOut.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				jarOut.closeEntry();
			}
		}
		return jar;
	}

}
