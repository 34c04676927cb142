package dev.ratchet.sql;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a script into statements: finds where each one starts and the {@code ;} that ends it,
 * outside strings, quoted identifiers, dollar quotes, comments, parentheses and {@code BEGIN ATOMIC}
 * bodies.
 * Only the current statement is held in memory.
 */
final class StatementScanner {

	private static final Pattern DIRECTIVE = Pattern.compile("ratchet\\s*:.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final int LARGE_STATEMENT = 1024 * 1024;

	private final CharSource source;

	private final String script;

	private final StringBuilder text = new StringBuilder(256);

	private final Quotes quotes;

	private final Comments comments;

	private final AtomicBodyTracker body = new AtomicBodyTracker();

	private int line;

	private int column;

	private final List<SqlComment> directives = new ArrayList<>();

	private int wordStart = -1;

	private int wordLine;

	private int parentheses;

	private int parenthesisLine;

	StatementScanner(CharSource source, String script) {
		this.source = source;
		this.script = script;
		this.quotes = new Quotes(source, this.text, script);
		this.comments = new Comments(source, this.text, script);
	}

	/**
	 * Reads the next statement.
	 * @return whether there was one; its text is then {@link #text()}, its line {@link #line()}
	 */
	boolean next() throws IOException {
		reset();
		int c = skipToStatement();
		if (c == CharSource.END) {
			return false;
		}
		this.line = this.source.line();
		this.column = this.source.column();
		while (c != CharSource.END) {
			if (c == ';') {
				endWord();
				// As in psql: a semicolon inside parentheses, as in CREATE RULE ... DO ALSO (a; b), does not end it.
				if (!this.body.inBody() && this.parentheses == 0) {
					trailingComment();
					break;
				}
			}
			consume(c);
			c = this.source.read();
		}
		endWord();
		if (this.body.inBody()) {
			throw ScriptErrors.at(this.script, this.body.bodyLine(), "BEGIN ATOMIC body is never closed by END "
					+ "(the file ends first). End the body with END; each CASE inside it needs its own END.");
		}
		if (this.parentheses > 0) {
			throw ScriptErrors.at(this.script, this.parenthesisLine, "'(' is never closed (the file ends first), so "
					+ "every ';' after it stays inside the statement. Close the parenthesis.");
		}
		trimEnd();
		return true;
	}

	/**
	 * Returns the text of the statement last read.
	 */
	String text() {
		return this.text.toString();
	}

	/**
	 * Returns the line the statement last read starts on.
	 */
	int line() {
		return this.line;
	}

	/**
	 * Returns the column the statement last read starts at.
	 */
	int column() {
		return this.column;
	}

	/**
	 * Returns the {@code -- ratchet:} comments before, inside and just after the statement last read.
	 */
	List<SqlComment> directives() {
		return this.directives;
	}

	private void reset() {
		this.text.setLength(0);
		if (this.text.capacity() > LARGE_STATEMENT) {
			// Don't keep a huge buffer for the rest of the script because of one large statement.
			this.text.trimToSize();
		}
		this.body.reset();
		this.wordStart = -1;
		this.parentheses = 0;
		this.directives.clear();
	}

	private int skipToStatement() throws IOException {
		while (true) {
			int c = this.source.read();
			if (c == '-' && this.source.peek() == '-') {
				lineComment(false);
			}
			else if (c == '/' && this.source.peek() == '*') {
				this.comments.block(false);
			}
			else if (c == CharSource.END || (c > ' ' && c != ';')) {
				return c;
			}
		}
	}

	private void consume(int c) throws IOException {
		if (isIdentifierPart(c) || (c == '$' && this.wordStart >= 0)) {
			if (this.wordStart < 0) {
				this.wordStart = this.text.length();
				this.wordLine = this.source.line();
			}
			this.text.append((char) c);
			return;
		}
		boolean escapeString = c == '\'' && isEscapeStringPrefix();
		endWord();
		this.text.append((char) c);
		switch (c) {
			case '\'' -> this.quotes.string(escapeString);
			case '"' -> this.quotes.identifier();
			case '$' -> dollar();
			case '-' -> {
				if (this.source.peek() == '-') {
					lineComment(true);
				}
			}
			case '/' -> {
				if (this.source.peek() == '*') {
					this.comments.block(true);
				}
			}
			case '(', ')' -> parenthesis(c == '(');
			case '\\' -> throw metaCommand();
			default -> {
			}
		}
	}

	private void parenthesis(boolean open) {
		this.body.parenthesis(open);
		if (open) {
			if (this.parentheses++ == 0) {
				this.parenthesisLine = this.source.line();
			}
		}
		else if (this.parentheses > 0) {
			this.parentheses--;
		}
	}

	private void lineComment(boolean keep) throws IOException {
		int commentLine = this.source.line();
		int commentColumn = this.source.column();
		String text = this.comments.line(keep).trim();
		if (DIRECTIVE.matcher(text).matches()) {
			this.directives.add(new SqlComment(text, commentLine, commentColumn));
		}
	}

	/**
	 * Reads a comment after the statement's {@code ;} on the same line, which belongs to it.
	 */
	private void trailingComment() throws IOException {
		while (this.source.peek() == ' ' || this.source.peek() == '\t') {
			this.source.read();
		}
		if (this.source.peek() == '-' && this.source.peekSecond() == '-') {
			this.source.read();
			lineComment(false);
		}
	}

	/**
	 * Handles a {@code $} (already appended) that is not part of an identifier: the start of a
	 * dollar quote, or a parameter such as {@code $1}.
	 */
	private void dollar() throws IOException {
		int quoteLine = this.source.line();
		int tagStart = this.text.length();
		int c = this.source.peek();
		if (c != '$' && !isIdentifierStart(c)) {
			return;
		}
		while (isIdentifierStart(c) || (c >= '0' && c <= '9')) {
			this.text.append((char) this.source.read());
			c = this.source.peek();
		}
		if (c == '$') {
			this.text.append((char) this.source.read());
			this.quotes.dollar(this.text.substring(tagStart, this.text.length() - 1), quoteLine);
		}
	}

	private RuntimeException metaCommand() throws IOException {
		int commandLine = this.source.line();
		StringBuilder command = new StringBuilder("\\");
		while (this.source.peek() > ' ' && command.length() < 30) {
			command.append((char) this.source.read());
		}
		return PsqlFeatures.metaCommand(command.toString(), this.script, commandLine);
	}

	private boolean isEscapeStringPrefix() {
		return this.wordStart >= 0 && this.text.length() - this.wordStart == 1
				&& (this.text.charAt(this.wordStart) == 'E' || this.text.charAt(this.wordStart) == 'e');
	}

	private void endWord() {
		if (this.wordStart >= 0) {
			if (isIdentifierStart(this.text.charAt(this.wordStart))) {
				this.body.word(this.text, this.wordStart, this.text.length(), this.wordLine);
			}
			this.wordStart = -1;
		}
	}

	private void trimEnd() {
		int end = this.text.length();
		while (end > 0 && this.text.charAt(end - 1) <= ' ') {
			end--;
		}
		this.text.setLength(end);
	}

	private static boolean isIdentifierPart(int c) {
		return isIdentifierStart(c) || (c >= '0' && c <= '9');
	}

	private static boolean isIdentifierStart(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
	}

}
