package dev.ratchet.boot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages of the Spring Boot side depend on each other in one direction only, and what works
 * without Actuator does not live beside it.
 */
class PackageStructureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.ratchet.boot");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("dev.ratchet.boot.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void onlyTheActuatorPackagesUseActuator() {
		noClasses().that()
			.resideOutsideOfPackages("dev.ratchet.boot.actuate..", "dev.ratchet.boot.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.boot.actuate..", "org.springframework.boot.health..")
			.check(classes);
	}

	@Test
	void commandsDoNotDependOnTheAutoConfiguration() {
		noClasses().that()
			.resideInAnyPackage("dev.ratchet.boot.command..", "dev.ratchet.boot.monitor..", "dev.ratchet.boot.report..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ratchet.boot.autoconfigure..", "dev.ratchet.boot.actuate..")
			.check(classes);
	}

}
