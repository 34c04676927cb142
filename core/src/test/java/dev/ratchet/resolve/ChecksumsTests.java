package dev.ratchet.resolve;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import dev.ratchet.MigrationResolutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Checksums}.
 */
class ChecksumsTests {

	private static final String BOM = "\uFEFF";

	@Test
	void checksumIsLowercaseHexSha256OfTheText() throws Exception {
		assertThat(checksum("SELECT 1;\n")).isEqualTo(sha256("SELECT 1;\n".getBytes(StandardCharsets.UTF_8)))
			.matches("[0-9a-f]{64}");
		assertThat(checksum("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void lineEndingsDoNotChangeTheChecksum() throws IOException {
		String lf = "CREATE TABLE t (\n\tid bigint\n);\n\nINSERT INTO t VALUES (1);\n";
		assertThat(checksum(lf.replace("\n", "\r\n"))).isEqualTo(checksum(lf));
		assertThat(checksum(lf.replace("\n", "\r"))).isEqualTo(checksum(lf));
		assertThat(checksum("CREATE TABLE t (\r\n\tid bigint\r);\n\r\nINSERT INTO t VALUES (1);\r"))
			.isEqualTo(checksum(lf));
	}

	@Test
	void crlfIsOneLineEndingButLfCrIsTwo() throws IOException {
		assertThat(checksum("a\r\nb")).isEqualTo(checksum("a\nb"));
		assertThat(checksum("a\n\rb")).isEqualTo(checksum("a\n\nb"));
		assertThat(checksum("a\r\r\nb")).isEqualTo(checksum("a\n\nb"));
	}

	@Test
	void leadingByteOrderMarkDoesNotChangeTheChecksum() throws IOException {
		assertThat(checksum(BOM + "SELECT 1;\n")).isEqualTo(checksum("SELECT 1;\n"));
		assertThat(checksum(BOM + "SELECT 1;\r\n")).isEqualTo(checksum("SELECT 1;\n"));
		assertThat(checksum(BOM)).isEqualTo(checksum(""));
	}

	@Test
	void onlyOneLeadingByteOrderMarkIsSkipped() throws IOException {
		assertThat(checksum(BOM + BOM + "SELECT 1;")).isNotEqualTo(checksum("SELECT 1;"));
		assertThat(checksum("SELECT 1;" + BOM)).isNotEqualTo(checksum("SELECT 1;"));
	}

	@Test
	void anyOtherEditChangesTheChecksum() throws IOException {
		String original = "SELECT 1;\nSELECT 2;";
		assertThat(checksum(original + "\n")).isNotEqualTo(checksum(original));
		assertThat(checksum(original + "\r\n")).isNotEqualTo(checksum(original));
		assertThat(checksum("SELECT 1; \nSELECT 2;")).isNotEqualTo(checksum(original));
		assertThat(checksum("SELECT 1;\n\nSELECT 2;")).isNotEqualTo(checksum(original));
		assertThat(checksum("select 1;\nSELECT 2;")).isNotEqualTo(checksum(original));
		assertThat(checksum("SELECT 1;\tSELECT 2;")).isNotEqualTo(checksum(original));
		assertThat(checksum("SELECT 1;SELECT 2;")).isNotEqualTo(checksum(original));
	}

	@Test
	void textBeyondAsciiIsHashedAsUtf8() throws Exception {
		String text = "INSERT INTO t VALUES ('café', '日本', '😀');\n";
		assertThat(checksum(text)).isEqualTo(sha256(text.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void checksumDoesNotDependOnHowTheStreamIsChunked() throws IOException {
		byte[] bytes = (BOM + "SELECT 'é';\r\nSELECT '😀';\r\n\r").getBytes(StandardCharsets.UTF_8);
		String whole = Checksums.checksum(new ByteArrayInputStream(bytes), "V1__x.sql");
		assertThat(Checksums.checksum(new OneByteAtATime(bytes), "V1__x.sql")).isEqualTo(whole)
			.isEqualTo(checksum("SELECT 'é';\nSELECT '😀';\n\n"));
	}

	@Test
	void latin1ByteIsAnErrorNamingTheScriptAndLine() {
		byte[] bytes = concat("SELECT 1;\r\n-- caf\r\nINSERT INTO t VALUES ('caf", new byte[] { (byte) 0xE9 },
				"');\n");
		assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> Checksums.checksum(new ByteArrayInputStream(bytes), "classpath:db/migration/V3__names.sql"))
			.withMessageStartingWith("Migration file classpath:db/migration/V3__names.sql is not valid UTF-8: line 3 "
					+ "contains the byte 0xE9")
			.withMessageContaining("must be UTF-8")
			.withMessageContaining("re-save the file as UTF-8")
			.satisfies((ex) -> {
				assertThat(ex.getScript()).isEqualTo("classpath:db/migration/V3__names.sql");
				assertThat(ex.getLine()).isEqualTo(3);
			});
	}

	@Test
	void lineOfABadByteCountsEveryKindOfLineEnding() {
		byte[] bytes = concat("a\nb\r\nc\rd\n\n", new byte[] { (byte) 0xFF }, "");
		assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> Checksums.checksum(new OneByteAtATime(bytes), "V1__x.sql"))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(6));
	}

	@Test
	void characterCutOffAtTheEndIsAnError() {
		byte[] bytes = concat("SELECT 1;\nSELECT '", new byte[] { (byte) 0xE2, (byte) 0x82 }, "");
		assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> Checksums.checksum(new ByteArrayInputStream(bytes), "V1__x.sql"))
			.withMessageContaining("line 2")
			.withMessageContaining("0xE2");
	}

	@Test
	void encodingsThatUtf8ForbidsAreErrors() {
		byte[][] invalid = { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0x80 } };
		for (byte[] bytes : invalid) {
			assertThatExceptionOfType(MigrationResolutionException.class)
				.isThrownBy(() -> Checksums.checksum(new ByteArrayInputStream(bytes), "V1__x.sql"))
				.withMessageContaining("line 1");
		}
	}

	@Test
	void streamIsLeftOpen() throws IOException {
		ByteArrayInputStream in = new ByteArrayInputStream(new byte[] { 'a' }) {

			@Override
			public void close() {
				throw new AssertionError("closed");
			}

		};
		Checksums.checksum(in, "V1__x.sql");
	}

	@Test
	void largeScriptIsStreamed() throws Exception {
		int blocks = 4_000;
		MessageDigest expected = MessageDigest.getInstance("SHA-256");
		byte[] buffer = new byte[8192];
		try (InputStream lf = new GeneratedScript(blocks, "\n")) {
			for (int read = lf.read(buffer); read >= 0; read = lf.read(buffer)) {
				expected.update(buffer, 0, read);
			}
		}
		GeneratedScript crlf = new GeneratedScript(blocks, "\r\n");
		assertThat(Checksums.checksum(crlf, "V1__big.sql")).isEqualTo(HexFormat.of().formatHex(expected.digest()));
		assertThat(crlf.produced).isGreaterThan(200_000_000L);
	}

	@Test
	void oneChecksummerGivesEveryScriptItsOwnChecksumAfterAnyOther() throws Exception {
		String ascii = "CREATE TABLE t (id bigint);\r\n";
		String beyond = "INSERT INTO t VALUES ('café');\r";
		// ASCII for more than one buffer, then a character cut across the buffers' boundary
		String late = "-".repeat(8191) + "é\nSELECT 1;";
		byte[] badBytes = concat("SELECT 1;\n", new byte[] { (byte) 0xE9 }, "");
		Checksums checksums = new Checksums();
		assertThat(checksums.of(stream(beyond), "V1__a.sql")).isEqualTo(checksum(beyond))
			.isEqualTo(sha256("INSERT INTO t VALUES ('café');\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(checksums.of(stream(ascii), "V2__b.sql")).isEqualTo(checksum(ascii));
		assertThat(checksums.of(new OneByteAtATime(late.getBytes(StandardCharsets.UTF_8)), "V3__c.sql"))
			.isEqualTo(checksum(late))
			.isEqualTo(sha256(late.getBytes(StandardCharsets.UTF_8)));
		// a failure part-way (the line count, the digest, the decoder) leaves nothing behind
		assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> checksums.of(new ByteArrayInputStream(badBytes), "V4__d.sql"))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(2));
		assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> checksums.of(new ByteArrayInputStream(badBytes), "V4__d.sql"))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(2));
		assertThat(checksums.of(stream("\uFEFF" + beyond), "V5__e.sql")).isEqualTo(checksum(beyond));
		assertThat(checksums.of(stream(ascii), "V6__f.sql")).isEqualTo(checksum(ascii));
		assertThat(checksums.of(stream(""), "V7__g.sql")).isEqualTo(checksum(""));
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String checksum(String text) throws IOException {
		return Checksums.checksum(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "V1__x.sql");
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static byte[] concat(String before, byte[] bytes, String after) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
		out.writeBytes(bytes);
		out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	/**
	 * Hands out one byte per read, as a slow network stream may, so that every multi-byte
	 * character, byte order mark and CRLF is split across reads.
	 */
	private static final class OneByteAtATime extends ByteArrayInputStream {

		OneByteAtATime(byte[] bytes) {
			super(bytes);
		}

		@Override
		public synchronized int read(byte[] b, int off, int len) {
			return super.read(b, off, Math.min(len, 1));
		}

	}

	/**
	 * A script of many lines, produced as it is read and never held in memory as a whole: one block
	 * of lines, handed out again and again.
	 */
	private static final class GeneratedScript extends InputStream {

		private final byte[] block;

		private int blocksLeft;

		private int position;

		long produced;

		GeneratedScript(int blocks, String lineEnding) {
			StringBuilder block = new StringBuilder();
			for (int line = 1; line <= 1000; line++) {
				block.append("INSERT INTO t VALUES (").append(line).append(", 'ünïcödé row 😀');").append(lineEnding);
			}
			this.block = block.toString().getBytes(StandardCharsets.UTF_8);
			this.blocksLeft = blocks;
			this.position = this.block.length;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (this.position == this.block.length) {
				if (this.blocksLeft == 0) {
					return -1;
				}
				this.blocksLeft--;
				this.position = 0;
			}
			int count = Math.min(len, this.block.length - this.position);
			System.arraycopy(this.block, this.position, b, off, count);
			this.position += count;
			this.produced += count;
			return count;
		}

	}

}
