package dev.ratchet.boot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import dev.ratchet.test.CoreModule;
import dev.ratchet.test.MigrationLock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Boot side, main code and tests, uses only the packages {@code ratchet-core}'s
 * {@code module-info} exports. On the class path, where Boot applications run, the module system
 * does not hold it to that; this test does.
 */
class CoreApiBoundaryTests {

	@Test
	void bootUsesOnlyThePackagesTheCoreExports() {
		JavaClasses boot = new ClassFileImporter().importPackages("dev.ratchet.boot");
		assertThat(boot.contain(dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration.class)).isTrue();
		assertThat(boot.contain(CoreApiBoundaryTests.class)).as("tests are held to it too").isTrue();
		CoreModule.usesOnlyExportedPackages().check(boot);
	}

	@Test
	void ruleCatchesAClassThatReachesIntoTheCore() {
		// The test helper uses the core's lock, as code outside the core may not.
		JavaClasses helper = new ClassFileImporter().importClasses(MigrationLock.class);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> CoreModule.usesOnlyExportedPackages().check(helper))
			.withMessageContaining("dev.ratchet.lock.AdvisoryLock");
	}

}
