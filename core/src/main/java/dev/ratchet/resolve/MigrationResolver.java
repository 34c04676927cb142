package dev.ratchet.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationResolutionException;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;

/**
 * Finds the SQL migrations in the configured locations: scans every location and its subfolders,
 * reads the file names, refuses misnamed files and duplicate versions, and checksums each file.
 * Either every file is usable and all are returned, or nothing is and the problems are reported
 * together.
 */
public final class MigrationResolver {

	private static final Logger logger = LoggerFactory.getLogger(MigrationResolver.class);

	private static final Comparator<SqlMigrationFile> ORDER = Comparator
		.comparing(SqlMigrationFile::version, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(SqlMigrationFile::type)
		.thenComparing(SqlMigrationFile::description);

	private final List<String> locations;

	private final ClassLoader classLoader;

	/**
	 * Creates a resolver.
	 * @param locations the locations, for example {@code classpath:db/migration}; an entry may hold
	 * several, separated by commas
	 * @param classLoader the class loader whose classpath {@code classpath:} locations are searched
	 */
	public MigrationResolver(List<String> locations, ClassLoader classLoader) {
		this.locations = List.copyOf(locations);
		this.classLoader = Objects.requireNonNull(classLoader, "classLoader must not be null");
	}

	/**
	 * Scans all locations and returns the migrations found: versioned ones by version (each undo
	 * script, {@link MigrationType#UNDO_SQL}, right after the migration it undoes), then repeatable
	 * ones by description.
	 * @return the migrations
	 * @throws MigrationResolutionException if a location is invalid, a file is misnamed or
	 * unreadable, two migrations share a version (or a repeatable description), or an undo script
	 * has no migration of its version
	 */
	public List<SqlMigrationFile> resolve() {
		long start = System.nanoTime();
		Set<Location> locations = parseLocations();
		List<FoundFile> found = scan(locations);
		// Prisma's folder problems are reported with the misnamed files
		ResolutionProblems problems = new ResolutionProblems();
		List<NamedFile> named = readNames(found, prismaFolders(locations, problems), problems);
		checkDuplicates(named);
		List<SqlMigrationFile> migrations = checksum(named);
		migrations.sort(ORDER);
		logger.debug("Resolved {} migrations from {} in {} ms", migrations.size(), this.locations,
				(System.nanoTime() - start) / 1_000_000);
		return List.copyOf(migrations);
	}

	private Set<Location> parseLocations() {
		ResolutionProblems problems = new ResolutionProblems();
		// the same location twice would only report every file as its own duplicate
		Set<Location> parsed = new LinkedHashSet<>();
		for (String entry : this.locations) {
			for (String location : entry.split(",")) {
				if (!location.isBlank()) {
					try {
						parsed.add(Location.parse(location));
					}
					catch (MigrationResolutionException ex) {
						problems.add(ex);
					}
				}
			}
		}
		problems.throwIfAny(null);
		return parsed;
	}

	private List<FoundFile> scan(Set<Location> locations) {
		ResolutionProblems problems = new ResolutionProblems();
		LocationScanner scanner = new LocationScanner(this.classLoader, problems);
		List<FoundFile> found = new ArrayList<>();
		for (Location location : locations) {
			found.addAll(scanner.scan(location));
		}
		problems.throwIfAny(null);
		return found;
	}

	private Set<Location> prismaFolders(Set<Location> locations, ResolutionProblems problems) {
		Set<Location> prisma = new LinkedHashSet<>();
		for (Location location : locations) {
			if (PrismaFolder.check(location, this.classLoader, problems)) {
				prisma.add(location);
			}
		}
		return prisma;
	}

	private List<NamedFile> readNames(List<FoundFile> found, Set<Location> prisma, ResolutionProblems problems) {
		List<NamedFile> named = new ArrayList<>(found.size());
		for (FoundFile file : found) {
			try {
				named.add(new NamedFile(file, prisma.contains(file.location()) ? PrismaFolder.parse(file.script())
						: MigrationFileName.parse(file.fileName())));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new MigrationResolutionException(
						"Migration file " + file.name() + " is misnamed: " + ex.getMessage() + ".", file.name(), 0, null));
			}
		}
		problems.throwIfAny(prisma.isEmpty() ? MigrationFileName.PATTERN
				: MigrationFileName.PATTERN + " " + PrismaFolder.PATTERN);
		return named;
	}

	private void checkDuplicates(List<NamedFile> named) {
		ResolutionProblems problems = new ResolutionProblems();
		Map<MigrationVersion, List<NamedFile>> byVersion = byKey(named, MigrationType.SQL, MigrationFileName::version);
		byVersion.forEach((version, files) -> {
			if (files.size() > 1) {
				problems.add("Migrations " + describe(files) + " have the same version " + version
						+ ": each version may be used once, renumber or remove all but one.");
			}
		});
		byKey(named, MigrationType.REPEATABLE, MigrationFileName::description).forEach((description, files) -> {
			if (files.size() > 1) {
				problems.add("Repeatable migrations " + describe(files) + " have the same description '" + description
						+ "': rename or remove all but one.");
			}
		});
		byKey(named, MigrationType.UNDO_SQL, MigrationFileName::version).forEach((version, files) -> {
			if (files.size() > 1) {
				problems.add("Undo scripts " + describe(files) + " undo the same version " + version
						+ ": keep one undo script per version.");
			}
			else if (!byVersion.containsKey(version)) {
				problems.add("Undo script " + files.get(0).file().nameAndRoot() + " undoes version " + version
						+ ", but there is no V" + version + "__<description>.sql migration: rename it after the "
						+ "version it undoes, or remove it.");
			}
		});
		problems.throwIfAny(null);
	}

	/**
	 * Groups the files of one type by a part of their names, in the order of that part.
	 */
	private static <K> Map<K, List<NamedFile>> byKey(List<NamedFile> named, MigrationType type,
			Function<MigrationFileName, K> key) {
		return named.stream()
			.filter((file) -> file.name().type() == type)
			.collect(Collectors.groupingBy((file) -> key.apply(file.name()), TreeMap::new, Collectors.toList()));
	}

	private static String describe(List<NamedFile> files) {
		List<String> names = files.stream().map((file) -> file.file().nameAndRoot()).toList();
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

	private List<SqlMigrationFile> checksum(List<NamedFile> named) {
		ResolutionProblems problems = new ResolutionProblems();
		List<SqlMigrationFile> migrations = new ArrayList<>(named.size());
		Checksums checksums = new Checksums();
		for (NamedFile file : named) {
			FoundFile found = file.file();
			try (InputStream in = found.source().open()) {
				String checksum = checksums.of(in, found.name());
				MigrationFileName name = file.name();
				migrations.add(new SqlMigrationFile(name.version(), name.description(), name.type(), found.script(),
						checksum, found.location(), found.source()));
			}
			catch (IOException ex) {
				problems.add(new MigrationResolutionException("Cannot read migration file " + found.nameAndRoot()
						+ ": " + ex + ". Check that it exists and is readable.", found.name(), 0, ex));
			}
			catch (MigrationResolutionException ex) {
				problems.add(ex);
			}
		}
		problems.throwIfAny(null);
		return migrations;
	}

	private record NamedFile(FoundFile file, MigrationFileName name) {
	}

}
