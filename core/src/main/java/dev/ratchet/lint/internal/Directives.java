package dev.ratchet.lint.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ratchet.sql.SqlComment;

/**
 * Reads the {@code -- ratchet:} comments of a statement. {@code -- ratchet:allow <rule>[, <rule>]
 * because <reason>} silences those rules' findings in the statement; without a reason it silences
 * nothing. Anything else addressed to Ratchet that it does not understand is reported, so a typo
 * never passes for a directive.
 */
final class Directives {

	private static final Pattern DIRECTIVE = Pattern.compile("ratchet\\s*:\\s*(\\S*)(.*)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern BECAUSE = Pattern.compile("\\bbecause\\b", Pattern.CASE_INSENSITIVE);

	private static final String FORM = "Write it as '-- ratchet:allow <rule> because <reason>'.";

	private Directives() {
	}

	/**
	 * Returns the rules the comments allow, reporting each comment that is not understood.
	 * @param comments the statement's {@code -- ratchet:} comments
	 * @param problems told about each comment that is not understood: the comment, the problem and
	 * what to do
	 * @return the ids of the allowed rules
	 */
	static Set<String> allowed(List<SqlComment> comments, Consumer<Problem> problems) {
		Set<String> allowed = new HashSet<>();
		for (SqlComment comment : comments) {
			Matcher matcher = DIRECTIVE.matcher(comment.text());
			if (!matcher.matches()) {
				continue;
			}
			String name = matcher.group(1).toLowerCase(Locale.ROOT);
			String rest = matcher.group(2).trim();
			if (name.equals("no-transaction")) {
				if (comment.line() != 1 || !rest.isEmpty()) {
					problems.accept(new Problem(comment, "'-- ratchet:no-transaction' only counts alone on the first "
							+ "line of the script; here it does nothing.", "Move it to the first line, alone."));
				}
			}
			else if (name.equals("allow")) {
				allow(comment, rest, allowed, problems);
			}
			else {
				problems.accept(new Problem(comment, "'" + comment.text() + "' is not a Ratchet directive.",
						"Ratchet knows '-- ratchet:allow <rule> because <reason>' and '-- ratchet:no-transaction'."));
			}
		}
		return allowed;
	}

	private static void allow(SqlComment comment, String rest, Set<String> allowed, Consumer<Problem> problems) {
		Matcher because = BECAUSE.matcher(rest);
		boolean hasReason = because.find();
		String rules = hasReason ? rest.substring(0, because.start()).trim() : rest;
		String reason = hasReason ? rest.substring(because.end()).trim() : "";
		if (rules.isEmpty()) {
			problems.accept(new Problem(comment, "'" + comment.text() + "' names no rule.", FORM));
			return;
		}
		List<String> ids = List.of(rules.split("[,\\s]+"));
		for (String id : ids) {
			if (Rules.find(id) == null) {
				problems.accept(new Problem(comment, "'" + comment.text() + "' names rule '" + id
						+ "', which does not exist.", "Use the id a finding shows, for example risk.drop."));
				return;
			}
		}
		if (reason.isEmpty()) {
			problems.accept(new Problem(comment, "'" + comment.text() + "' gives no reason, so it silences nothing.",
					FORM));
			return;
		}
		allowed.addAll(ids);
	}

	/**
	 * A comment that is not understood.
	 * @param comment the comment
	 * @param message what is wrong
	 * @param hint what to do
	 */
	record Problem(SqlComment comment, String message, String hint) {
	}

}
