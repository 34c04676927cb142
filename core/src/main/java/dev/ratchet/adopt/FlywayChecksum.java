package dev.ratchet.adopt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway stores in its history table for a SQL migration: a CRC32 over the script's
 * lines, each encoded as UTF-8 without its line ending ({@code LF}, {@code CR} or {@code CRLF}), a
 * byte order mark at the start of the first line left out, read as a signed 32-bit integer. So line
 * endings do not count, and neither does a final newline.
 */
final class FlywayChecksum {

	private static final char BOM = '\uFEFF';

	private FlywayChecksum() {
	}

	/**
	 * Reads a script to its end and returns Flyway's checksum of it. The stream is not closed.
	 * @param in the script's bytes, UTF-8
	 * @return the checksum
	 * @throws IOException if the stream cannot be read
	 */
	static int of(InputStream in) throws IOException {
		CRC32 crc = new CRC32();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line = reader.readLine();
		if (line != null && !line.isEmpty() && line.charAt(0) == BOM) {
			line = line.substring(1);
		}
		while (line != null) {
			crc.update(line.getBytes(StandardCharsets.UTF_8));
			line = reader.readLine();
		}
		return (int) crc.getValue();
	}

}
