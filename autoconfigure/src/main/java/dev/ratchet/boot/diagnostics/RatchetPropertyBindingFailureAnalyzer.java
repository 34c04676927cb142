package dev.ratchet.boot.diagnostics;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a {@code ratchet.*} property whose value could not be bound, such as
 * {@code ratchet.mode=foo}: the property, the value and the values it takes. Runs before Spring
 * Boot's own analysis of binding failures, which would show Java's "No enum constant …".
 */
class RatchetPropertyBindingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		BindException bind = RatchetPropertyValues.find(cause);
		if (bind == null) {
			return null;
		}
		String description = RatchetPropertyValues.describe(bind);
		if (bind.getProperty() != null && bind.getProperty().getOrigin() != null) {
			description += "\n\nOrigin: " + bind.getProperty().getOrigin();
		}
		return new FailureAnalysis(description,
				"Update the application's configuration: set " + bind.getName() + " to one of the values above.", cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
