package dev.ratchet.boot.aot;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.command.CommandReport;

/**
 * Hints that hold whatever the application's configuration: the default migration location, the
 * PostgreSQL driver type Ratchet looks up by name (to listen for lock releases), and the report
 * that one-shot commands write as JSON. The locations an application configures, and its Java
 * migrations, are added by {@link MigrationLocationsAotProcessor}.
 */
class RatchetRuntimeHints implements RuntimeHintsRegistrar {

	static final String PG_CONNECTION = "org.postgresql.PGConnection";

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		MigrationLocationsAotProcessor.registerLocation(hints, RatchetConfiguration.DEFAULT_LOCATION);
		hints.reflection().registerType(TypeReference.of(PG_CONNECTION));
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), CommandReport.class);
	}

}
