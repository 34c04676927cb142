package dev.ratchet.internal;

import java.sql.SQLException;

/**
 * The plan of an {@code undo}: under the lock, the same checks as the undo itself, then every undo
 * script run in one transaction with its history row, each as its commit would end it, and all
 * rolled back.
 */
final class UndoPlanOperation extends DryRunOperation {

	private final UndoPreparation undo;

	UndoPlanOperation(UndoPreparation undo) {
		super("plan the undo", undo.preflight());
		this.undo = undo;
	}

	@Override
	Steps prepare(Run run) throws SQLException {
		UndoPreparation.Prepared prepared = this.undo.prepare(run);
		return new Steps(prepared.plans(), prepared.range().currentVersion(), prepared.lint());
	}

}
