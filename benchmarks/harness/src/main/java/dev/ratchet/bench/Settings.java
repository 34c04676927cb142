package dev.ratchet.bench;

/**
 * Sizes and round counts. {@code full} is what BENCHMARKS.md reports; {@code small} checks quickly
 * that every scenario runs.
 */
record Settings(boolean full, int rounds, int applyCount, int noopCount, int startupCount, int processes,
		int concurrentCount, long largeBytes, long backfillRows) {

	static Settings fromSystemProperties() {
		boolean full = !"small".equals(System.getProperty("bench.size", "full"));
		int rounds = Integer.getInteger("bench.rounds", 0);
		long backfillRows = Long.getLong("bench.backfillRows", 0);
		if (backfillRows <= 0) {
			backfillRows = full ? 1_000_000 : 10_000;
		}
		return full ? new Settings(true, rounds, 1000, 1000, 500, 16, 100, 500L * 1024 * 1024, backfillRows)
				: new Settings(false, rounds, 50, 50, 20, 4, 10, 5L * 1024 * 1024, backfillRows);
	}

	/**
	 * Rounds for a scenario: the explicit {@code bench.rounds}, else the scenario's default for the size.
	 */
	int rounds(int fullDefault) {
		if (this.rounds > 0) {
			return this.rounds;
		}
		return this.full ? fullDefault : 2;
	}

}
