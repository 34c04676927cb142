package dev.ratchet.bench;

/**
 * Backfilling 1,000,000 rows: Ratchet's batched data migration against a row-by-row loop and a
 * set-based UPDATE. Needs the batched data migrations API, which is not merged yet.
 */
final class BackfillScenario {

	private final Report report;

	BackfillScenario(Settings settings, Report report) {
		this.report = report;
	}

	void run() {
		this.report.section("Backfill " + "1,000,000 rows");
		this.report.line("Not run: batched data migrations not merged yet.");
	}

}
