package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the P7 length-generalisation sweep measured (reduced model (reconstruction)): the one-head-per-task limit
 * trained at L, evaluated at test lengths L'. Immutable.
 *
 * @param config the training problem (its L is the training length)
 * @param prompts Monte Carlo prompts per test length
 * @param expansionLimit largest expansion parameter m(L') at which comparisons are asserted
 * @param linearAtTrainingLength the linear-attention baseline's loss at L' = L
 * @param lengths one per test length, increasing
 */
public record LengthMeasurements(ProblemConfig config, int prompts, double expansionLimit,
    double linearAtTrainingLength, List<TestLength> lengths) {
  /** Copies the list. */
  public LengthMeasurements {
    lengths = List.copyOf(lengths);
  }

  /**
   * The losses at one test length.
   *
   * @param promptLength L'
   * @param closedForm the closed form of MODEL.md §6 at L'
   * @param refined the refined finite-L loss of the limit at L' (NaN outside its domain)
   * @param linear the linear-attention baseline (scale tuned at L) at L'
   * @param mean Monte Carlo mean of the true model (NaN if it failed)
   * @param standardError its standard error (NaN if it failed)
   * @param failure why the Monte Carlo estimate failed, null if it was computed
   */
  public record TestLength(int promptLength, double closedForm, double refined, double linear, double mean,
      double standardError, @Nullable String failure) {}
}
