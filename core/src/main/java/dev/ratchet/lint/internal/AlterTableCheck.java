package dev.ratchet.lint.internal;

import dev.ratchet.sql.SqlTokenList;

/**
 * Reads the actions of an {@code ALTER TABLE} on an existing table and finds the risky ones:
 * NOT NULL columns without a default, constraints added without {@code NOT VALID}, type changes,
 * {@code SET NOT NULL}, drops and renames.
 */
final class AlterTableCheck {

	static final String EXPAND = "Stop using it in one release and drop it in a later one, once no instance of the "
			+ "previous version runs (expand, then contract).";

	private final SqlTokenList tokens;

	private final RunState run;

	private final Findings findings;

	private final String table;

	private boolean lockHeavy;

	private AlterTableCheck(SqlTokenList tokens, RunState run, Findings findings, String table) {
		this.tokens = tokens;
		this.run = run;
		this.findings = findings;
		this.table = table;
	}

	/**
	 * Checks an {@code ALTER TABLE} statement.
	 * @return the table, if it exists and the statement takes a lock that blocks its users; else {@code null}
	 */
	static TableName check(SqlTokenList tokens, RunState run, Findings findings) {
		int i = 2;
		if (tokens.isWord(i, "IF") && tokens.isWord(i + 1, "EXISTS")) {
			i += 2;
		}
		if (tokens.isWord(i, "ONLY")) {
			i++;
		}
		TableName table = TableName.read(tokens, i);
		if (table == null) {
			return null;
		}
		AlterTableCheck check = new AlterTableCheck(tokens, run, findings, table.name());
		boolean existing = run.isExisting(table.name());
		int start = tokens.isSymbol(table.next(), '*') ? table.next() + 1 : table.next();
		int depth = 0;
		for (int j = start; j <= tokens.size(); j++) {
			if (j == tokens.size() || (depth == 0 && tokens.isSymbol(j, ','))) {
				check.action(start, j, existing);
				start = j + 1;
			}
			else if (tokens.isSymbol(j, '(')) {
				depth++;
			}
			else if (tokens.isSymbol(j, ')')) {
				depth--;
			}
		}
		return (existing && check.lockHeavy) ? table : null;
	}

	private void action(int start, int end, boolean existing) {
		if (this.tokens.isWord(start, "VALIDATE") && this.tokens.isWord(start + 1, "CONSTRAINT")) {
			// Takes a lock that lets reads and writes go on.
			String constraint = this.tokens.identifier(start + 2);
			if (constraint != null) {
				this.run.validated(this.table, constraint);
			}
			return;
		}
		this.lockHeavy = true;
		if (this.tokens.isWord(start, "RENAME") && this.tokens.isWord(start + 1, "TO")) {
			String newName = this.tokens.identifier(start + 2);
			if (existing) {
				rename(start, "table \"" + this.table + "\"");
			}
			else if (newName != null) {
				this.run.renamed(this.table, newName);
			}
			return;
		}
		if (this.tokens.isWord(start, "ADD")) {
			add(start, end, existing);
		}
		else if (!existing) {
			return;
		}
		else if (this.tokens.isWord(start, "ALTER")) {
			alterColumn(start, end);
		}
		else if (this.tokens.isWord(start, "DROP") && !this.tokens.isAnyWord(start + 1, "CONSTRAINT")) {
			int i = skip(start + 1, "COLUMN");
			i = this.tokens.isWord(i, "IF") ? i + 2 : i;
			this.findings.add(Rules.DROP, this.tokens.start(start), "Dropping column \""
					+ this.tokens.identifier(i) + "\" of table \"" + this.table
					+ "\" breaks instances that still run the previous version and use it.", EXPAND);
		}
		else if (this.tokens.isWord(start, "RENAME") && !this.tokens.isWord(start + 1, "CONSTRAINT")) {
			rename(start, "column \"" + this.tokens.identifier(skip(start + 1, "COLUMN")) + "\" of table \""
					+ this.table + "\"");
		}
	}

	private void add(int start, int end, boolean existing) {
		int i = skip(start + 1, "COLUMN");
		if (this.tokens.isWord(i, "IF")) {
			i += 3;
		}
		String constraint = null;
		if (this.tokens.isWord(i, "CONSTRAINT")) {
			constraint = this.tokens.identifier(i + 1);
			i += 2;
		}
		if (this.tokens.isAnyWord(i, "CHECK", "FOREIGN")) {
			addConstraint(i, end, constraint, existing);
		}
		else if (this.tokens.isAnyWord(i, "UNIQUE", "PRIMARY") && !contains(i, end, "USING")) {
			if (existing) {
				this.findings.add(Rules.INDEX_NOT_CONCURRENT, this.tokens.start(i), "ADD "
						+ this.tokens.word(i) + " on existing table \"" + this.table + "\" builds an index under an "
						+ "ACCESS EXCLUSIVE lock, blocking reads and writes until it is built.", "Build the index "
								+ "first with CREATE UNIQUE INDEX CONCURRENTLY (a migration of its own), then ADD "
								+ "CONSTRAINT ... " + this.tokens.word(i) + " USING INDEX.");
			}
		}
		else if (existing && constraint == null && !contains(i, end, "EXCLUDE")) {
			addColumn(i, end);
		}
	}

	private void addColumn(int i, int end) {
		int notNull = indexOf(i, end, "NOT", "NULL");
		int required = (notNull >= 0) ? notNull : indexOf(i, end, "PRIMARY", "KEY");
		boolean serial = this.tokens.isAnyWord(i + 1, "SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL4", "SERIAL8",
				"SERIAL2");
		if (required >= 0 && !serial && !contains(i, end, "DEFAULT") && !contains(i, end, "GENERATED")) {
			this.findings.add(Rules.ADD_COLUMN_NOT_NULL, this.tokens.start(required), "Adding NOT NULL column \""
					+ this.tokens.identifier(i) + "\" without a DEFAULT to existing table \"" + this.table
					+ "\" fails if the table has rows.", "Give it a DEFAULT (PostgreSQL 11+ adds it without rewriting "
							+ "the table), or add it nullable, backfill it, then SET NOT NULL.");
		}
	}

	private void addConstraint(int i, int end, String constraint, boolean existing) {
		boolean notValid = indexOf(i, end, "NOT", "VALID") >= 0;
		if (this.tokens.isWord(i, "CHECK") && constraint != null && this.tokens.isSymbol(i + 1, '(')
				&& this.tokens.isWord(i + 3, "IS") && this.tokens.isWord(i + 4, "NOT") && this.tokens.isWord(i + 5, "NULL")
				&& this.tokens.isSymbol(i + 6, ')')) {
			this.run.notNullCheck(this.table, constraint, this.tokens.identifier(i + 2), !notValid);
		}
		if (existing && !notValid) {
			String kind = this.tokens.isWord(i, "CHECK") ? "CHECK" : "FOREIGN KEY";
			this.findings.add(Rules.CONSTRAINT_NOT_VALID, this.tokens.start(i), "Adding " + kind
					+ " to existing table \"" + this.table + "\" without NOT VALID checks every row while holding a "
					+ "lock that blocks writes.", "Add it with NOT VALID, then VALIDATE CONSTRAINT in a later "
							+ "statement, which checks the rows without blocking writes.");
		}
	}

	private void alterColumn(int start, int end) {
		int i = skip(start + 1, "COLUMN");
		String column = this.tokens.identifier(i);
		int type = this.tokens.isWord(i + 1, "SET") && this.tokens.isWord(i + 2, "DATA") ? i + 3 : i + 1;
		if (this.tokens.isWord(type, "TYPE")) {
			this.findings.add(Rules.COLUMN_TYPE_CHANGE, this.tokens.start(type), "Changing the type of column \""
					+ column + "\" of existing table \"" + this.table + "\" may rewrite the table and its indexes "
					+ "under an ACCESS EXCLUSIVE lock.", "Only some changes skip the rewrite (varchar(n) to a longer "
							+ "varchar or to text, for example). Otherwise add a new column, backfill it, and switch "
							+ "over in steps.");
		}
		else if (this.tokens.isWord(i + 1, "SET") && this.tokens.isWord(i + 2, "NOT") && this.tokens.isWord(i + 3, "NULL")
				&& !this.run.hasValidatedNotNullCheck(this.table, column)) {
			this.findings.add(Rules.SET_NOT_NULL, this.tokens.start(i + 1), "SET NOT NULL on column \"" + column
					+ "\" of existing table \"" + this.table + "\" scans the whole table under an ACCESS EXCLUSIVE lock.",
					"First ADD CONSTRAINT " + column + "_not_null CHECK (" + column + " IS NOT NULL) NOT VALID, then "
							+ "VALIDATE CONSTRAINT " + column + "_not_null; PostgreSQL 12+ then sets NOT NULL without "
							+ "a scan.");
		}
	}

	private void rename(int start, String what) {
		this.findings.add(Rules.RENAME, this.tokens.start(start), "Renaming " + what
				+ " breaks instances that still run the previous version and use the old name.", "Add the new name "
						+ "beside the old one (a new column, or a view), move readers and writers over in one release, "
						+ "and remove the old name in a later one.");
	}

	private int skip(int i, String word) {
		return this.tokens.isWord(i, word) ? i + 1 : i;
	}

	private boolean contains(int from, int end, String word) {
		for (int i = from; i < end; i++) {
			if (this.tokens.isWord(i, word)) {
				return true;
			}
		}
		return false;
	}

	private int indexOf(int from, int end, String first, String second) {
		for (int i = from; i + 1 < end; i++) {
			if (this.tokens.isWord(i, first) && this.tokens.isWord(i + 1, second)) {
				return i;
			}
		}
		return -1;
	}

}
