package dev.ratchet;

import java.util.List;

/**
 * What {@link Ratchet#adopt()} did: which foreign history it took over, or why there was nothing
 * to take over.
 * @param tool {@code Flyway} or {@code Prisma}, or {@code null} when nothing was adopted
 * @param table the foreign history table, schema-qualified, or {@code null} when nothing was adopted
 * @param adopted how many rows were recorded in Ratchet's history
 * @param changed scripts of adopted migrations whose file no longer matches the recorded checksum
 * (state {@code CHANGED} until {@code repair})
 * @param failed scripts of adopted migrations the other tool recorded as failed or unfinished
 * (they block {@code migrate} until {@code repair})
 * @param notes rows left out, and why; or why nothing was adopted
 */
public record AdoptResult(String tool, String table, int adopted, List<String> changed, List<String> failed,
		List<String> notes) {

	public AdoptResult {
		changed = List.copyOf(changed);
		failed = List.copyOf(failed);
		notes = List.copyOf(notes);
	}

	/**
	 * Returns a result for a run that found nothing to adopt.
	 * @param reason why, as a sentence
	 * @return the result
	 */
	public static AdoptResult nothing(String reason) {
		return new AdoptResult(null, null, 0, List.of(), List.of(), List.of(reason));
	}

	/**
	 * Returns whether a foreign history was adopted.
	 */
	public boolean isAdopted() {
		return this.table != null;
	}

	/**
	 * Returns whether something adopted is changed or failed, so {@code migrate} stops until
	 * {@code repair}.
	 */
	public boolean needsRepair() {
		return !this.changed.isEmpty() || !this.failed.isEmpty();
	}

}
