package dev.ratchet.sample;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import dev.ratchet.test.CoreModule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app, main code and tests, uses only the packages {@code ratchet-core}'s
 * {@code module-info} exports. On the class path, where Boot applications run, the module system
 * does not hold it to that; this test does.
 */
class CoreApiBoundaryTests {

	private static final Set<String> EXPORTED = CoreModule.exportedPackages();

	@Test
	void sampleAppUsesOnlyThePackagesTheCoreExports() {
		JavaClasses app = new ClassFileImporter().importPackages("dev.ratchet.sample");
		assertThat(app.contain(SampleApplication.class)).isTrue();
		assertThat(app.contain(CoreApiBoundaryTests.class)).as("tests are held to it too").isTrue();
		rule().check(app);
	}

	private static ArchRule rule() {
		return noClasses().should()
			.dependOnClassesThat(inCorePackageNotExported())
			.because("ratchet-core's module-info exports only " + EXPORTED
					+ "; add what is missing to the API, or a test helper to the core's test-jar");
	}

	private static DescribedPredicate<JavaClass> inCorePackageNotExported() {
		return DescribedPredicate.describe("are in a package of ratchet-core it does not export", (type) -> {
			String pkg = type.getPackageName();
			boolean ratchet = pkg.equals("dev.ratchet") || pkg.startsWith("dev.ratchet.");
			boolean outsideCore = pkg.startsWith("dev.ratchet.boot") || pkg.equals("dev.ratchet.test")
					|| pkg.startsWith("dev.ratchet.sample") || pkg.equals("dev.ratchet.testing");
			return ratchet && !outsideCore && !EXPORTED.contains(pkg);
		});
	}

}
