package dev.ratchet.resolve;

import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A {@code jar:} URL handler in the manner of Spring Boot's, for URLs into a jar inside a jar
 * ({@code jar:file:/app.jar!/BOOT-INF/classes!/db/migration}) that the JDK's own handler cannot
 * open. The inner jar is a separate file here, which is enough to prove that such URLs are listed
 * and reopened only through the handler they came with.
 */
final class NestedJarHandler extends URLStreamHandler implements Closeable {

	private final JarFile inner;

	private final String outer;

	NestedJarHandler(Path inner, Path outer) throws IOException {
		this.inner = new JarFile(inner.toFile());
		this.outer = outer.toUri() + "!/BOOT-INF/classes!/";
	}

	/**
	 * Returns the URL of an entry of the inner jar, as Boot's class loader would.
	 */
	URL url(String entry) throws MalformedURLException {
		return new URL("jar", null, -1, this.outer + entry, this);
	}

	@Override
	protected URLConnection openConnection(URL url) throws IOException {
		return new Connection(url);
	}

	@Override
	protected void parseURL(URL url, String spec, int start, int limit) {
		setURL(url, "jar", null, -1, null, null, spec.substring(start, limit), null, null);
	}

	@Override
	public void close() throws IOException {
		this.inner.close();
	}

	private final class Connection extends JarURLConnection {

		private final String entry;

		Connection(URL url) throws MalformedURLException {
			super(url);
			String file = url.getFile();
			String raw = file.substring(file.lastIndexOf("!/") + 2);
			this.entry = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
		}

		@Override
		public String getEntryName() {
			return this.entry;
		}

		@Override
		public JarFile getJarFile() {
			return NestedJarHandler.this.inner;
		}

		@Override
		public JarEntry getJarEntry() {
			return NestedJarHandler.this.inner.getJarEntry(this.entry);
		}

		@Override
		public void connect() {
			this.connected = true;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			JarEntry jarEntry = getJarEntry();
			if (jarEntry == null) {
				throw new FileNotFoundException(this.entry);
			}
			return NestedJarHandler.this.inner.getInputStream(jarEntry);
		}

	}

}
