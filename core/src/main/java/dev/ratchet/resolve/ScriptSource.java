package dev.ratchet.resolve;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens the content of a migration script again, for example to apply it. Every call returns a new
 * stream over the same bytes that were checksummed; the caller closes it.
 */
@FunctionalInterface
public interface ScriptSource {

	/**
	 * Opens the script's bytes.
	 * @return a new stream; the caller closes it
	 * @throws IOException if the script can no longer be read
	 */
	InputStream open() throws IOException;

}
