package dev.ratchet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.ratchet.bench.ParallelBackfillScenario.Event;
import dev.ratchet.bench.ParallelBackfillScenario.Kind;

/**
 * What the batches of a parallel backfill run tell: items per instance, when each instance processed
 * its first and last batch, and per worker thread how much of its time went into processing items,
 * fetching batches, and between them (claiming, committing).
 */
final class Traces {

	private Traces() {
	}

	static String summary(List<Event> events) {
		Map<Integer, long[]> items = new TreeMap<>();
		Map<Integer, double[]> spans = new TreeMap<>();
		Map<String, double[]> threads = new TreeMap<>();
		for (Event event : events) {
			if (event.kind() == Kind.PROCESS) {
				items.computeIfAbsent(event.instance(), (i) -> new long[2])[0] += event.items();
				items.get(event.instance())[1]++;
				double[] span = spans.computeIfAbsent(event.instance(),
						(i) -> new double[] { Double.MAX_VALUE, 0 });
				span[0] = Math.min(span[0], event.fromMs());
				span[1] = Math.max(span[1], event.toMs());
			}
			// per thread: first start, last end, processing ms, fetching ms, batches
			double[] thread = threads.computeIfAbsent(event.instance() + "/" + event.thread(),
					(t) -> new double[] { Double.MAX_VALUE, 0, 0, 0, 0 });
			thread[0] = Math.min(thread[0], event.fromMs());
			thread[1] = Math.max(thread[1], event.toMs());
			thread[(event.kind() == Kind.PROCESS) ? 2 : 3] += event.toMs() - event.fromMs();
			if (event.kind() == Kind.PROCESS) {
				thread[4]++;
			}
		}
		List<String> parts = new ArrayList<>();
		items.forEach((instance, counts) -> {
			double[] span = spans.get(instance);
			parts.add(String.format("instance %d: %,d items in %d batches, %.0f–%.0f ms", instance, counts[0], counts[1],
					span[0], span[1]));
		});
		threads.forEach((name, t) -> {
			double span = t[1] - t[0];
			parts.add(String.format("%s: %.0f batches, %.0f–%.0f ms, processing %.0f%%, fetching %.0f%%, "
					+ "other %.0f%% (%.1f ms per batch)", name, t[4], t[0], t[1], 100 * t[2] / span, 100 * t[3] / span,
					100 * (span - t[2] - t[3]) / span, (span - t[2] - t[3]) / Math.max(1, t[4])));
		});
		return String.join("; ", parts);
	}

	/** Writes every event to {@code bench.trace}/{name}.csv when that property names a directory. */
	static void write(String name, List<Event> events) throws IOException {
		String dir = System.getProperty("bench.trace");
		if (dir == null || dir.isBlank()) {
			return;
		}
		List<String> lines = new ArrayList<>();
		lines.add("instance,thread,kind,from_ms,to_ms,items");
		for (Event e : events) {
			lines.add(String.format("%d,%s,%s,%.2f,%.2f,%d", e.instance(), e.thread(), e.kind(), e.fromMs(), e.toMs(),
					e.items()));
		}
		Path path = Path.of(dir, name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + System.nanoTime() + ".csv");
		Files.createDirectories(path.getParent());
		Files.write(path, lines);
	}

}
