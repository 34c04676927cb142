package dev.ratchet.sql;

import java.io.IOException;
import java.io.Reader;

/**
 * The characters of a script, read through a buffer, with the line of the last character read.
 * Skips a byte order mark at the very start. Lines end with {@code \n}, {@code \r\n} or a lone
 * {@code \r}.
 */
final class CharSource {

	static final int END = -1;

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private static final int BUFFER_SIZE = 16 * 1024;

	private final Reader reader;

	private final char[] buffer = new char[BUFFER_SIZE];

	private int position;

	private int limit;

	private boolean started;

	private int line = 1;

	private int column;

	private boolean afterCarriageReturn;

	CharSource(Reader reader) {
		this.reader = reader;
	}

	/**
	 * Returns the next character, or {@link #END}.
	 */
	int read() throws IOException {
		if (this.position == this.limit && !fill()) {
			return END;
		}
		char c = this.buffer[this.position++];
		this.column = (c == '\n' || c == '\r') ? 0 : this.column + 1;
		if (c <= '\r') {
			// A line break counts once its first character is read, so line() is right for the
			// character after it; "\r\n" counts once.
			if (c == '\n') {
				if (!this.afterCarriageReturn) {
					this.line++;
				}
			}
			else if (c == '\r') {
				this.line++;
				this.afterCarriageReturn = true;
				return c;
			}
		}
		this.afterCarriageReturn = false;
		return c;
	}

	/**
	 * Returns the next character without consuming it, or {@link #END}.
	 */
	int peek() throws IOException {
		if (this.position == this.limit && !fill()) {
			return END;
		}
		return this.buffer[this.position];
	}

	/**
	 * Returns the character after the next one without consuming anything, or {@link #END}.
	 */
	int peekSecond() throws IOException {
		if (this.limit - this.position < 2) {
			int remaining = this.limit - this.position;
			System.arraycopy(this.buffer, this.position, this.buffer, 0, remaining);
			this.position = 0;
			this.limit = remaining;
			int read;
			do {
				read = this.reader.read(this.buffer, this.limit, this.buffer.length - this.limit);
			}
			while (read == 0);
			this.limit += Math.max(read, 0);
		}
		return (this.limit - this.position >= 2) ? this.buffer[this.position + 1] : END;
	}

	/**
	 * Returns the 1-based line of the last character read.
	 */
	int line() {
		return this.line;
	}

	/**
	 * Returns the 1-based column of the last character read within its line (0 for a line break).
	 */
	int column() {
		return this.column;
	}

	/**
	 * Returns the first line without consuming it, cut at the buffer's size. Only valid before
	 * anything else was read.
	 */
	String firstLine() throws IOException {
		if (this.started) {
			throw new IllegalStateException("The first line can only be read before anything else");
		}
		if (!fill()) {
			return "";
		}
		int end = lineEnd();
		while (end < 0 && this.limit < this.buffer.length) {
			int read = this.reader.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (read < 0) {
				break;
			}
			this.limit += read;
			end = lineEnd();
		}
		return new String(this.buffer, this.position, ((end < 0) ? this.limit : end) - this.position);
	}

	private int lineEnd() {
		for (int i = this.position; i < this.limit; i++) {
			if (this.buffer[i] == '\n' || this.buffer[i] == '\r') {
				return i;
			}
		}
		return -1;
	}

	private boolean fill() throws IOException {
		int read;
		do {
			read = this.reader.read(this.buffer, 0, this.buffer.length);
		}
		while (read == 0);
		this.position = 0;
		this.limit = Math.max(read, 0);
		if (!this.started) {
			this.started = true;
			if (this.limit > 0 && this.buffer[0] == BYTE_ORDER_MARK) {
				this.position = 1;
				return this.limit > 1 || fill();
			}
		}
		return this.limit > 0;
	}

}
