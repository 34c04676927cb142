package dev.ratchet.internal;

import java.util.List;
import java.util.Locale;

import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RatchetException;

/**
 * {@code ratchet.target}: the version {@code migrate} and {@code plan} stop at, or {@code undo}
 * goes back to. {@code latest}, {@code current}, {@code previous} (undo only) or a version.
 */
public final class Target {

	/** Every pending migration. */
	public static final String LATEST = "latest";

	/** The version applied now: no versioned migration for migrate, nothing to undo. */
	public static final String CURRENT = "current";

	/** For undo only: the applied version below the newest one, so that exactly one is undone. */
	public static final String PREVIOUS = "previous";

	private final String value;

	private final MigrationVersion version;

	private Target(String value, MigrationVersion version) {
		this.value = value;
		this.version = version;
	}

	/**
	 * Checks a configured target.
	 * @param value the value
	 * @return the value, the keywords in lower case
	 * @throws IllegalArgumentException naming the property and the values allowed
	 */
	public static String check(String value) {
		return parse(value).value;
	}

	static Target parse(String value) {
		String text = (value != null) ? value.trim() : "";
		String keyword = text.toLowerCase(Locale.ROOT);
		if (keyword.equals(LATEST) || keyword.equals(CURRENT) || keyword.equals(PREVIOUS)) {
			return new Target(keyword, null);
		}
		if (!MigrationVersion.isValid(text)) {
			throw new IllegalArgumentException("ratchet.target '" + value + "' is neither latest, current, previous "
					+ "nor a version (digits in parts separated by '.' or '_', for example 3 or 2.1).");
		}
		return new Target(text, MigrationVersion.parse(text));
	}

	boolean isLatest() {
		return this.value.equals(LATEST);
	}

	boolean isPrevious() {
		return this.value.equals(PREVIOUS);
	}

	/**
	 * Returns the version named, or {@code null} for a keyword.
	 */
	MigrationVersion version() {
		return this.version;
	}

	/**
	 * Returns the pending migrations {@code migrate} and {@code plan} apply: the versioned ones up to
	 * the target, and the repeatable ones.
	 * @param pending every pending migration, in order
	 * @return the ones up to the target, in order
	 */
	List<ResolvedMigration> select(List<ResolvedMigration> pending) {
		if (isLatest()) {
			return pending;
		}
		if (isPrevious()) {
			throw new RatchetException("ratchet.target=previous is for undo only: migrate and plan take latest, "
					+ "current or a version.");
		}
		return pending.stream()
			.filter((migration) -> migration.descriptor().type() == MigrationType.REPEATABLE
					|| (this.version != null && migration.descriptor().version().compareTo(this.version) <= 0))
			.toList();
	}

	/**
	 * Returns the target of a run, as configured.
	 */
	static Target of(dev.ratchet.RatchetConfiguration configuration) {
		return parse(configuration.getTarget());
	}

	@Override
	public String toString() {
		return this.value;
	}

}
