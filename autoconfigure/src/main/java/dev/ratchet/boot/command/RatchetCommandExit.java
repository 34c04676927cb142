package dev.ratchet.boot.command;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/**
 * Ends the process after a one-shot command printed its report. The default closes the
 * application context and exits the JVM with the command's exit code; replace the bean to embed
 * commands where the JVM must keep running.
 */
@FunctionalInterface
public interface RatchetCommandExit {

	/**
	 * Closes the context and exits the JVM with the exit code.
	 */
	RatchetCommandExit SYSTEM_EXIT = (context, exitCode) -> System.exit(SpringApplication.exit(context, () -> exitCode));

	/**
	 * Ends the run. Called once, after the context was refreshed, from the thread that runs the
	 * application.
	 * @param context the application context
	 * @param exitCode the command's exit code: 0 success, 1 pending work, 2 invalid or failed, 3
	 * could not run
	 */
	void exit(ApplicationContext context, int exitCode);

}
