package dev.ratchet.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ratchet.lint.LintRule;
import dev.ratchet.lint.LintRules;
import dev.ratchet.lint.LintSeverity;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checks the rule ids of {@code ratchet.lint.severity.<rule-id>}, so that a misspelt rule fails
 * the start-up naming the property and the valid ids instead of being ignored.
 */
final class LintSeverities {

	private static final String PREFIX = "ratchet.lint.severity.";

	private LintSeverities() {
	}

	static Map<String, LintSeverity> of(Map<String, LintSeverity> configured) {
		Map<String, LintSeverity> severities = new LinkedHashMap<>();
		configured.forEach((id, severity) -> {
			String rule = id.toLowerCase(Locale.ROOT);
			if (LintRules.find(rule) == null) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + id,
						String.valueOf(severity).toLowerCase(Locale.ROOT),
						"There is no lint rule '" + id + "'. Valid rule ids: " + LintRules.all()
							.stream()
							.map(LintRule::id)
							.collect(Collectors.joining(", ")) + ".");
			}
			severities.put(rule, severity);
		});
		return severities;
	}

}
