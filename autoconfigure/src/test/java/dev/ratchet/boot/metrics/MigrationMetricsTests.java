package dev.ratchet.boot.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.data.DataMigrationState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meters counted from events alone.
 */
class MigrationMetricsTests {

	@Test
	void operatorsStateChangesAreCountedByAction() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		MigrationMetrics metrics = new MigrationMetrics(registry);
		MigrationDescriptor backfill = new MigrationDescriptor(MigrationVersion.parse("1.1"), "backfill",
				MigrationType.JAVA, "Backfill", null);
		metrics.onEvent(new MigrationEvent.DataStateChanged(backfill, "pause", DataMigrationState.PAUSED, "alice"));
		metrics.onEvent(new MigrationEvent.DataStateChanged(backfill, "resume", DataMigrationState.INTERRUPTED, "bob"));
		metrics.onEvent(new MigrationEvent.DataStateChanged(backfill, "pause", DataMigrationState.PAUSED, "bob"));
		assertThat(registry.get("ratchet.data.state.changes").tag("action", "pause").counter().count()).isEqualTo(2);
		assertThat(registry.get("ratchet.data.state.changes").tag("action", "resume").counter().count()).isEqualTo(1);
	}

}
