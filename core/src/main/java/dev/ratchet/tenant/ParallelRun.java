package dev.ratchet.tenant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one piece of work per tenant on a bounded number of threads, logging progress every few
 * seconds. A tenant that fails does not stop the others: its result says it failed.
 */
final class ParallelRun {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet.tenants");

	private final int parallelism;

	private final Duration progressEvery;

	ParallelRun(int parallelism, Duration progressEvery) {
		this.parallelism = parallelism;
		this.progressEvery = progressEvery;
	}

	/**
	 * Runs the work for each tenant and waits for all of them.
	 * @param what what is done, for the progress log ("migrate")
	 * @param tenants the tenants
	 * @param work the work; it returns a result for failures too
	 * @return the results, in the order of the tenants
	 */
	<T> List<TenantResult> run(String what, List<T> tenants, Function<T, TenantResult> work) {
		if (tenants.isEmpty()) {
			return List.of();
		}
		int threads = Math.min(this.parallelism, tenants.size());
		AtomicInteger done = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		AtomicInteger number = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "ratchet-tenant-" + number.incrementAndGet());
			thread.setDaemon(true);
			thread.setContextClassLoader(loader);
			return thread;
		});
		long start = System.nanoTime();
		ScheduledExecutorService progress = progress(what, tenants.size(), done, failed, start);
		try {
			List<Future<TenantResult>> futures = new ArrayList<>();
			for (T tenant : tenants) {
				futures.add(pool.submit(() -> {
					TenantResult result = work.apply(tenant);
					if (result.status() == TenantStatus.FAILED) {
						failed.incrementAndGet();
					}
					done.incrementAndGet();
					return result;
				}));
			}
			List<TenantResult> results = new ArrayList<>();
			for (Future<TenantResult> future : futures) {
				results.add(join(future));
			}
			stop(progress);
			if (tenants.size() > 1) {
				logger.info("Tenants: {} {} in {} ms, {} failed", tenants.size(), what.equals("migrate") ? "migrated"
						: "done", Duration.ofNanos(System.nanoTime() - start).toMillis(), failed.get());
			}
			return results;
		}
		finally {
			progress.shutdownNow();
			pool.shutdownNow();
		}
	}

	private ScheduledExecutorService progress(String what, int total, AtomicInteger done, AtomicInteger failed,
			long start) {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "ratchet-tenant-progress");
			thread.setDaemon(true);
			return thread;
		});
		long every = this.progressEvery.toMillis();
		scheduler.scheduleWithFixedDelay(() -> {
			double seconds = (System.nanoTime() - start) / 1e9;
			int count = done.get();
			logger.info("Tenants: {} {}/{} done ({} per second), {} failed", what, count, total,
					String.format("%.1f", count / Math.max(seconds, 0.001)), failed.get());
		}, every, every, TimeUnit.MILLISECONDS);
		return scheduler;
	}

	// Lets a progress line being written finish and starts no other, so that none follows the summary.
	private static void stop(ScheduledExecutorService progress) {
		progress.shutdown();
		try {
			progress.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static TenantResult join(Future<TenantResult> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new dev.ratchet.RatchetException("Interrupted while the tenants were migrating", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

}
