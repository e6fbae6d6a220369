package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The analytic gradient of the full model against central finite differences of its own loss. */
class FullModelGradientTest {

  static Stream<Arguments> configurations() {
    // seed, d, blocks, H, L, sigma, weight scale, control variate. The noisy cases with the control variate are
    // the gradients SGD and the full flow use with σ > 0 (their corrected loss carries σ² through M).
    return Stream.of(
        Arguments.of(11L, 4, new int[] {2, 2}, 2, 8, 0.0, 0.4, false),
        Arguments.of(12L, 5, new int[] {2, 3}, 2, 12, 0.3, 0.3, false),
        Arguments.of(13L, 6, new int[] {3, 3}, 1, 10, 0.0, 0.5, false),
        Arguments.of(14L, 6, new int[] {1, 2, 3}, 3, 9, 0.1, 0.35, false),
        Arguments.of(15L, 4, new int[] {2, 2}, 2, 8, 1.0, 0.4, false),
        Arguments.of(16L, 5, new int[] {2, 3}, 2, 12, 0.3, 0.3, true),
        Arguments.of(17L, 4, new int[] {2, 2}, 2, 8, 1.0, 0.4, true));
  }

  @ParameterizedTest(name = "seed {0}: d={1} H={3} L={4} sigma={5} cv={7}")
  @MethodSource("configurations")
  void analyticGradientMatchesCentralDifferences(long seed, int d, int[] blocks, int heads, int ll, double sigma,
      double scale, boolean cv) {
    ProblemConfig c = ProblemConfig.of(d, blocks, heads, ll, sigma, 1.0);
    AttentionWeights w = Fixtures.randomWeights(c, scale, seed);
    // 45 prompts: one full chunk and a partial one, so the chunk split is exercised.
    PromptSource prompts = StoredPrompts.copyOf(PromptSampler.of(c, seed * 7 + 1, 45, false));
    try (FullModel model = new FullModel(c, 1)) {
      LossAndGradient lg = model.lossAndGradient(w, prompts, cv);
      double[] flat = w.toFlat();
      double gInf = 0;
      for (int i = 0; i < flat.length; i++) {
        gInf = Math.max(gInf, Math.abs(lg.gradient(i)));
      }
      // Budget for central differences with step h on a loss F = O(1) with weights O(scale) ≤ 0.5:
      // truncation h²|F'''|/6 ≤ 2e-9 for h = 1e-5 and |F'''| ≲ 1e2 (products of at most four weight
      // factors times exp of O(1) scores); round-off ≈ 2·(1e3 ops)·u·|F|/(2h) ≈ 1e-8. Both are ≥ 10 times below
      // the 1e-6·‖∇F‖∞ tolerance (‖∇F‖∞ ≳ 0.1 here, asserted below), which still catches any wrong
      // factor, sign or transposition (those give O(‖∇F‖∞) errors).
      assertTrue(gInf > 0.1, "gradient too small for a meaningful relative check: " + gInf);
      double h = 1e-5;
      double tol = 1e-6 * gInf;
      double worst = 0;
      for (int i = 0; i < flat.length; i++) {
        double keep = flat[i];
        flat[i] = keep + h;
        double up = model.loss(AttentionWeights.fromFlat(c, flat), prompts, cv);
        flat[i] = keep - h;
        double down = model.loss(AttentionWeights.fromFlat(c, flat), prompts, cv);
        flat[i] = keep;
        double fd = (up - down) / (2 * h);
        worst = Math.max(worst, Math.abs(fd - lg.gradient(i)));
        assertEquals(fd, lg.gradient(i), tol, "seed " + seed + " weight " + i);
      }
      System.out.printf("gradient check seed %d: max |fd - analytic| = %.2e, ||g||inf = %.3f%n", seed, worst, gInf);
    }
  }
}
