package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.numerics.FullModelFailure;
import org.apache.commons.numbers.core.Sum;
import org.hipparchus.util.FastMath;

/**
 * Population loss of given weights estimated on fresh, independent (not symmetrised) prompts, with the
 * standard error of the mean. Deterministic for a given seed and prompt count.
 */
public final class MonteCarloLoss {
  private final double mean;
  private final double standardError;
  private final int prompts;

  private MonteCarloLoss(double mean, double standardError, int prompts) {
    this.mean = mean;
    this.standardError = standardError;
    this.prompts = prompts;
  }

  /**
   * Estimates F(w) = E (1/n) ‖y_q − ŷ‖² from {@code prompts} ≥ 2 fresh prompts drawn with {@code seed}.
   *
   * @throws FullModelFailure if the estimate is not finite
   */
  public static MonteCarloLoss estimate(FullModel model, AttentionWeights w, long seed, int prompts) {
    if (prompts < 2) {
      throw new IllegalArgumentException("need at least 2 prompts for a standard error (got " + prompts + ")");
    }
    double[] losses = model.promptLosses(w, PromptSampler.of(model.config(), seed, prompts, false));
    // Up to 10^6 terms of similar size: compensated (extended-precision) sums keep the mean and the sum of
    // squared deviations exact to the last bit, whatever the sample size.
    Sum sum = Sum.create();
    for (double l : losses) {
      sum.add(l);
    }
    double mean = sum.getAsDouble() / prompts;
    Sum ss = Sum.create();
    for (double l : losses) {
      ss.add((l - mean) * (l - mean));
    }
    double se = FastMath.sqrt(ss.getAsDouble() / (prompts - 1.0) / prompts);
    if (!Double.isFinite(mean) || !Double.isFinite(se)) {
      throw new FullModelFailure("Monte Carlo loss is not finite: " + mean + " ± " + se);
    }
    return new MonteCarloLoss(mean, se, prompts);
  }

  /** The sample mean of the per-prompt losses. */
  public double mean() {
    return mean;
  }

  /** Standard error of the mean (sample standard deviation / √N). */
  public double standardError() {
    return standardError;
  }

  /** Number of prompts used. */
  public int prompts() {
    return prompts;
  }

  @Override
  public String toString() {
    return mean + " ± " + standardError + " (N = " + prompts + ")";
  }
}
