package io.github.softmaxicl.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs independent tasks on a fixed number of threads and returns their results in the order the tasks were
 * given, so that no result depends on the thread count or on which task finishes first.
 */
public final class DeterministicExecutor {
  private DeterministicExecutor() {}

  /**
   * Runs every task and returns the results in task order. A task's own unchecked failure (for example a
   * numerical failure) is rethrown as is; the first one in task order wins.
   *
   * @param threads worker threads (values below 1 run on one thread)
   * @param tasks the independent tasks
   */
  public static <T> List<T> map(int threads, List<Supplier<T>> tasks) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, tasks.size()))));
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Supplier<T> task : tasks) {
        futures.add(pool.submit(task::get));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(await(f));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Like {@link #map}, for tasks that can use several threads and whose results do not depend on how many they
   * get (the full model's kernel: {@code KernelBitsTest}). The tasks run on {@code threads} workers, one thread
   * each, except the last wave: when k tasks do not fill whole waves, the remaining r = k mod threads tasks (all of
   * them if k &lt; threads) get {@code threads / r} threads each, so a third sample on two cores runs on both
   * instead of leaving one idle (P6 ladder: 3 samples per rung, 2 cores).
   *
   * @param threads worker threads (values below 1 run on one thread)
   * @param tasks the independent tasks, each given the number of threads it may use (≥ 1)
   */
  public static <T> List<T> mapSharingThreads(int threads, List<IntFunction<T>> tasks) {
    int workers = Math.max(1, threads);
    List<Supplier<T>> suppliers = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      int each = threadsFor(i, tasks.size(), workers);
      IntFunction<T> task = tasks.get(i);
      suppliers.add(() -> task.apply(each));
    }
    return map(workers, suppliers);
  }

  /** Threads given to task {@code i} of {@code k} on {@code workers} workers: 1, or a share in the last wave. */
  static int threadsFor(int i, int k, int workers) {
    int rest = k % workers;
    if (rest == 0 || i < k - rest) {
      return 1;
    }
    return Math.max(1, workers / rest);
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
