package dev.ratchet.boot.command;

import java.io.PrintStream;

/**
 * Prints a {@link CommandReport} in one output format.
 */
@FunctionalInterface
interface ReportWriter {

	/**
	 * Prints the report.
	 * @param report the report
	 * @param out where to print it
	 */
	void write(CommandReport report, PrintStream out);

}
