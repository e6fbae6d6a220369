package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the model-error ladder measured (reduced model (reconstruction)): at a decomposable point with specialised
 * heads, the leading-order and refined reduced losses and Monte Carlo of the true model along a ladder of prompt
 * lengths. Immutable.
 *
 * @param config the problem (its L is replaced by each rung's)
 * @param omega ω of each specialised head on its task
 * @param mu μ of each specialised head on its task
 * @param prompts Monte Carlo prompts per rung
 * @param ladderSize the number of rungs planned
 * @param rungs the rungs computed, in increasing L (fewer than planned if one failed)
 * @param failure why the ladder stopped, null if every rung was computed
 */
public record ModelErrorMeasurements(ProblemConfig config, double omega, double mu, int prompts, int ladderSize,
    List<Rung> rungs, @Nullable String failure) {
  /** Copies the list. */
  public ModelErrorMeasurements {
    rungs = List.copyOf(rungs);
  }

  /**
   * One rung.
   *
   * @param promptLength L
   * @param leadingOrder the leading-order reduced loss at the point
   * @param refined the refined finite-L reduced loss at the point
   * @param mean Monte Carlo mean of the true model
   * @param standardError its standard error
   */
  public record Rung(int promptLength, double leadingOrder, double refined, double mean, double standardError) {}
}
