package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the H &lt; n observation measured (reduced model (reconstruction)): the reduced flow from the paper init
 * with fewer heads than tasks, run until stationary. Immutable.
 *
 * @param config the problem (its H is replaced by each run's)
 * @param singleHeadRatio F_single* / F* of the whole problem (NaN if the optimiser failed)
 * @param singleHeadFailure why the single-head optimum failed, null if it was computed
 * @param runs one per head count, in the order run
 */
public record FewHeadsMeasurements(ProblemConfig config, double singleHeadRatio, @Nullable String singleHeadFailure,
    List<HeadCount> runs) {
  /** Copies the list. */
  public FewHeadsMeasurements {
    runs = List.copyOf(runs);
  }

  /**
   * One flow with H heads, or why there is none.
   *
   * @param heads H
   * @param failure why the flow was not computed, null if it was
   * @param fFinal F at the end of the flow
   * @param tEnd the end time at which F was stationary
   * @param served per head, the (0-based) tasks it serves
   * @param sharpness per head, Σ_j d_j (ω_j^h)² at the end
   * @param prediction F predicted from the single-head optima of the served groups (NaN if they do not
   *     partition the tasks)
   */
  public record HeadCount(int heads, @Nullable String failure, double fFinal, double tEnd,
      List<List<Integer>> served, List<Double> sharpness, double prediction) {
    /** Copies the lists. */
    public HeadCount {
      served = served.stream().map(List::copyOf).toList();
      sharpness = List.copyOf(sharpness);
    }

    /** A head count whose flow was not computed. */
    public static HeadCount failed(int heads, String failure) {
      return new HeadCount(heads, failure, Double.NaN, Double.NaN, List.of(), List.of(), Double.NaN);
    }
  }
}
