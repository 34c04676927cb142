package dev.ratchet;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API boundary of {@code ratchet-core}: its module exports the API packages only, and nothing
 * those packages show users (public and protected signatures) names a type of a package it does
 * not export.
 */
class ModuleBoundaryTests {

	static final Set<String> API = Set.of("dev.ratchet", "dev.ratchet.data", "dev.ratchet.drift", "dev.ratchet.lint",
			"dev.ratchet.tenant");

	private static final Path CLASSES = classes();

	@Test
	void moduleExportsTheApiPackagesOnly() throws IOException {
		ModuleDescriptor module = module();
		assertThat(module.name()).isEqualTo("dev.ratchet");
		assertThat(module.exports()).allSatisfy((export) -> assertThat(export.isQualified()).isFalse());
		assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source)).containsExactlyInAnyOrderElementsOf(API);
		Set<String> compiled = compiledPackages();
		assertThat(compiled).containsAll(API);
		assertThat(compiled).as("engine internals, SQL reader, history tables and lock stay inside")
			.contains("dev.ratchet.internal", "dev.ratchet.sql", "dev.ratchet.history", "dev.ratchet.lock",
					"dev.ratchet.resolve", "dev.ratchet.drift.internal", "dev.ratchet.lint.internal");
	}

	@Test
	void apiSignaturesNameOnlyExportedTypes() throws IOException {
		Set<String> exported = module().exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
		List<String> leaks = new ArrayList<>();
		for (Class<?> type : apiTypes(exported)) {
			List<Type> shown = new ArrayList<>();
			if (type.getGenericSuperclass() != null) {
				shown.add(type.getGenericSuperclass());
			}
			shown.addAll(List.of(type.getGenericInterfaces()));
			for (Field field : type.getDeclaredFields()) {
				if (visible(field)) {
					shown.add(field.getGenericType());
				}
			}
			for (Executable executable : executables(type)) {
				if (visible(executable)) {
					shown.addAll(List.of(executable.getGenericParameterTypes()));
					shown.addAll(List.of(executable.getGenericExceptionTypes()));
					if (executable instanceof Method method) {
						shown.add(method.getGenericReturnType());
					}
				}
			}
			for (Type shownType : shown) {
				for (Class<?> named : named(shownType, new ArrayList<>())) {
					String pkg = named.getPackageName();
					if (pkg.startsWith("dev.ratchet") && !exported.contains(pkg)) {
						leaks.add(type.getName() + " shows " + named.getName());
					}
				}
			}
		}
		assertThat(leaks).as("API types that show types of packages the module does not export").isEmpty();
	}

	private static List<Executable> executables(Class<?> type) {
		List<Executable> all = new ArrayList<>(List.of(type.getDeclaredConstructors()));
		all.addAll(List.of(type.getDeclaredMethods()));
		return all;
	}

	private static boolean visible(Member member) {
		int modifiers = member.getModifiers();
		return !member.isSynthetic() && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
	}

	private static List<Class<?>> named(Type type, List<Class<?>> into) {
		if (type instanceof Class<?> c) {
			into.add(c.isArray() ? c.componentType() : c);
		}
		else if (type instanceof ParameterizedType p) {
			named(p.getRawType(), into);
			for (Type argument : p.getActualTypeArguments()) {
				named(argument, into);
			}
		}
		else if (type instanceof GenericArrayType a) {
			named(a.getGenericComponentType(), into);
		}
		else if (type instanceof WildcardType w) {
			Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds())).forEach((b) -> named(b, into));
		}
		else if (type instanceof TypeVariable<?> v) {
			for (Type bound : v.getBounds()) {
				if (bound != type) {
					named(bound, into);
				}
			}
		}
		return into;
	}

	private static Set<Class<?>> apiTypes(Set<String> exported) throws IOException {
		Set<Class<?>> types = new LinkedHashSet<>();
		try (Stream<Path> files = Files.walk(CLASSES)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				String relative = CLASSES.relativize(file).toString();
				if (!relative.endsWith(".class") || relative.equals("module-info.class")
						|| relative.endsWith("package-info.class")) {
					continue;
				}
				String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
				Class<?> type = load(name);
				if (exported.contains(type.getPackageName()) && isVisible(type)) {
					types.add(type);
				}
			}
		}
		assertThat(types).hasSizeGreaterThan(20);
		return types;
	}

	private static boolean isVisible(Class<?> type) {
		for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
			if (!Modifier.isPublic(c.getModifiers()) && !Modifier.isProtected(c.getModifiers())) {
				return false;
			}
		}
		return !type.isAnonymousClass() && !type.isSynthetic();
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, ModuleBoundaryTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ModuleDescriptor module() throws IOException {
		try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
			return ModuleDescriptor.read(in);
		}
	}

	private static Path classes() {
		try {
			return Path.of(Ratchet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Set<String> compiledPackages() throws IOException {
		try (Stream<Path> files = Files.walk(CLASSES)) {
			return files.filter((file) -> file.toString().endsWith(".class"))
				.map((file) -> CLASSES.relativize(file.getParent()).toString().replace('/', '.'))
				.filter((pkg) -> pkg.startsWith("dev.ratchet"))
				.collect(Collectors.toCollection(TreeSet::new));
		}
	}

}
