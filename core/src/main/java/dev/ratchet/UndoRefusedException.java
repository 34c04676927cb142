package dev.ratchet;

import java.util.List;

/**
 * Thrown when {@code undo} cannot be done whole: a migration in the range has no undo script, its
 * undo script changed since the migration was applied, it is a baseline or a Java migration, or the
 * history is not valid. Every problem is named, and nothing was undone.
 */
public class UndoRefusedException extends RatchetException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	public UndoRefusedException(String schema, String target, List<String> problems) {
		super(message(schema, target, problems));
		this.problems = List.copyOf(problems);
	}

	private static String message(String schema, String target, List<String> problems) {
		return listing("Undo of schema \"" + schema + "\" to target " + target + " is refused with ", problems, "problem",
				"; nothing was undone:");
	}

	/**
	 * Returns every problem found, one sentence each.
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
