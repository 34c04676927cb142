package dev.ratchet.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import dev.ratchet.AdoptResult;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.adopt.Adoption;

/**
 * {@code adopt}: under the lock, takes over a Flyway or Prisma history and does nothing else.
 */
final class AdoptOperation extends LockedOperation<AdoptResult> {

	private final List<ResolvedMigration> resolved;

	AdoptOperation(List<ResolvedMigration> resolved) {
		super("adopt", "adopt the migration history");
		this.resolved = resolved;
	}

	@Override
	AdoptResult run(Run run) throws SQLException {
		return adoption(run.configuration(), run.schema(), this.resolved).adopt(run.connection(), run.history());
	}

	/**
	 * The adoption of a foreign history into the given schema, for the given resolved migrations.
	 */
	static Adoption adoption(RatchetConfiguration configuration, String schema, List<ResolvedMigration> resolved) {
		return new Adoption(configuration, schema,
				resolved.stream().map(ResolvedMigration::file).filter(Objects::nonNull).toList());
	}

}
