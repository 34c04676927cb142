package dev.ratchet.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.ratchet.MigrationResolutionException;

/**
 * Computes the checksum of a migration script: the lowercase hex SHA-256 of its text as UTF-8, with
 * one leading byte order mark dropped and every line ending ({@code CRLF}, {@code CR}, {@code LF})
 * read as {@code LF}. So a checkout on another operating system keeps the checksum, while any other
 * edit, trailing whitespace or a final newline included, changes it. The script is streamed, so its
 * size does not matter.
 */
public final class Checksums {

	private static final int BUFFER_SIZE = 8192;

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE);

	private final LineEndingDigest digest = new LineEndingDigest();

	// Made when a script holds a byte beyond ASCII: only then is there anything to decode.
	private CharsetDecoder decoder;

	private CharBuffer chars;

	/**
	 * Creates a checksummer that reuses its digest and buffers from one script to the next: reading
	 * hundreds of scripts at start-up, in a JVM where nothing is compiled yet, costs a fraction of
	 * setting them up for every script. Use it from one thread.
	 */
	public Checksums() {
	}

	/**
	 * Reads a script to its end and returns its checksum. The stream is not closed.
	 * @param in the script's bytes
	 * @param script the script's name, for messages
	 * @return 64 lowercase hex digits
	 * @throws MigrationResolutionException if the script is not valid UTF-8, naming the line
	 * @throws IOException if the stream cannot be read
	 */
	public static String checksum(InputStream in, String script) throws IOException {
		return new Checksums().of(in, script);
	}

	/**
	 * Reads a script to its end and returns its checksum, as {@link #checksum(InputStream, String)}
	 * does. The stream is not closed.
	 * @param in the script's bytes
	 * @param script the script's name, for messages
	 * @return 64 lowercase hex digits
	 * @throws MigrationResolutionException if the script is not valid UTF-8, naming the line
	 * @throws IOException if the stream cannot be read
	 */
	public String of(InputStream in, String script) throws IOException {
		ByteBuffer bytes = this.bytes;
		bytes.clear();
		this.digest.reset();
		boolean decoding = false;
		skipBom(in, bytes);
		boolean end = false;
		while (!end) {
			int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
			end = read < 0;
			bytes.position(bytes.position() + Math.max(read, 0));
			bytes.flip();
			int start = bytes.position();
			// Text that is all ASCII is valid UTF-8 as it stands. Once a byte beyond it comes, the rest
			// is decoded: everything before was whole characters, so the decoder starts clean.
			if (!decoding && !ascii(bytes.array(), start, bytes.limit())) {
				decoding = true;
				startDecoding();
			}
			CoderResult result = decoding ? decode(bytes, end) : CoderResult.UNDERFLOW;
			if (!decoding) {
				bytes.position(bytes.limit());
			}
			this.digest.update(bytes.array(), start, bytes.position());
			if (result.isError()) {
				throw notUtf8(script, this.digest.line(), bytes.get(bytes.position()));
			}
			bytes.compact();
		}
		return this.digest.hex();
	}

	private static boolean ascii(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] < 0) {
				return false;
			}
		}
		return true;
	}

	private static void skipBom(InputStream in, ByteBuffer bytes) throws IOException {
		int read = 0;
		while (read < BOM.length) {
			int n = in.read(bytes.array(), read, BOM.length - read);
			if (n < 0) {
				break;
			}
			read += n;
		}
		boolean bom = read == BOM.length && bytes.get(0) == BOM[0] && bytes.get(1) == BOM[1] && bytes.get(2) == BOM[2];
		bytes.position(bom ? 0 : read);
	}

	private void startDecoding() {
		if (this.decoder == null) {
			this.decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			// decoded text is only there to prove the bytes are UTF-8; the digest is fed bytes
			this.chars = CharBuffer.allocate(BUFFER_SIZE);
		}
		this.decoder.reset();
	}

	private CoderResult decode(ByteBuffer bytes, boolean end) {
		CoderResult result;
		do {
			this.chars.clear();
			result = this.decoder.decode(bytes, this.chars, end);
		}
		while (result.isOverflow());
		return result;
	}

	private static MigrationResolutionException notUtf8(String script, int line, byte bad) {
		return new MigrationResolutionException("Migration file " + script + " is not valid UTF-8: line " + line
				+ " contains the byte 0x" + HexFormat.of().withUpperCase().toHexDigits(bad)
				+ ", which UTF-8 does not allow there (the file was probably saved as Latin-1 or Windows-1252). "
				+ "Migration files must be UTF-8: re-save the file as UTF-8.", script, line, null);
	}

	/**
	 * Feeds a SHA-256 digest with bytes whose line endings are turned into {@code LF}, counting lines
	 * on the way. Valid UTF-8 never has a CR or LF byte inside a multi-byte character, so bytes can
	 * be normalised without decoding.
	 */
	private static final class LineEndingDigest {

		private final MessageDigest digest = sha256();

		private final byte[] normalised = new byte[BUFFER_SIZE];

		private int line = 1;

		private boolean afterCr;

		void reset() {
			this.digest.reset();
			this.line = 1;
			this.afterCr = false;
		}

		void update(byte[] bytes, int from, int to) {
			int length = 0;
			for (int i = from; i < to; i++) {
				byte b = bytes[i];
				if (b == '\r') {
					this.normalised[length++] = '\n';
					this.line++;
					this.afterCr = true;
				}
				else {
					if (b != '\n') {
						this.normalised[length++] = b;
					}
					else if (!this.afterCr) {
						this.normalised[length++] = b;
						this.line++;
					}
					// else the LF of a CRLF, whose CR already stood for the line ending
					this.afterCr = false;
				}
			}
			this.digest.update(this.normalised, 0, length);
		}

		int line() {
			return this.line;
		}

		String hex() {
			return HexFormat.of().formatHex(this.digest.digest());
		}

		private static MessageDigest sha256() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("Every Java runtime has SHA-256", ex);
			}
		}

	}

}
