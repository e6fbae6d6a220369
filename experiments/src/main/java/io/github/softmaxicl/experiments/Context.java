package io.github.softmaxicl.experiments;

import java.util.List;
import java.util.Objects;

/**
 * What every experiment of one job shares: the requested runs, the worker threads and where progress goes.
 *
 * @param runs the requested configurations, in the order given
 * @param threads worker threads (≥ 1); no result depends on it
 * @param progress where progress is reported (stderr)
 */
public record Context(List<RunSpec> runs, int threads, ProgressSink progress) {

  /** Validates and copies. */
  public Context {
    runs = List.copyOf(runs);
    Objects.requireNonNull(progress);
    if (runs.isEmpty() || threads < 1) {
      throw new IllegalArgumentException("a context needs at least one run and threads >= 1");
    }
  }

  /** The seed of the first requested run: the base seed of the configuration-independent experiments. */
  public long baseSeed() {
    return runs.get(0).seed();
  }
}
