package dev.ratchet.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the Kubernetes recipe in {@code deploy/kubernetes} against the contract and the sample app's
 * configuration: the manifests parse, the Job runs a real command and treats its exit codes as the
 * contract defines them, and the probes and scrape path point at endpoints the app exposes.
 * {@code KubernetesRecipeIntegrationTests} runs the Job's command and the status gate for real.
 */
class KubernetesManifestsTests {

	static final Path DIRECTORY = Path.of("..", "deploy", "kubernetes");

	private static final List<String> COMMANDS = List.of("status", "validate", "migrate", "plan", "repair", "baseline");

	@Test
	void everyManifestParses() throws IOException {
		try (var files = Files.list(DIRECTORY)) {
			List<Path> manifests = files.filter((file) -> file.toString().endsWith(".yaml")).toList();
			assertThat(manifests).hasSize(2);
			for (Path manifest : manifests) {
				assertThat(documents(manifest)).allSatisfy((document) -> assertThat(document)
					.containsKeys("apiVersion", "kind", "metadata", "spec"));
			}
		}
	}

	@Test
	void jobRunsAContractCommandAndFailsAtOnceOnlyOnAFailedMigration() throws IOException {
		Map<String, Object> job = only(documents(DIRECTORY.resolve("migrate-job.yaml")), "Job");
		Map<String, Object> spec = map(job, "spec");
		Map<String, Object> pod = map(map(spec, "template"), "spec");
		assertThat(pod.get("restartPolicy")).isEqualTo("Never");
		Map<String, Object> container = containers(pod).get(0);
		assertThat(jobCommand()).isIn(COMMANDS);
		assertThat(jobCommand()).isEqualTo("migrate");
		List<Map<String, Object>> rules = list(map(spec, "podFailurePolicy"), "rules");
		Map<String, Object> exitRule = rules.stream().filter((rule) -> rule.containsKey("onExitCodes")).findFirst().orElseThrow();
		assertThat(exitRule.get("action")).isEqualTo("FailJob");
		Map<String, Object> onExitCodes = map(exitRule, "onExitCodes");
		assertThat(onExitCodes.get("containerName")).isEqualTo(container.get("name"));
		assertThat(onExitCodes.get("operator")).isEqualTo("In");
		// 2: a migration failed, retrying cannot help; 3 (could not run) is left to backoffLimit
		assertThat(onExitCodes.get("values")).isEqualTo(List.of(2));
		assertThat((Integer) spec.get("backoffLimit")).isPositive();
	}

	@Test
	void deploymentValidatesAndProbesExistingEndpoints() throws IOException {
		Map<String, Object> deployment = only(documents(DIRECTORY.resolve("deployment.yaml")), "Deployment");
		Map<String, Object> template = map(map(deployment, "spec"), "template");
		Map<String, Object> container = containers(map(template, "spec")).get(0);
		assertThat(env(container)).containsEntry("RATCHET_MODE", "validate");
		assertThat(probePaths()).containsEntry("readinessProbe", "/actuator/health/readiness")
			.containsEntry("livenessProbe", "/actuator/health/liveness");
		assertThat(map(map(template, "metadata"), "annotations")).containsEntry("prometheus.io/path", "/actuator/prometheus");
		Properties app = sampleProperties();
		assertThat(app.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
		assertThat(app.getProperty("management.endpoints.web.exposure.include").split(",")).contains("health", "prometheus");
		assertThat(env(container).get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE").split(",")).contains("migrations");
		assertThat(app.getProperty("management.endpoint.health.group.readiness.include").split(",")).contains("migrations");
	}

	@Test
	void readinessNotLivenessHoldsTheMigrationsContributor() throws IOException {
		Properties app = sampleProperties();
		assertThat(app.getProperty("management.endpoint.health.group.liveness.include", "livenessState"))
			.doesNotContain("migrations");
	}

	/**
	 * Returns the command the Job's container runs, from its {@code --ratchet.command=} argument.
	 */
	static String jobCommand() throws IOException {
		return jobArguments().stream()
			.filter((argument) -> argument.startsWith("--ratchet.command="))
			.map((argument) -> argument.substring("--ratchet.command=".length()))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Returns the arguments of the Job's container.
	 */
	@SuppressWarnings("unchecked")
	static List<String> jobArguments() throws IOException {
		Map<String, Object> job = only(documents(DIRECTORY.resolve("migrate-job.yaml")), "Job");
		Map<String, Object> container = containers(map(map(map(job, "spec"), "template"), "spec")).get(0);
		return (List<String>) container.get("args");
	}

	/**
	 * Returns the HTTP paths of the Deployment's probes, by probe name.
	 */
	static Map<String, String> probePaths() throws IOException {
		Map<String, Object> deployment = only(documents(DIRECTORY.resolve("deployment.yaml")), "Deployment");
		Map<String, Object> container = containers(map(map(map(deployment, "spec"), "template"), "spec")).get(0);
		Map<String, String> paths = new java.util.LinkedHashMap<>();
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			if (container.containsKey(probe)) {
				paths.put(probe, (String) map(map(container, probe), "httpGet").get("path"));
			}
		}
		return paths;
	}

	private static Properties sampleProperties() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
			properties.load(in);
		}
		return properties;
	}

	private static Map<String, String> env(Map<String, Object> container) {
		Map<String, String> env = new java.util.LinkedHashMap<>();
		for (Map<String, Object> variable : list(container, "env")) {
			env.put((String) variable.get("name"), (String) variable.get("value"));
		}
		return env;
	}

	private static List<Map<String, Object>> containers(Map<String, Object> podSpec) {
		return list(podSpec, "containers");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> documents(Path manifest) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (InputStream in = Files.newInputStream(manifest)) {
			for (Object document : new Yaml().loadAll(in)) {
				assertThat(document).as(manifest + " holds a mapping per document").isInstanceOf(Map.class);
				documents.add((Map<String, Object>) document);
			}
		}
		return documents;
	}

	private static Map<String, Object> only(List<Map<String, Object>> documents, String kind) {
		List<Map<String, Object>> ofKind = documents.stream().filter((document) -> kind.equals(document.get("kind"))).toList();
		assertThat(ofKind).as("documents of kind " + kind).hasSize(1);
		return ofKind.get(0);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		return (Map<String, Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
		assertThat(parent).containsKey(key);
		return (List<Map<String, Object>>) parent.get(key);
	}

}
