package dev.ratchet.boot.command;

import java.io.PrintStream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;

/**
 * Prints a {@link CommandReport} as one JSON document, with Jackson 3.
 */
final class JsonReportWriter implements ReportWriter {

	private static final String JSON_MAPPER = "tools.jackson.databind.json.JsonMapper";

	private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	static boolean isAvailable(ClassLoader classLoader) {
		return ClassUtils.isPresent(JSON_MAPPER, classLoader);
	}

	@Override
	public void write(CommandReport report, PrintStream out) {
		out.println(this.mapper.writeValueAsString(report));
	}

}
