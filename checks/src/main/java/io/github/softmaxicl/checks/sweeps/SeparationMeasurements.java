package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.numerics.reduced.SingleHeadResult;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the P5 separation sweep measured (reduced model (reconstruction)): per block set, the optimal single head
 * at each prompt length of the grid. Immutable.
 *
 * @param sets the block sets, in grid order
 */
public record SeparationMeasurements(List<BlockSet> sets) {
  /** Copies the list. */
  public SeparationMeasurements {
    sets = List.copyOf(sets);
  }

  /**
   * One block set of the grid.
   *
   * @param blocks the block sizes (their sum is d)
   * @param optima one per prompt length, increasing in L
   */
  public record BlockSet(List<Integer> blocks, List<Optimum> optima) {
    /** Copies the lists. */
    public BlockSet {
      blocks = List.copyOf(blocks);
      optima = List.copyOf(optima);
    }
  }

  /**
   * One single-head optimum, or why there is none.
   *
   * @param config the problem at this prompt length (H = n; the optimum has H = 1)
   * @param result the optimiser's result, null if it failed
   * @param failure why it failed, null if it was computed
   */
  public record Optimum(ProblemConfig config, @Nullable SingleHeadResult result, @Nullable String failure) {}
}
