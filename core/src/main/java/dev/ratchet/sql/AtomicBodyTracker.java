package dev.ratchet.sql;

/**
 * Follows the words of a statement to spot a SQL-standard routine body,
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ... END}, whose semicolons do not
 * end the statement. Inside the body each {@code CASE} needs its own {@code END}.
 */
final class AtomicBodyTracker {

	private enum State {

		PREAMBLE, HEADER, AFTER_BEGIN, BODY, DONE

	}

	private State state = State.PREAMBLE;

	private int words;

	private int parentheses;

	private int depth;

	private int bodyLine;

	private CharSequence text;

	private int start;

	private int end;

	void reset() {
		this.state = State.PREAMBLE;
		this.words = 0;
		this.parentheses = 0;
		this.depth = 0;
	}

	/**
	 * Returns whether the statement is inside an unfinished {@code BEGIN ATOMIC} body.
	 */
	boolean inBody() {
		return this.state == State.BODY;
	}

	/**
	 * Returns the line of the {@code BEGIN} that opened the body.
	 */
	int bodyLine() {
		return this.bodyLine;
	}

	/**
	 * Takes note of a parenthesis outside quotes and comments.
	 */
	void parenthesis(boolean open) {
		// Words inside the parameter list (a parameter may be called "atomic") are not the body.
		if (this.state == State.HEADER || this.state == State.AFTER_BEGIN) {
			this.parentheses += open ? 1 : -1;
			this.state = State.HEADER;
		}
	}

	/**
	 * Takes note of a word outside quotes and comments.
	 * @param text the statement so far
	 * @param start where the word starts in the text
	 * @param end where the word ends in the text
	 * @param line the line the word starts on
	 */
	void word(CharSequence text, int start, int end, int line) {
		if (this.state == State.DONE) {
			return;
		}
		this.text = text;
		this.start = start;
		this.end = end;
		switch (this.state) {
			case PREAMBLE -> preamble();
			case HEADER -> {
				if (this.parentheses == 0 && is("BEGIN")) {
					this.state = State.AFTER_BEGIN;
					this.bodyLine = line;
				}
			}
			case AFTER_BEGIN -> afterBegin(line);
			default -> body();
		}
	}

	private void preamble() {
		this.words++;
		boolean routine = is("FUNCTION") || is("PROCEDURE");
		boolean expected = switch (this.words) {
			case 1 -> is("CREATE");
			case 2 -> routine || is("OR");
			case 3 -> is("REPLACE");
			case 4 -> routine;
			default -> false;
		};
		if (!expected) {
			this.state = State.DONE;
		}
		else if (routine) {
			this.state = State.HEADER;
		}
	}

	private void afterBegin(int line) {
		if (is("ATOMIC")) {
			this.state = State.BODY;
			this.depth = 1;
		}
		else if (is("BEGIN")) {
			this.bodyLine = line;
		}
		else {
			this.state = State.HEADER;
		}
	}

	private void body() {
		if (is("CASE")) {
			this.depth++;
		}
		else if (is("END")) {
			this.depth--;
			if (this.depth == 0) {
				this.state = State.DONE;
			}
		}
	}

	private boolean is(String keyword) {
		if (this.end - this.start != keyword.length()) {
			return false;
		}
		for (int i = 0; i < keyword.length(); i++) {
			if (Character.toUpperCase(this.text.charAt(this.start + i)) != keyword.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
