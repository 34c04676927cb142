package dev.ratchet.internal;

import java.util.List;

import dev.ratchet.data.BatchedMigration;

/**
 * Which of the pending migrations a {@code migrate} run applies, as far as background data
 * migrations are concerned.
 */
enum MigrateScope {

	/** Every pending migration, background ones included, in the calling thread. */
	ALL,

	/**
	 * The pending migrations before the first pending background migration: what start-up applies.
	 * That migration and every one after it wait.
	 */
	UNTIL_BACKGROUND,

	/**
	 * The pending background migrations at the head of the pending ones: what runs after start-up.
	 * Nothing when the next pending migration is not a background one.
	 */
	BACKGROUND;

	/**
	 * Returns the pending migrations this scope applies, in order.
	 * @param pending every pending migration, in order
	 * @return the ones to apply now
	 */
	List<ResolvedMigration> select(List<ResolvedMigration> pending) {
		int first = firstBackground(pending);
		return switch (this) {
			case ALL -> pending;
			case UNTIL_BACKGROUND -> (first < 0) ? pending : pending.subList(0, first);
			case BACKGROUND -> {
				int end = 0;
				while (end < pending.size() && isBackground(pending.get(end))) {
					end++;
				}
				yield pending.subList(0, end);
			}
		};
	}

	/**
	 * Returns whether this scope can tell, from the pending migrations, that it has nothing to do
	 * that needs the lock: at start-up when the next one is a background migration (which may be
	 * running on another instance, holding the lock), in the background when it is not.
	 * @param pending every pending migration, in order
	 * @return whether to skip taking the lock
	 */
	boolean skipsLock(List<ResolvedMigration> pending) {
		boolean backgroundNext = !pending.isEmpty() && isBackground(pending.get(0));
		return switch (this) {
			case ALL -> false;
			case UNTIL_BACKGROUND -> backgroundNext;
			case BACKGROUND -> !backgroundNext;
		};
	}

	static int firstBackground(List<ResolvedMigration> pending) {
		for (int i = 0; i < pending.size(); i++) {
			if (isBackground(pending.get(i))) {
				return i;
			}
		}
		return -1;
	}

	static boolean isBackground(ResolvedMigration migration) {
		return migration.java() instanceof BatchedMigration<?> batched && batched.options().isBackground();
	}

	static boolean anyBackground(List<ResolvedMigration> migrations) {
		return firstBackground(migrations) >= 0;
	}

}
