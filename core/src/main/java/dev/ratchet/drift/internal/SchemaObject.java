package dev.ratchet.drift.internal;

import dev.ratchet.drift.SchemaObjectKind;

/**
 * One object of a schema as a snapshot records it.
 * @param kind the kind
 * @param name the name, unique within the kind
 * @param parent the table it belongs to, or {@code null}
 * @param definition its definition as PostgreSQL prints it
 */
record SchemaObject(SchemaObjectKind kind, String name, String parent, String definition) {

	/**
	 * Returns the key identifying the object within a snapshot.
	 */
	String key() {
		return this.kind + " " + this.name;
	}

}
