package dev.ratchet.sample;

import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The request the sample app's tests make most: a GET that must answer 200, whose body the test
 * then checks.
 */
final class RestChecks {

	private RestChecks() {
	}

	/**
	 * Sends a GET, expects 200 OK and returns the body to check.
	 * @param client the test's client
	 * @param uri the path, a template
	 * @param uriVariables the values of the template's variables
	 * @return the body spec
	 */
	static RestTestClient.BodyContentSpec getOk(RestTestClient client, String uri, Object... uriVariables) {
		return client.get().uri(uri, uriVariables).exchange().expectStatus().isOk().expectBody();
	}

}
