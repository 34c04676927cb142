package dev.ratchet.boot.diagnostics;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.NestedExceptionUtils;

/**
 * Says what is wrong with a {@code ratchet.*} property value that could not be bound, in the
 * words a user writes it in: the property, the value, and the values it takes. Java's own message
 * for an enum ("No enum constant …") names a class, not a property.
 */
public final class RatchetPropertyValues {

	private RatchetPropertyValues() {
	}

	/**
	 * Describes the first failure to bind a {@code ratchet.*} property in a chain of causes.
	 * @param failure a start-up failure
	 * @return the description, or {@code null} when the failure is not such a binding failure
	 */
	public static String describeBindingFailure(Throwable failure) {
		BindException bind = find(failure);
		return (bind != null) ? describe(bind) : null;
	}

	static BindException find(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof BindException bind && bind.getName().toString().startsWith("ratchet.")) {
				return bind;
			}
		}
		return null;
	}

	static String describe(BindException bind) {
		String name = bind.getName().toString();
		ConfigurationProperty property = bind.getProperty();
		String value = (property != null) ? String.valueOf(property.getValue()) : null;
		String invalid = (value != null) ? "Invalid value '" + value + "' for " + name : "Invalid value for " + name;
		Class<?> type = bind.getTarget().getType().resolve(Object.class);
		if (type.isEnum()) {
			return invalid + ": expected one of " + validValues(type) + ".";
		}
		if (type == Duration.class) {
			return invalid + ": expected a duration such as 500ms, 30s or 10m (or ISO-8601, such as PT10M).";
		}
		return invalid + ": " + NestedExceptionUtils.getMostSpecificCause(bind).getMessage();
	}

	static String validValues(Class<?> enumType) {
		return Arrays.stream(enumType.getEnumConstants())
			.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
			.collect(Collectors.joining(", "));
	}

}
