package dev.ratchet.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.TypeDescriptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata IDEs show for {@code ratchet.*}, as the build generates it: every
 * property of the contract is there, every property has a description, and every property whose
 * default is a value has that default, equal to what {@link RatchetProperties} starts with.
 */
class RatchetConfigurationMetadataTests {

	/** The properties CONTRACT.md lists, with their documented defaults ({@code null}: none). */
	private static final Map<String, String> CONTRACT = new LinkedHashMap<>();

	static {
		CONTRACT.put("ratchet.enabled", "true");
		CONTRACT.put("ratchet.mode", "migrate");
		CONTRACT.put("ratchet.command", null);
		CONTRACT.put("ratchet.locations", "classpath:db/migration");
		CONTRACT.put("ratchet.schema", null);
		CONTRACT.put("ratchet.table", "ratchet_history");
		CONTRACT.put("ratchet.url", null);
		CONTRACT.put("ratchet.username", null);
		CONTRACT.put("ratchet.password", null);
		CONTRACT.put("ratchet.lock.wait-timeout", "10m");
		CONTRACT.put("ratchet.baseline-on-migrate", "false");
		CONTRACT.put("ratchet.baseline-version", "1");
		CONTRACT.put("ratchet.out-of-order", "false");
		CONTRACT.put("ratchet.placeholders", null);
	}

	private static Map<String, JsonNode> properties;

	@BeforeAll
	static void readMetadata() throws IOException {
		properties = new LinkedHashMap<>();
		Enumeration<URL> files = RatchetConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (files.hasMoreElements()) {
			try (InputStream in = files.nextElement().openStream()) {
				for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("ratchet.")) {
						properties.put(name, property);
					}
				}
			}
		}
		assertThat(properties).as("ratchet.* properties in the generated metadata").isNotEmpty();
	}

	@Test
	void everyContractPropertyIsDescribedWithItsDefault() {
		assertThat(properties).containsKeys(CONTRACT.keySet().toArray(String[]::new));
		CONTRACT.forEach((name, documented) -> {
			JsonNode property = properties.get(name);
			if (documented != null) {
				assertThat(property.has("defaultValue")).as(name + " has a default").isTrue();
				JsonNode value = property.get("defaultValue");
				String text = value.isArray() ? value.get(0).asString() : value.asString();
				assertThat(text).as(name + " default").isEqualToIgnoringCase(documented);
			}
		});
	}

	@Test
	void everyPropertyHasADescription() {
		List<String> undocumented = new ArrayList<>();
		properties.forEach((name, property) -> {
			JsonNode description = property.get("description");
			if (description == null || description.asString().isBlank()) {
				undocumented.add(name);
			}
		});
		assertThat(undocumented).as("ratchet.* properties without a description").isEmpty();
	}

	@Test
	void everyPropertyWithAValueByDefaultDeclaresItAndItMatches() {
		BeanWrapperImpl defaults = new BeanWrapperImpl(new RatchetProperties());
		List<String> problems = new ArrayList<>();
		properties.forEach((name, property) -> {
			String path = camelCase(name.substring("ratchet.".length()));
			if (!defaults.isReadableProperty(path)) {
				return;
			}
			Object actual = defaults.getPropertyValue(path);
			if (actual == null || (actual instanceof Map<?, ?> map && map.isEmpty())
					|| (actual instanceof java.util.Collection<?> collection && collection.isEmpty())) {
				return;
			}
			if (!property.has("defaultValue")) {
				problems.add(name + " starts as " + actual + " but its metadata gives no default");
				return;
			}
			Object declared = convert(property.get("defaultValue"), defaults.getPropertyTypeDescriptor(path));
			if (!actual.equals(declared)) {
				problems.add(name + " starts as " + actual + " but its metadata says " + property.get("defaultValue"));
			}
		});
		assertThat(problems).isEmpty();
	}

	private static Object convert(JsonNode value, TypeDescriptor type) {
		Object raw;
		if (value.isArray()) {
			List<String> items = new ArrayList<>();
			value.forEach((item) -> items.add(item.asString()));
			raw = items;
		}
		else {
			raw = value.asString();
		}
		TypeDescriptor source = (raw instanceof Collection<?>) ? TypeDescriptor.forObject(raw)
				: TypeDescriptor.valueOf(String.class);
		return ApplicationConversionService.getSharedInstance().convert(raw, source, type);
	}

	private static String camelCase(String dashed) {
		StringBuilder result = new StringBuilder();
		boolean upper = false;
		for (char c : dashed.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				result.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return result.toString();
	}

}
