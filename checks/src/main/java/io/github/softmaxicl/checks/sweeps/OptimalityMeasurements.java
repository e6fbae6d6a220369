package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the P4 optimality sweep measured (reduced model (reconstruction)): per block set, the reduced flow from
 * the paper init run to convergence at each prompt length of the grid. Immutable.
 *
 * @param convergenceTolerance the relative gap |F − F*| / F* the flows were run to
 * @param sets the block sets, in grid order
 */
public record OptimalityMeasurements(double convergenceTolerance, List<BlockSet> sets) {
  /** Copies the list. */
  public OptimalityMeasurements {
    sets = List.copyOf(sets);
  }

  /**
   * One block set of the grid.
   *
   * @param blocks the block sizes (their sum is d)
   * @param runs one per prompt length, increasing in L
   */
  public record BlockSet(List<Integer> blocks, List<Run> runs) {
    /** Copies the lists. */
    public BlockSet {
      blocks = List.copyOf(blocks);
      runs = List.copyOf(runs);
    }
  }

  /**
   * One converged flow, or why there is none.
   *
   * @param config the problem (σ = 0, s² = 1, H = n)
   * @param failure why the flow did not converge or failed, null if it was computed
   * @param fFinal F at the end of the flow
   * @param fStar the closed-form one-head-per-task limit F*
   * @param tEnd the end time that converged
   * @param taskLosses the leading-order per-task losses L_i at the final state
   */
  public record Run(ProblemConfig config, @Nullable String failure, double fFinal, double fStar, double tEnd,
      List<Double> taskLosses) {
    /** Copies the list. */
    public Run {
      taskLosses = List.copyOf(taskLosses);
    }

    /** A grid point whose flow was not computed. */
    public static Run failed(ProblemConfig config, String failure) {
      return new Run(config, failure, Double.NaN, Double.NaN, Double.NaN, List.of());
    }
  }
}
