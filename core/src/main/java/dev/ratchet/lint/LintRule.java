package dev.ratchet.lint;

/**
 * A lint rule.
 * @param id the id findings carry and configuration and {@code -- ratchet:allow} comments name, for
 * example {@code dialect.datetime}
 * @param defaultSeverity the severity unless configured otherwise
 * @param description what the rule finds, one sentence
 */
public record LintRule(String id, LintSeverity defaultSeverity, String description) {

}
