package dev.ratchet.drift.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import dev.ratchet.drift.SchemaDifference;
import dev.ratchet.drift.SchemaObjectKind;

/**
 * The objects of a schema at one moment, by kind and name. Immutable.
 */
final class SchemaSnapshot {

	private static final Comparator<SchemaObject> ORDER = Comparator.comparing(SchemaObject::kind)
		.thenComparing(SchemaObject::name);

	private final Map<String, SchemaObject> objects;

	SchemaSnapshot(Collection<SchemaObject> objects) {
		Map<String, SchemaObject> byKey = new LinkedHashMap<>();
		objects.stream().sorted(ORDER).forEach((object) -> byKey.put(object.key(), object));
		this.objects = byKey;
	}

	/**
	 * Returns this snapshot without the objects a test picks.
	 */
	SchemaSnapshot without(java.util.function.Predicate<SchemaObject> leftOut) {
		return new SchemaSnapshot(this.objects.values().stream().filter(leftOut.negate()).toList());
	}

	Collection<SchemaObject> objects() {
		return this.objects.values();
	}

	/**
	 * Returns how a later snapshot differs from this one, leaving out the columns, constraints,
	 * indexes and triggers of tables added or removed as a whole.
	 * @param later the later snapshot
	 * @return the differences, by kind then name
	 */
	List<SchemaDifference> differencesTo(SchemaSnapshot later) {
		Set<String> keys = new TreeSet<>(this.objects.keySet());
		keys.addAll(later.objects.keySet());
		Set<String> wholeTables = new HashSet<>();
		List<SchemaDifference> differences = new ArrayList<>();
		for (String key : keys) {
			SchemaObject before = this.objects.get(key);
			SchemaObject after = later.objects.get(key);
			SchemaDifference difference = difference(before, after);
			if (difference != null) {
				differences.add(difference);
				if (difference.kind() == SchemaObjectKind.TABLE && difference.change() != SchemaDifference.Change.CHANGED) {
					wholeTables.add(difference.name());
				}
			}
		}
		differences.removeIf((difference) -> wholeTables.contains(parent(difference, later)));
		differences.sort(Comparator.comparing(SchemaDifference::kind).thenComparing(SchemaDifference::name));
		return differences;
	}

	/**
	 * Returns this snapshot with the changes made between two other snapshots applied, so changes
	 * made outside that interval stay as they were.
	 * @param before the schema before the changes
	 * @param after the schema after them
	 * @return the new snapshot
	 */
	SchemaSnapshot withChanges(SchemaSnapshot before, SchemaSnapshot after) {
		Map<String, SchemaObject> result = new LinkedHashMap<>(this.objects);
		Set<String> keys = new HashSet<>(before.objects.keySet());
		keys.addAll(after.objects.keySet());
		for (String key : keys) {
			SchemaObject then = before.objects.get(key);
			SchemaObject now = after.objects.get(key);
			if (now == null) {
				result.remove(key);
			}
			else if (then == null || !Objects.equals(then.definition(), now.definition())) {
				result.put(key, now);
			}
		}
		return new SchemaSnapshot(result.values());
	}

	private String parent(SchemaDifference difference, SchemaSnapshot later) {
		String key = difference.kind() + " " + difference.name();
		SchemaObject object = (difference.change() == SchemaDifference.Change.REMOVED) ? this.objects.get(key)
				: later.objects.get(key);
		return object.parent();
	}

	private static SchemaDifference difference(SchemaObject before, SchemaObject after) {
		if (before == null) {
			return new SchemaDifference(after.kind(), after.name(), SchemaDifference.Change.ADDED, null,
					after.definition());
		}
		if (after == null) {
			return new SchemaDifference(before.kind(), before.name(), SchemaDifference.Change.REMOVED,
					before.definition(), null);
		}
		if (!Objects.equals(before.definition(), after.definition())) {
			return new SchemaDifference(before.kind(), before.name(), SchemaDifference.Change.CHANGED,
					before.definition(), after.definition());
		}
		return null;
	}

}
