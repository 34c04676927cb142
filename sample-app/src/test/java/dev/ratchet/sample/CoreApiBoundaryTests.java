package dev.ratchet.sample;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import dev.ratchet.test.CoreModule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app, main code and tests, uses only the packages {@code ratchet-core}'s
 * {@code module-info} exports. On the class path, where Boot applications run, the module system
 * does not hold it to that; this test does.
 */
class CoreApiBoundaryTests {

	@Test
	void sampleAppUsesOnlyThePackagesTheCoreExports() {
		JavaClasses app = new ClassFileImporter().importPackages("dev.ratchet.sample");
		assertThat(app.contain(SampleApplication.class)).isTrue();
		assertThat(app.contain(CoreApiBoundaryTests.class)).as("tests are held to it too").isTrue();
		CoreModule.usesOnlyExportedPackages().check(app);
	}

}
