package dev.ratchet.sql;

import java.io.IOException;

/**
 * Reads the rest of a comment. Comments inside a statement are kept, since they are harmless to
 * the server; comments before a statement are dropped.
 * @param source the script being read
 * @param text the statement read so far
 * @param script the script name, for errors
 */
record Comments(CharSource source, StringBuilder text, String script) {

	/**
	 * Reads a {@code --} comment up to and including its line break. The first {@code -} was read
	 * (and kept when {@code keep}), the second is next.
	 * @return the comment's text after {@code --}
	 */
	String line(boolean keep) throws IOException {
		StringBuilder comment = new StringBuilder();
		append(keep, this.source.read());
		int c;
		while ((c = this.source.read()) != CharSource.END) {
			append(keep, c);
			if (c == '\n' || c == '\r') {
				break;
			}
			comment.append((char) c);
		}
		return comment.toString();
	}

	/**
	 * Reads a block comment, which nests in PostgreSQL. The {@code /} was read (and kept when
	 * {@code keep}), the {@code *} is next.
	 */
	void block(boolean keep) throws IOException {
		int line = this.source.line();
		append(keep, this.source.read());
		int depth = 1;
		while (depth > 0) {
			int c = this.source.read();
			if (c == CharSource.END) {
				throw ScriptErrors.at(this.script, line, "block comment /* is never closed (the file ends first). "
						+ "Close it with */; block comments nest in PostgreSQL, so each /* inside needs its own */.");
			}
			append(keep, c);
			if ((c == '*' && this.source.peek() == '/') || (c == '/' && this.source.peek() == '*')) {
				append(keep, this.source.read());
				depth += (c == '/') ? 1 : -1;
			}
		}
	}

	private void append(boolean keep, int c) {
		if (keep) {
			this.text.append((char) c);
		}
	}

}
