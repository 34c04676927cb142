package dev.ratchet.test;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import dev.ratchet.Ratchet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What {@code ratchet-core}'s {@code module-info} exports, read from the core on the class path,
 * and the rule that holds other modules (the Boot side, the sample app) to the core's API.
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

	/**
	 * Returns the ArchUnit rule that holds code outside the core to the packages the core exports:
	 * on the class path, where Boot applications run, the module system does not.
	 * @return the rule, to check against the classes of the module under test
	 */
	public static ArchRule usesOnlyExportedPackages() {
		Set<String> exported = exportedPackages();
		return noClasses().should()
			.dependOnClassesThat(inCorePackageNotExported(exported))
			.because("ratchet-core's module-info exports only " + exported
					+ "; add what is missing to the API, or a test helper to the core's test-jar");
	}

	private static DescribedPredicate<JavaClass> inCorePackageNotExported(Set<String> exported) {
		return DescribedPredicate.describe("are in a package of ratchet-core it does not export", (type) -> {
			String pkg = type.getPackageName();
			boolean ratchet = pkg.equals("dev.ratchet") || pkg.startsWith("dev.ratchet.");
			boolean outsideCore = pkg.startsWith("dev.ratchet.boot") || pkg.equals("dev.ratchet.test")
					|| pkg.startsWith("dev.ratchet.sample") || pkg.equals("dev.ratchet.testing")
					|| pkg.startsWith("dev.ratchet.testing.");
			return ratchet && !outsideCore && !exported.contains(pkg);
		});
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
