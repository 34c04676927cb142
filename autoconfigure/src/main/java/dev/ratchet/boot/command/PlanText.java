package dev.ratchet.boot.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.ratchet.PlanOutcome;

/**
 * The text of {@code plan}: each pending migration in the order {@code migrate} would apply it,
 * with its outcome in the dry run and, when it would fail, PostgreSQL's error.
 */
final class PlanText {

	private PlanText() {
	}

	static String of(List<CommandReport.Planned> plan) {
		if (plan.isEmpty()) {
			return "Nothing to apply: no migration is pending.";
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "VERSION", "OUTCOME", "TIME", "SCRIPT" });
		for (CommandReport.Planned planned : plan) {
			boolean ran = planned.outcome() == PlanOutcome.WOULD_SUCCEED || planned.outcome() == PlanOutcome.WOULD_FAIL;
			rows.add(new String[] { Objects.toString(planned.version(), "-"), planned.outcome().name(),
					ran ? planned.executionTimeMs() + " ms" : "", planned.script() });
		}
		String[] table = TextReportWriter.columns(rows).split("\n");
		StringBuilder text = new StringBuilder("migrate would apply ").append(TextReportWriter.count(plan.size()))
			.append(", in this order. Dry run, rolled back: ")
			.append(summary(plan))
			.append(".\n")
			.append(table[0]);
		for (int i = 0; i < plan.size(); i++) {
			CommandReport.Planned planned = plan.get(i);
			text.append('\n').append(table[i + 1]);
			if (planned.reason() != null) {
				text.append("\n      ").append(planned.reason());
			}
			if (planned.failure() != null && planned.failure().statement() != null) {
				text.append("\n      Statement: ").append(planned.failure().statement());
			}
		}
		if (cannotDryRunBeforeOthers(plan)) {
			text.append("\n\nNote: the migrations after one that cannot be dry-run were dry-run without its "
					+ "effects, so migrate may fare differently with them.");
		}
		return text.toString();
	}

	private static String summary(List<CommandReport.Planned> plan) {
		List<String> parts = new ArrayList<>();
		for (PlanOutcome outcome : PlanOutcome.values()) {
			long count = plan.stream().filter((planned) -> planned.outcome() == outcome).count();
			if (count > 0) {
				parts.add(count + " " + switch (outcome) {
					case WOULD_SUCCEED -> "would succeed";
					case WOULD_FAIL -> "would fail";
					case CANNOT_DRY_RUN -> "cannot be dry-run";
					case NOT_REACHED -> "not reached";
				});
			}
		}
		return String.join(", ", parts);
	}

	private static boolean cannotDryRunBeforeOthers(List<CommandReport.Planned> plan) {
		boolean skipped = false;
		for (CommandReport.Planned planned : plan) {
			if (planned.outcome() == PlanOutcome.CANNOT_DRY_RUN) {
				skipped = true;
			}
			else if (skipped && planned.outcome() != PlanOutcome.NOT_REACHED) {
				return true;
			}
		}
		return false;
	}

}
