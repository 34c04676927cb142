package dev.ratchet.adopt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The checksum Prisma stores in {@code _prisma_migrations} for a {@code migration.sql}: the SHA-256
 * of the script's text, as lowercase hex. Prisma accepts a script as unchanged when the checksum
 * of the text as it is, with {@code CRLF} turned into {@code LF}, or with {@code LF} turned into
 * {@code CRLF} matches (a checkout on another operating system), and it accepts checksums written
 * by its early versions, which left out the leading zero of each byte below 16.
 */
final class PrismaChecksum {

	/** Length of a checksum in the current form. */
	private static final int LENGTH = 64;

	private PrismaChecksum() {
	}

	/**
	 * Returns whether a script matches the checksum Prisma recorded for it.
	 * @param script the script's bytes
	 * @param recorded the checksum in {@code _prisma_migrations}
	 * @return whether they match
	 */
	static boolean matches(byte[] script, String recorded) {
		if (recorded == null || recorded.isEmpty()) {
			return false;
		}
		String text = new String(script, StandardCharsets.UTF_8);
		for (String variant : List.of(text, text.replace("\r\n", "\n"), text.replace("\n", "\r\n"))) {
			byte[] digest = sha256(variant.getBytes(StandardCharsets.UTF_8));
			String rendered = (recorded.length() == LENGTH) ? HexFormat.of().formatHex(digest) : unpadded(digest);
			if (rendered.equalsIgnoreCase(recorded)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns the checksum Prisma records for a script.
	 * @param script the script's bytes
	 * @return 64 lowercase hex digits
	 */
	static String of(byte[] script) {
		return HexFormat.of().formatHex(sha256(script));
	}

	private static String unpadded(byte[] digest) {
		StringBuilder hex = new StringBuilder(LENGTH);
		for (byte b : digest) {
			hex.append(Integer.toHexString(b & 0xFF));
		}
		return hex.toString();
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

}
