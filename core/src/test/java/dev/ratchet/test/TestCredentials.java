package dev.ratchet.test;

/**
 * The one password tests configure wherever they need one. It is distinctive on purpose: the build
 * searches every test report and captured output for it (property {@code ratchet.test.password} in
 * the parent POM, kept equal to this one) and fails if it appears, which would mean a credential
 * leaked into a log, an exception message or a report.
 */
public final class TestCredentials {

	/** A password no log line, message or report may ever contain. */
	public static final String PASSWORD = "rt-Leak-Canary-8x3Q7k";

	private TestCredentials() {
	}

}
