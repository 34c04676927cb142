package dev.ratchet.boot.command;

import java.io.PrintStream;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;

/**
 * Prints a {@link CommandReport} as one JSON document, with Jackson 3.
 */
final class JsonReportWriter implements ReportWriter {

	private static final String JSON_MAPPER = "tools.jackson.databind.json.JsonMapper";

	// Null fields are left out, as the migrations endpoint leaves them out: one shape for both.
	private final JsonMapper mapper = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.changeDefaultPropertyInclusion(
				(inclusion) -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
		.build();

	static boolean isAvailable(ClassLoader classLoader) {
		return ClassUtils.isPresent(JSON_MAPPER, classLoader);
	}

	@Override
	public void write(CommandReport report, PrintStream out) {
		out.println(this.mapper.writeValueAsString(report));
	}

}
