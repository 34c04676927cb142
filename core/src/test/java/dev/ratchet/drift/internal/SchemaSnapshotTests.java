package dev.ratchet.drift.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import dev.ratchet.drift.SchemaDifference;
import dev.ratchet.drift.SchemaObjectKind;

/**
 * Comparing snapshots, and taking in what a run changed while keeping what others changed.
 */
class SchemaSnapshotTests {

	private static final SchemaObject TABLE = new SchemaObject(SchemaObjectKind.TABLE, "session", null, "table");

	private static final SchemaObject SHOP = new SchemaObject(SchemaObjectKind.COLUMN, "session.shop", "session", "text");

	private static final SchemaObject SOURCE = new SchemaObject(SchemaObjectKind.COLUMN, "session.source", "session",
			"text");

	private static final SchemaObject INDEX = new SchemaObject(SchemaObjectKind.INDEX, "session_shop_idx", "session",
			"CREATE INDEX session_shop_idx ON public.session USING btree (shop)");

	@Test
	void differencesAreAddedRemovedAndChangedInKindOrder() {
		SchemaSnapshot before = snapshot(TABLE, SHOP, INDEX);
		SchemaSnapshot after = snapshot(TABLE, changed(SHOP, "text NOT NULL"), SOURCE);
		assertThat(before.differencesTo(after)).extracting(SchemaDifference::toString).containsExactly(
				"column session.shop changed from text to text NOT NULL", "column session.source added: text",
				"index session_shop_idx removed (was: CREATE INDEX session_shop_idx ON public.session USING btree (shop))");
	}

	@Test
	void tableAddedOrRemovedHidesItsParts() {
		assertThat(snapshot().differencesTo(snapshot(TABLE, SHOP, INDEX))).extracting(SchemaDifference::toString)
			.containsExactly("table session added: table");
		assertThat(snapshot(TABLE, SHOP, INDEX).differencesTo(snapshot())).extracting(SchemaDifference::toString)
			.containsExactly("table session removed (was: table)");
	}

	@Test
	void runChangesAreTakenInAndChangesMadeByOthersKept() {
		SchemaSnapshot stored = snapshot(TABLE, SHOP, INDEX);
		// By hand before the run: the index was dropped. The run then added column source.
		SchemaSnapshot beforeRun = snapshot(TABLE, SHOP);
		SchemaSnapshot afterRun = snapshot(TABLE, SHOP, SOURCE);
		SchemaSnapshot recorded = stored.withChanges(beforeRun, afterRun);
		assertThat(recorded.objects()).containsExactly(TABLE, SHOP, SOURCE, INDEX);
		assertThat(recorded.differencesTo(afterRun)).extracting(SchemaDifference::name)
			.containsExactly("session_shop_idx");
	}

	@Test
	void runThatUndoesAChangeMadeByHandEndsTheDrift() {
		SchemaSnapshot stored = snapshot(TABLE, SHOP);
		SchemaSnapshot beforeRun = snapshot(TABLE, SHOP, SOURCE);
		SchemaSnapshot afterRun = snapshot(TABLE, SHOP);
		assertThat(stored.withChanges(beforeRun, afterRun).differencesTo(afterRun)).isEmpty();
	}

	private static SchemaObject changed(SchemaObject object, String definition) {
		return new SchemaObject(object.kind(), object.name(), object.parent(), definition);
	}

	private static SchemaSnapshot snapshot(SchemaObject... objects) {
		return new SchemaSnapshot(List.of(objects));
	}

}
