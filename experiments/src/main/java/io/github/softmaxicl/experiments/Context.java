package io.github.softmaxicl.experiments;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What every experiment of one job shares: the requested runs, the worker threads and where progress goes.
 *
 * @param runs the requested configurations, in the order given
 * @param threads worker threads (≥ 1); no result depends on it
 * @param progress where progress is reported (stderr)
 * @param selectedClaims the claim ids the request selected explicitly ({@code --claim}); empty without a
 *     selection. An experiment may run a costly check beyond its mode's default when it is named here
 */
public record Context(List<RunSpec> runs, int threads, ProgressSink progress, Set<String> selectedClaims) {

  /** Validates and copies. */
  public Context {
    runs = List.copyOf(runs);
    selectedClaims = Set.copyOf(selectedClaims);
    Objects.requireNonNull(progress);
    if (runs.isEmpty() || threads < 1) {
      throw new IllegalArgumentException("a context needs at least one run and threads >= 1");
    }
  }

  /** A context without a claim selection. */
  public Context(List<RunSpec> runs, int threads, ProgressSink progress) {
    this(runs, threads, progress, Set.of());
  }

  /** The seed of the first requested run: the base seed of the configuration-independent experiments. */
  public long baseSeed() {
    return runs.get(0).seed();
  }
}
