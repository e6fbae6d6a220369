package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/**
 * {@link MonteCarloLoss} on a handful of prompts, against the sample mean and standard error of per-prompt losses
 * computed independently: each prompt's loss by {@link Fixtures#naiveLoss} (explicit loops, no kernel) on the same
 * fresh prompts, then the textbook two-pass formulas. (NoisyModelMonteCarloTest checks the estimate against the
 * population loss with 10^4–10^5 prompts; this one pins the estimator itself in milliseconds.)
 */
class MonteCarloLossTest {
  private static final ProblemConfig C = ProblemConfig.of(3, new int[] {1, 2}, 2, 6, 0.4, 1.0);

  /**
   * N = 2 (the smallest allowed, where N − 1 = 1) and N = 7. Error budget: the naive and kernel per-prompt losses
   * agree to ~1e-15 relative (a few dozen roundings on O(1) terms); the mean of ≤ 7 of them and the standard
   * error (a spread of O(the losses) here, random prompts) inherit that, so 1e-12 relative is a wide margin that
   * still fails any change of the formulas (a factor N, N − 1 or a sign).
   */
  @Test
  void meanAndStandardErrorOfTheFreshPrompts() {
    AttentionWeights w = Fixtures.randomWeights(C, 0.5, 3L);
    try (FullModel m = new FullModel(C, 1)) {
      for (int n : new int[] {2, 7}) {
        MonteCarloLoss est = MonteCarloLoss.estimate(m, w, 11L, n);
        PromptSampler fresh = PromptSampler.of(C, 11L, n, false);
        double[] l = new double[n];
        double mean = 0;
        for (int p = 0; p < n; p++) {
          l[p] = Fixtures.naiveLoss(w, Fixtures.range(fresh, p, 1));
          mean += l[p] / n;
        }
        double ss = 0;
        for (int p = 0; p < n; p++) {
          ss += (l[p] - mean) * (l[p] - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        assertTrue(se > 1e-3 * mean, "the test needs prompts of different loss: " + se + " vs " + mean);
        assertEquals(mean, est.mean(), 1e-12 * mean, "N = " + n);
        assertEquals(se, est.standardError(), 1e-12 * mean, "N = " + n);
        assertEquals(n, est.prompts());
        String s = est.toString();
        assertTrue(s.contains(String.valueOf(est.mean())) && s.contains(String.valueOf(est.standardError()))
            && s.contains("N = " + n), s);
      }
      assertThrows(IllegalArgumentException.class, () -> MonteCarloLoss.estimate(m, w, 11L, 1));
    }
  }
}
