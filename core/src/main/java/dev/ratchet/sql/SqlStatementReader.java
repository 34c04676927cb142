package dev.ratchet.sql;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads the statements of a PostgreSQL script one at a time, holding only the current statement in
 * memory. Statements end at a {@code ;} outside strings ({@code '...'}, {@code E'...'},
 * {@code U&'...'}, {@code B'...'}, {@code X'...'}), quoted identifiers, dollar quotes, comments
 * (block comments nest) and {@code BEGIN ATOMIC} routine bodies. Placeholders are replaced after
 * splitting, so a value cannot change where a statement ends. psql meta-commands and
 * {@code COPY ... FROM STDIN} are reported, since only psql understands them.
 * <p>
 * Unless the script manages its own transactions ({@code -- ratchet:no-transaction}), a plain
 * {@code BEGIN} as its first statement and a plain {@code COMMIT} as its last are left out: the
 * migration already runs in a transaction that commits with its history row, and a script that
 * commits on its own would let the two part (such scripts are common, for example job store DDL
 * that ends with {@code commit;}). Transaction control anywhere else is returned as written.
 */
public final class SqlStatementReader implements Closeable {

	private static final Pattern NO_TRANSACTION_DIRECTIVE = Pattern
		.compile("\\s*--\\s*ratchet\\s*:\\s*no-transaction\\s*", Pattern.CASE_INSENSITIVE);

	private final Reader reader;

	private final String script;

	private final Placeholders placeholders;

	private final CharSource source;

	private final StatementScanner scanner;

	private static final Pattern PLAIN_BEGIN = Pattern.compile("(?i)BEGIN(\\s+(WORK|TRANSACTION))?|START\\s+TRANSACTION");

	private static final Pattern PLAIN_COMMIT = Pattern.compile("(?i)(COMMIT|END)(\\s+(WORK|TRANSACTION))?");

	private Boolean noTransactionDirective;

	private boolean started;

	private SqlStatement ahead;

	/**
	 * Creates a reader.
	 * @param reader the script's characters; closed by {@link #close()}
	 * @param script the script's name, used in error messages (for example
	 * {@code V3__add_sessions.sql})
	 * @param placeholders the placeholder values, or {@link Placeholders#NONE}
	 */
	public SqlStatementReader(Reader reader, String script, Placeholders placeholders) {
		this.reader = Objects.requireNonNull(reader, "'reader' must not be null");
		this.script = Objects.requireNonNull(script, "'script' must not be null");
		this.placeholders = Objects.requireNonNull(placeholders, "'placeholders' must not be null");
		this.source = new CharSource(reader);
		this.scanner = new StatementScanner(this.source, script);
	}

	/**
	 * Reads the next statement.
	 * @return the statement, or {@code null} at the end of the script
	 * @throws dev.ratchet.MigrationResolutionException if the SQL cannot be read, naming the script
	 * and line
	 * @throws IOException if the underlying reader fails
	 */
	public SqlStatement next() throws IOException {
		if (this.ahead != null) {
			SqlStatement statement = this.ahead;
			this.ahead = null;
			return statement;
		}
		SqlStatement statement = read();
		boolean first = !this.started;
		this.started = true;
		if (statement == null || noTransactionDirective()) {
			return statement;
		}
		if (first && PLAIN_BEGIN.matcher(statement.sql()).matches()) {
			return next();
		}
		if (PLAIN_COMMIT.matcher(statement.sql()).matches()) {
			this.ahead = read();
			if (this.ahead == null) {
				return null;
			}
		}
		return statement;
	}

	private SqlStatement read() throws IOException {
		noTransactionDirective();
		if (!this.scanner.next()) {
			return null;
		}
		String sql = this.scanner.text();
		int line = this.scanner.line();
		PsqlFeatures.rejectCopyFromStdin(sql, this.script, line);
		return new SqlStatement(this.placeholders.replace(sql, this.script, line), line, this.scanner.column(),
				this.scanner.directives());
	}

	/**
	 * Returns whether the script's first line is the directive {@code -- ratchet:no-transaction},
	 * which asks to run the script outside a transaction. Valid at any time.
	 * @throws IOException if the underlying reader fails
	 */
	public boolean noTransactionDirective() throws IOException {
		if (this.noTransactionDirective == null) {
			// Reads ahead without consuming, so the first statement is still read in full.
			String firstLine = this.source.firstLine();
			this.noTransactionDirective = NO_TRANSACTION_DIRECTIVE.matcher(firstLine).matches();
		}
		return this.noTransactionDirective;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

}
