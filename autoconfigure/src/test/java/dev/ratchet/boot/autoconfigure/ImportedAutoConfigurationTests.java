package dev.ratchet.boot.autoconfigure;

import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.GenericBeanDefinition;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up the tests of one optional auto-configuration share (endpoint, health, metrics,
 * observations). Nothing here connects to a database.
 */
abstract class ImportedAutoConfigurationTests {

	final ApplicationContextRunner contextRunner;

	/**
	 * Creates a context runner that imports the auto-configuration as an application does: by class
	 * name, so that its conditions are read from its bytecode and those on classes absent from the
	 * class path do not match, rather than fail (registering the class itself would read them by
	 * reflection).
	 * @param autoConfiguration the auto-configuration under test
	 */
	ImportedAutoConfigurationTests(Class<?> autoConfiguration) {
		this.contextRunner = new ApplicationContextRunner().withInitializer((context) -> {
			GenericBeanDefinition definition = new GenericBeanDefinition();
			definition.setBeanClassName(autoConfiguration.getName());
			((BeanDefinitionRegistry) context).registerBeanDefinition(autoConfiguration.getName(), definition);
		});
	}

	/**
	 * Returns the context runner with a {@link Ratchet} bean.
	 * @return the runner
	 */
	ApplicationContextRunner withRatchet() {
		return this.contextRunner.withBean(Ratchet.class, ImportedAutoConfigurationTests::ratchet);
	}

	/**
	 * Returns the context runner with a {@link Ratchet} bean, on a class path without the given
	 * package.
	 * @param packageName the package the application does not have
	 * @return the runner
	 */
	ApplicationContextRunner withRatchetWithout(String packageName) {
		return withRatchet().withClassLoader(new FilteredClassLoader(packageName));
	}

	/**
	 * Asserts that the context starts and has no bean of the given type: the auto-configuration
	 * backed off.
	 * @param runner the runner
	 * @param beanType the type the auto-configuration would have added
	 */
	static void assertBacksOff(ApplicationContextRunner runner, Class<?> beanType) {
		runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(beanType));
	}

	static Ratchet ratchet() {
		return new Ratchet(RatchetConfiguration.builder(RatchetAutoConfigurationTests.unreachable()).build());
	}

}
