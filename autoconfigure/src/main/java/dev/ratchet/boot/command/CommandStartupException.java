package dev.ratchet.boot.command;

import org.springframework.boot.ExitCodeGenerator;

/**
 * Thrown when the application context of a one-shot command cannot start, so that the process
 * exits with code 3 ("could not run") rather than a code a deploy pipeline would read as the
 * command's answer.
 */
class CommandStartupException extends RuntimeException implements ExitCodeGenerator {

	private static final long serialVersionUID = 1L;

	CommandStartupException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public int getExitCode() {
		return CommandExecutor.CANNOT_RUN;
	}

}
