package dev.ratchet.sql;

import java.io.IOException;

/**
 * Reads the rest of a quoted part of a statement (string, quoted identifier, dollar quote) into
 * the statement's text, so that a {@code ;} inside it does not end the statement.
 * @param source the script being read
 * @param text the statement read so far
 * @param script the script name, for errors
 */
record Quotes(CharSource source, StringBuilder text, String script) {

	/**
	 * Reads a string whose opening {@code '} was read and appended.
	 * @param backslashEscapes whether it is an {@code E'...'} string, where a backslash escapes the
	 * next character
	 */
	void string(boolean backslashEscapes) throws IOException {
		int line = this.source.line();
		int start = this.text.length() - (backslashEscapes ? 2 : 1);
		while (true) {
			int c = readOrFail(line, start, backslashEscapes);
			if (c == '\'') {
				if (this.source.peek() != '\'') {
					return;
				}
				this.text.append((char) this.source.read());
			}
			else if (c == '\\' && backslashEscapes) {
				readOrFail(line, start, true);
			}
		}
	}

	/**
	 * Reads a quoted identifier whose opening {@code "} was read and appended.
	 */
	void identifier() throws IOException {
		int line = this.source.line();
		int start = this.text.length() - 1;
		while (true) {
			int c = this.source.read();
			if (c == CharSource.END) {
				throw ScriptErrors.at(this.script, line, "quoted identifier " + ScriptErrors.excerpt(this.text, start)
						+ " is never closed (the file ends first). Close it with \"; write \"\" for a quote inside "
						+ "the name.");
			}
			this.text.append((char) c);
			if (c == '"') {
				if (this.source.peek() != '"') {
					return;
				}
				this.text.append((char) this.source.read());
			}
		}
	}

	/**
	 * Reads the body and closing delimiter of a dollar quote whose opening {@code $tag$} was read
	 * and appended.
	 * @param tag the tag, empty for {@code $$}
	 * @param line the line of the opening delimiter
	 */
	void dollar(String tag, int line) throws IOException {
		int bodyStart = this.text.length();
		int delimiterLength = tag.length() + 2;
		while (true) {
			int c = this.source.read();
			if (c == CharSource.END) {
				String delimiter = "$" + tag + "$";
				throw ScriptErrors.at(this.script, line, "dollar quote " + delimiter
						+ " is never closed (the file ends first). Add the closing " + delimiter
						+ " where the quoted text ends; it must repeat the opening tag exactly, case included.");
			}
			this.text.append((char) c);
			if (c == '$' && this.text.length() - bodyStart >= delimiterLength && endsWithDelimiter(tag)) {
				return;
			}
		}
	}

	private boolean endsWithDelimiter(String tag) {
		int start = this.text.length() - tag.length() - 2;
		if (this.text.charAt(start) != '$') {
			return false;
		}
		for (int i = 0; i < tag.length(); i++) {
			if (this.text.charAt(start + 1 + i) != tag.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private int readOrFail(int line, int start, boolean backslashEscapes) throws IOException {
		int c = this.source.read();
		if (c == CharSource.END) {
			String what = backslashEscapes ? "escape string " : "string literal ";
			String hint = backslashEscapes
					? "; in E'' strings a backslash escapes the next character, so \\' does not close the string."
					: "; write '' for a quote inside the string.";
			throw ScriptErrors.at(this.script, line, what + ScriptErrors.excerpt(this.text, start)
					+ " is never closed (the file ends first). Close it with '" + hint);
		}
		this.text.append((char) c);
		return c;
	}

}
