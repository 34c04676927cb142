package dev.ratchet.resolve;

import java.util.ArrayList;
import java.util.List;

import dev.ratchet.MigrationResolutionException;

/**
 * Collects the problems of one resolution step so that they are reported together: a user renaming
 * files should see every misnamed file at once, not one per start-up.
 */
final class ResolutionProblems {

	private final List<MigrationResolutionException> problems = new ArrayList<>();

	void add(String message) {
		add(new MigrationResolutionException(message));
	}

	void add(String message, Throwable cause) {
		add(new MigrationResolutionException(message, cause));
	}

	void add(MigrationResolutionException problem) {
		this.problems.add(problem);
	}

	/**
	 * Throws if any problem was collected.
	 * @param advice what to do, said once after the problems, or {@code null}
	 * @throws MigrationResolutionException describing every problem collected
	 */
	void throwIfAny(String advice) {
		if (this.problems.isEmpty()) {
			return;
		}
		String suffix = (advice != null) ? " " + advice : "";
		if (this.problems.size() == 1) {
			MigrationResolutionException problem = this.problems.get(0);
			if (advice == null) {
				throw problem;
			}
			throw new MigrationResolutionException(problem.getMessage() + suffix, problem.getScript(),
					problem.getLine(), problem.getCause());
		}
		StringBuilder message = new StringBuilder("Found " + this.problems.size() + " problems with migrations:");
		for (MigrationResolutionException problem : this.problems) {
			message.append('\n').append(" - ").append(problem.getMessage());
		}
		if (advice != null) {
			message.append('\n').append(advice);
		}
		MigrationResolutionException exception = new MigrationResolutionException(message.toString());
		this.problems.stream().filter((problem) -> problem.getCause() != null).forEach(exception::addSuppressed);
		throw exception;
	}

}
