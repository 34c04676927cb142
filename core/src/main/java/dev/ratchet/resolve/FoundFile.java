package dev.ratchet.resolve;

/**
 * A SQL file found in a location, before its name or content is read.
 *
 * @param location the location it was found in
 * @param script the path relative to the location, {@code /}-separated
 * @param root where the location was found on the classpath (a folder or jar URL), {@code null} on
 * the file system; it tells apart copies of one file in two classpath entries
 * @param source opens the content
 */
record FoundFile(Location location, String script, String root, ScriptSource source) {

	String fileName() {
		return this.script.substring(this.script.lastIndexOf('/') + 1);
	}

	/**
	 * Names the file for messages, for example {@code classpath:db/migration/V1__init.sql}.
	 */
	String name() {
		return this.location.describe(this.script);
	}

	/**
	 * Names the file and, on the classpath, the folder or jar holding it.
	 */
	String nameAndRoot() {
		return (this.root != null) ? name() + " (in " + this.root + ")" : name();
	}

}
