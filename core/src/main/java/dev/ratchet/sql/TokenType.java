package dev.ratchet.sql;

/**
 * What kind of token {@link SqlTokenList} found.
 */
public enum TokenType {

	/**
	 * A keyword or unquoted identifier.
	 */
	WORD,

	/**
	 * A double-quoted identifier.
	 */
	QUOTED_IDENTIFIER,

	/**
	 * A string constant of any form, dollar quotes included.
	 */
	STRING,

	/**
	 * A numeric constant.
	 */
	NUMBER,

	/**
	 * Any other single character, such as {@code (}, {@code ,} or a backtick.
	 */
	SYMBOL

}
