package dev.ratchet.testing;

import java.io.IOException;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

import dev.ratchet.JavaMigration;

/**
 * Keeps, of the application's scanned components, only the Java migrations and the configuration
 * classes that declare Java migration beans.
 */
final class MigrationsTypeExcludeFilter extends TypeExcludeFilter {

	@Override
	public boolean match(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory) throws IOException {
		ClassLoader classLoader = getClass().getClassLoader();
		if (isMigration(metadataReader.getClassMetadata().getClassName(), classLoader)) {
			return false;
		}
		if (metadataReader.getAnnotationMetadata().isAnnotated(Configuration.class.getName())) {
			for (MethodMetadata method : metadataReader.getAnnotationMetadata().getAnnotatedMethods(Bean.class.getName())) {
				if (isMigration(method.getReturnTypeName(), classLoader)) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean isMigration(String className, ClassLoader classLoader) {
		try {
			return JavaMigration.class.isAssignableFrom(ClassUtils.forName(className, classLoader));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
