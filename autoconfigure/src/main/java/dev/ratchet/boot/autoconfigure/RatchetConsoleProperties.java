package dev.ratchet.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The console page ({@code ratchet.console.*}).
 */
@ConfigurationProperties("ratchet.console")
public class RatchetConsoleProperties {

	/**
	 * Whether to serve the console page, a view of the migrations endpoint with buttons for its write
	 * operation when that is enabled. Needs Spring MVC and the endpoint exposed over HTTP.
	 */
	private boolean enabled;

	/**
	 * Path of the console page.
	 */
	private String path = "/ratchet";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

}
