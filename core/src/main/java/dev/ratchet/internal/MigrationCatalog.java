package dev.ratchet.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationResolutionException;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.resolve.MigrationResolver;
import dev.ratchet.resolve.SqlMigrationFile;

/**
 * Every migration this instance knows, SQL files and Java migrations merged in the order they
 * apply: versioned by version, then repeatables. Resolved once and cached, so status calls do
 * not rescan the classpath.
 */
final class MigrationCatalog {

	private final RatchetConfiguration configuration;

	private volatile List<ResolvedMigration> migrations;

	MigrationCatalog(RatchetConfiguration configuration) {
		this.configuration = configuration;
	}

	/**
	 * Resolves the migrations on a thread of its own, unless they are resolved already, so that the
	 * caller can open its first connection meanwhile: on a cold start-up, reading and checksumming
	 * the files and opening the pool's first connection each take a good part of Ratchet's time.
	 * The thread takes the caller's context class loader.
	 * @return the migrations, when resolved; {@link #join} them
	 */
	CompletableFuture<List<ResolvedMigration>> migrationsMeanwhile() {
		List<ResolvedMigration> result = this.migrations;
		if (result != null) {
			return CompletableFuture.completedFuture(result);
		}
		CompletableFuture<List<ResolvedMigration>> future = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				future.complete(migrations());
			}
			catch (Throwable ex) {
				future.completeExceptionally(ex);
			}
		}, "ratchet-resolve");
		thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
		thread.setDaemon(true);
		thread.start();
		return future;
	}

	/**
	 * Waits for {@link #migrationsMeanwhile()}, throwing what resolving threw.
	 * @param migrations the future
	 * @return the migrations
	 */
	static List<ResolvedMigration> join(CompletableFuture<List<ResolvedMigration>> migrations) {
		try {
			return migrations.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	List<ResolvedMigration> migrations() {
		List<ResolvedMigration> result = this.migrations;
		if (result == null) {
			result = resolve();
			this.migrations = result;
		}
		return result;
	}

	private List<ResolvedMigration> resolve() {
		List<ResolvedMigration> versioned = new ArrayList<>();
		List<ResolvedMigration> repeatable = new ArrayList<>();
		List<SqlMigrationFile> files = new MigrationResolver(this.configuration.getLocations(),
				this.configuration.getClassLoader())
			.resolve();
		Map<MigrationVersion, SqlMigrationFile> undos = new HashMap<>();
		files.stream().filter((file) -> file.type() == MigrationType.UNDO_SQL).forEach((file) -> undos.put(file.version(), file));
		for (SqlMigrationFile file : files) {
			if (file.type() == MigrationType.UNDO_SQL) {
				continue;
			}
			MigrationDescriptor descriptor = new MigrationDescriptor(file.version(), file.description(), file.type(),
					file.script(), file.checksum());
			((file.type() == MigrationType.REPEATABLE) ? repeatable : versioned)
				.add(new ResolvedMigration(descriptor, file, null, (file.version() != null) ? undos.get(file.version()) : null));
		}
		for (JavaMigration java : this.configuration.getJavaMigrations()) {
			versioned.add(new ResolvedMigration(describe(java), null, java));
		}
		versioned.sort(Comparator.comparing((ResolvedMigration m) -> m.descriptor().version()));
		rejectDuplicateVersions(versioned);
		List<ResolvedMigration> all = new ArrayList<>(versioned);
		all.addAll(repeatable);
		return List.copyOf(all);
	}

	private static MigrationDescriptor describe(JavaMigration java) {
		String name = java.getClass().getName();
		String version = java.version();
		if (!MigrationVersion.isValid(version)) {
			throw new MigrationResolutionException("Java migration " + name + " declares version '" + version
					+ "', which is not a version: use digits in parts separated by '.' or '_', for example 2.1");
		}
		String description = java.description();
		if (description == null || description.isBlank()) {
			throw new MigrationResolutionException(
					"Java migration " + name + " declares no description: return a short one from description()");
		}
		return new MigrationDescriptor(MigrationVersion.parse(version), description, MigrationType.JAVA, name,
				java.checksum());
	}

	private static void rejectDuplicateVersions(List<ResolvedMigration> sorted) {
		Map<MigrationVersion, ResolvedMigration> seen = new HashMap<>();
		for (ResolvedMigration migration : sorted) {
			ResolvedMigration other = seen.putIfAbsent(migration.descriptor().version(), migration);
			if (other != null) {
				throw new MigrationResolutionException("Two migrations have version "
						+ migration.descriptor().version() + ": " + where(other) + " and " + where(migration)
						+ ". Each version must be unique: renumber one of them.");
			}
		}
	}

	private static String where(ResolvedMigration migration) {
		return (migration.file() != null) ? migration.file().location() + "/" + migration.file().script()
				: "Java migration " + migration.descriptor().script();
	}

}
