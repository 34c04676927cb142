package dev.ratchet.sql;

/**
 * A {@code --} comment addressed to Ratchet, such as
 * {@code -- ratchet:allow risk.drop because no release reads the column}.
 * @param text the comment after {@code --}, trimmed
 * @param line the 1-based line of the comment
 * @param column the 1-based column of its {@code --}
 */
public record SqlComment(String text, int line, int column) {

}
