package dev.ratchet.drift;

import java.util.Locale;

/**
 * The kinds of schema objects a snapshot records.
 */
public enum SchemaObjectKind {

	EXTENSION, TABLE, COLUMN, CONSTRAINT, INDEX, TRIGGER, VIEW, MATERIALIZED_VIEW, SEQUENCE, FUNCTION;

	/**
	 * Returns the kind as prose, for example {@code materialized view}.
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

}
