package dev.ratchet.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same work on several threads released at the same moment, for the concurrency tests:
 * each thread prepares its own instance first, so that the runs, not the set-up, overlap.
 */
public final class AtOnce {

	private AtOnce() {
	}

	/**
	 * Runs the work on the given number of threads and returns what each run returned, in thread
	 * order; a run that threw fails the call with its exception.
	 * @param <R> what one run returns
	 * @param threads how many threads
	 * @param prepare called on each thread before the release; returns that thread's run
	 * @return the results
	 * @throws Exception if a run failed, or did not finish within three minutes
	 */
	public static <R> List<R> run(int threads, Callable<Callable<R>> prepare) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CyclicBarrier start = new CyclicBarrier(threads);
			List<Future<R>> runs = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				runs.add(pool.submit(() -> {
					Callable<R> run = prepare.call();
					start.await();
					return run.call();
				}));
			}
			List<R> results = new ArrayList<>();
			for (Future<R> run : runs) {
				results.add(run.get(3, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}
