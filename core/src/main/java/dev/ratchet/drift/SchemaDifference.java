package dev.ratchet.drift;

/**
 * One object that differs between the snapshot Ratchet took after its last run and the live schema.
 * @param kind what kind of object
 * @param name its name; columns, constraints and triggers as {@code table.name}, functions with
 * their argument types
 * @param change whether it was added, removed or changed since the snapshot
 * @param before its definition in the snapshot, or {@code null} when added
 * @param after its live definition, or {@code null} when removed
 */
public record SchemaDifference(SchemaObjectKind kind, String name, Change change, String before, String after) {

	/**
	 * How an object differs.
	 */
	public enum Change {

		/** Exists now, not in the snapshot. */
		ADDED,

		/** In the snapshot, gone now. */
		REMOVED,

		/** Exists in both, with a different definition. */
		CHANGED

	}

	/**
	 * Returns the difference as one line, for example
	 * {@code column session.source added: text NOT NULL}.
	 */
	@Override
	public String toString() {
		String what = this.kind.label() + " " + this.name + " ";
		return switch (this.change) {
			case ADDED -> what + "added: " + this.after;
			case REMOVED -> what + "removed (was: " + this.before + ")";
			case CHANGED -> what + "changed from " + this.before + " to " + this.after;
		};
	}

}
