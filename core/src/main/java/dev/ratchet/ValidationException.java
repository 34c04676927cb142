package dev.ratchet;

import java.util.List;

/**
 * Thrown when applied migrations no longer match the resolved ones (changed, missing, failed) or
 * pending work cannot be applied as is. Nothing was applied.
 */
public class ValidationException extends RatchetException {

	private static final long serialVersionUID = 1L;

	private final transient StatusReport report;

	public ValidationException(StatusReport report) {
		super(message(report));
		this.report = report;
	}

	private static String message(StatusReport report) {
		List<String> problems = report.problems();
		StringBuilder message = new StringBuilder("Validation of schema \"").append(report.schema())
			.append("\" failed with ")
			.append(problems.size())
			.append((problems.size() == 1) ? " problem" : " problems")
			.append("; nothing was applied:");
		for (String problem : problems) {
			message.append(System.lineSeparator()).append(" - ").append(problem);
		}
		return message.toString();
	}

	/**
	 * Returns the report that failed validation.
	 */
	public StatusReport getReport() {
		return this.report;
	}

}
