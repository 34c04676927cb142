package dev.ratchet.lint.internal;

import dev.ratchet.sql.Classification;
import dev.ratchet.sql.SqlTokenList;
import dev.ratchet.sql.StatementKind;

/**
 * Finds statements that lock or break a running system: indexes built without
 * {@code CONCURRENTLY}, dropped tables, lock-heavy statements without a {@code lock_timeout},
 * statements refused inside an explicit transaction. {@code ALTER TABLE} has a check of its own.
 * Tables created earlier in the run are not "existing", so nothing about them is reported.
 * @param tokens the statement's tokens
 * @param run what the run created before
 * @param script what the script set before
 * @param findings where findings go
 */
record RiskCheck(SqlTokenList tokens, RunState run, ScriptState script, Findings findings) {

	static void check(SqlTokenList tokens, Classification classification, int line, RunState run, ScriptState script,
			Findings findings) {
		new RiskCheck(tokens, run, script, findings).check(classification, line);
	}

	private void check(Classification classification, int line) {
		if (classification.kind() == StatementKind.TRANSACTION_CONTROL) {
			String label = classification.label();
			if (label.equals("BEGIN") || label.equals("START TRANSACTION")) {
				this.script.transactionLine = line;
			}
			else if (!label.equals("SAVEPOINT") && !label.equals("RELEASE")) {
				this.script.transactionLine = 0;
			}
			return;
		}
		if (classification.kind() == StatementKind.NON_TRANSACTIONAL && this.script.transactionLine > 0) {
			this.findings.add(Rules.CONCURRENTLY_IN_TRANSACTION, 0, classification.label() + " runs inside the "
					+ "transaction opened at line " + this.script.transactionLine + ", and PostgreSQL refuses it there.",
					"Remove the BEGIN and COMMIT around it: this script runs without a transaction, statement by "
							+ "statement.");
		}
		if (setsLockTimeout()) {
			this.script.lockTimeoutSet = true;
			return;
		}
		String command = this.tokens.word(0);
		if (command == null) {
			return;
		}
		switch (command) {
			case "CREATE" -> create();
			case "ALTER" -> {
				if (this.tokens.isWord(1, "TABLE")) {
					TableName table = AlterTableCheck.check(this.tokens, this.run, this.findings);
					if (table != null) {
						lockHeavy("ALTER TABLE", table.name());
					}
				}
			}
			case "DROP" -> {
				if (this.tokens.isWord(1, "TABLE")) {
					dropTables();
				}
			}
			case "TRUNCATE", "LOCK" -> {
				int i = this.tokens.isWord(1, "TABLE") ? 2 : 1;
				TableName table = TableName.read(this.tokens, this.tokens.isWord(i, "ONLY") ? i + 1 : i);
				if (table != null && this.run.isExisting(table.name())) {
					lockHeavy(command, table.name());
				}
			}
			default -> {
			}
		}
	}

	private boolean setsLockTimeout() {
		int name = this.tokens.isAnyWord(1, "SESSION", "LOCAL") ? 2 : 1;
		if (this.tokens.isWord(0, "SET") && this.tokens.isWord(name, "LOCK_TIMEOUT")) {
			return true;
		}
		if (this.tokens.isAnyWord(0, "SELECT", "PERFORM")) {
			for (int i = 1; i + 2 < this.tokens.size(); i++) {
				if (this.tokens.isWord(i, "SET_CONFIG") && this.tokens.isSymbol(i + 1, '(')
						&& "'lock_timeout'".equalsIgnoreCase(this.tokens.text(i + 2))) {
					return true;
				}
			}
		}
		return false;
	}

	private void create() {
		int i = 1;
		if (this.tokens.isWord(i, "OR") && this.tokens.isWord(i + 1, "REPLACE")) {
			i += 2;
		}
		while (this.tokens.isAnyWord(i, "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED", "UNIQUE")) {
			i++;
		}
		if (this.tokens.isWord(i, "MATERIALIZED") && this.tokens.isWord(i + 1, "VIEW")) {
			i++;
		}
		if (this.tokens.isAnyWord(i, "TABLE", "VIEW")) {
			i++;
			if (this.tokens.isWord(i, "IF") && this.tokens.isWord(i + 1, "NOT") && this.tokens.isWord(i + 2, "EXISTS")) {
				i += 3;
			}
			TableName table = TableName.read(this.tokens, i);
			if (table != null) {
				this.run.created(table.name());
			}
		}
		else if (this.tokens.isWord(i, "INDEX")) {
			createIndex(i);
		}
		else if (this.tokens.isWord(i, "TRIGGER")) {
			TableName table = tableAfterOn(i);
			if (table != null && this.run.isExisting(table.name())) {
				lockHeavy("CREATE TRIGGER", table.name());
			}
		}
	}

	private void createIndex(int index) {
		if (this.tokens.isWord(index + 1, "CONCURRENTLY")) {
			return;
		}
		TableName table = tableAfterOn(index);
		if (table == null || !this.run.isExisting(table.name())) {
			return;
		}
		this.findings.add(Rules.INDEX_NOT_CONCURRENT, 0, "CREATE INDEX on existing table \"" + table.name()
				+ "\" without CONCURRENTLY blocks writes to the table until the index is built.",
				"Use CREATE INDEX CONCURRENTLY, in a migration of its own (Ratchet runs it without a transaction).");
		lockHeavy("CREATE INDEX", table.name());
	}

	private TableName tableAfterOn(int from) {
		for (int i = from; i < this.tokens.size(); i++) {
			if (this.tokens.isWord(i, "ON")) {
				return TableName.read(this.tokens, this.tokens.isWord(i + 1, "ONLY") ? i + 2 : i + 1);
			}
		}
		return null;
	}

	private void dropTables() {
		int i = 2;
		if (this.tokens.isWord(i, "IF") && this.tokens.isWord(i + 1, "EXISTS")) {
			i += 2;
		}
		for (TableName table = TableName.read(this.tokens, i); table != null;
				table = this.tokens.isSymbol(i, ',') ? TableName.read(this.tokens, ++i) : null) {
			if (this.run.isExisting(table.name())) {
				this.findings.add(Rules.DROP, this.tokens.start(i), "Dropping table \"" + table.name()
						+ "\" breaks instances that still run the previous version and use it.", AlterTableCheck.EXPAND);
				lockHeavy("DROP TABLE", table.name());
			}
			i = table.next();
		}
	}

	private void lockHeavy(String command, String table) {
		if (this.run.isLockTimeoutConfigured() || this.script.lockTimeoutSet || this.script.lockTimeoutReported) {
			return;
		}
		this.script.lockTimeoutReported = true;
		this.findings.add(Rules.LOCK_TIMEOUT, 0, command + " waits for a lock on existing table \"" + table
				+ "\" with no lock_timeout set before it in the script; while it waits, every query on the table "
				+ "queues behind it.", "Start the script with SET LOCAL lock_timeout = '5s' (SET lock_timeout in a "
						+ "script without a transaction), and run the migration again if it times out.");
	}

}
