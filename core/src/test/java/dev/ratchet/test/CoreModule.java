package dev.ratchet.test;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ratchet.Ratchet;

/**
 * What {@code ratchet-core}'s {@code module-info} exports, read from the core on the class path,
 * for tests that hold other modules to the core's API.
 */
public final class CoreModule {

	private CoreModule() {
	}

	/**
	 * Returns the packages the core exports to every module.
	 * @return the package names
	 */
	public static Set<String> exportedPackages() {
		Path location = location();
		ModuleReference core = ModuleFinder.of(location)
			.findAll()
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No module at " + location));
		ModuleDescriptor descriptor = core.descriptor();
		if (descriptor.isAutomatic() || !descriptor.name().equals("dev.ratchet")) {
			throw new IllegalStateException("ratchet-core at " + location + " has no module-info for dev.ratchet");
		}
		return descriptor.exports()
			.stream()
			.filter((export) -> !export.isQualified())
			.map(ModuleDescriptor.Exports::source)
			.collect(Collectors.toUnmodifiableSet());
	}

	private static Path location() {
		try {
			return Path.of(Ratchet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
