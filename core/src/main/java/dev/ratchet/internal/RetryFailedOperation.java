package dev.ratchet.internal;

import java.sql.SQLException;
import java.util.List;

import dev.ratchet.data.RetryResult;

/**
 * {@code retry-failed}: under the lock, processes the items the ledger of failed items holds again.
 */
final class RetryFailedOperation extends LockedOperation<RetryResult> {

	private final List<ResolvedMigration> resolved;

	RetryFailedOperation(List<ResolvedMigration> resolved) {
		super("retry-failed", "retry the failed items of data migrations");
		this.resolved = resolved;
	}

	@Override
	RetryResult run(Run run) throws SQLException {
		return new FailedItemRetrier(run.connection(), run.schema(), run.history(), run.events(),
				run.configuration().getDataClock())
			.retry(this.resolved);
	}

}
