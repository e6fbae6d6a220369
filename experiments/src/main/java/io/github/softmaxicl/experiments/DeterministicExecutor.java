package io.github.softmaxicl.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
