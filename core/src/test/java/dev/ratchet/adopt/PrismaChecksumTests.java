package dev.ratchet.adopt;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prisma's checksum of a {@code migration.sql}, and the forms Prisma accepts as unchanged.
 */
class PrismaChecksumTests {

	private static final byte[] SCRIPT = "-- CreateTable\nCREATE TABLE \"User\" (\"id\" TEXT NOT NULL);\n"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void theChecksumIsTheSha256OfTheScriptInLowercaseHex() {
		// sha256 of the empty input, a known value
		assertThat(PrismaChecksum.of(new byte[0]))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(PrismaChecksum.matches(SCRIPT, PrismaChecksum.of(SCRIPT))).isTrue();
		assertThat(PrismaChecksum.matches(SCRIPT, PrismaChecksum.of(SCRIPT).toUpperCase())).isTrue();
	}

	@Test
	void lineEndingsOfAnotherOperatingSystemStillMatch() {
		byte[] windows = new String(SCRIPT, StandardCharsets.UTF_8).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
		assertThat(PrismaChecksum.matches(windows, PrismaChecksum.of(SCRIPT))).isTrue();
		assertThat(PrismaChecksum.matches(SCRIPT, PrismaChecksum.of(windows))).isTrue();
	}

	@Test
	void anyOtherEditDoesNotMatch() {
		byte[] edited = (new String(SCRIPT, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
		assertThat(PrismaChecksum.matches(edited, PrismaChecksum.of(SCRIPT))).isFalse();
		assertThat(PrismaChecksum.matches(SCRIPT, "")).isFalse();
		assertThat(PrismaChecksum.matches(SCRIPT, null)).isFalse();
	}

	@Test
	void checksumsWithoutLeadingZerosFromEarlyPrismaVersionsMatch() {
		// find a script whose digest has a byte below 16, so the early form is shorter
		for (int i = 0;; i++) {
			byte[] script = ("SELECT " + i + ";\n").getBytes(StandardCharsets.UTF_8);
			String padded = PrismaChecksum.of(script);
			StringBuilder unpadded = new StringBuilder();
			for (int j = 0; j < padded.length(); j += 2) {
				unpadded.append(Integer.toHexString(Integer.parseInt(padded.substring(j, j + 2), 16)));
			}
			if (unpadded.length() < padded.length()) {
				assertThat(PrismaChecksum.matches(script, unpadded.toString())).isTrue();
				assertThat(PrismaChecksum.matches(SCRIPT, unpadded.toString())).isFalse();
				return;
			}
		}
	}

}
