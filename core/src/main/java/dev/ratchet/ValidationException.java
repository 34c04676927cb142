package dev.ratchet;

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
		return listing("Validation of schema \"" + report.schema() + "\" failed with ", report.problems(), "problem",
				"; nothing was applied:");
	}

	/**
	 * Returns the report that failed validation.
	 */
	public StatusReport getReport() {
		return this.report;
	}

}
