package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The closed-form limit of MODEL.md §6 against the leading-order loss: stationary in the on-task variables,
 * first-order neutral in the off-task ω, pushed down in the off-task μ; d_i ω² = 1 whatever σ.
 */
class LimitPointTest {
  static LongStream seeds() {
    return LongStream.range(100, 140);
  }

  /** Round-off budget for a gradient made of O(10) terms of size O(d_i): 1e-12 · d_i, with margin. */
  private static double roundOff(ProblemConfig c, int task) {
    return 1e-12 * Math.max(1, c.blockSize(task)) * Math.max(1, c.s2());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void limitIsStationaryOnTaskAndPushesOffTaskMuToZero(long seed) {
    ProblemConfig raw = RandomCases.config(seed);
    ProblemConfig c = raw.heads() >= raw.tasks() ? raw : raw.withHeads(raw.tasks());
    SpectralState limit = ClosedForms.limit(c);
    SpectralGradient g = new LeadingOrderLoss(c).gradient(limit);
    for (int h = 0; h < c.heads(); h++) {
      for (int i = 0; i < c.tasks(); i++) {
        String where = "seed=" + seed + " " + c + " head " + h + " task " + i;
        if (h == i) {
          assertEquals(0.0, g.dOmega(h, i), roundOff(c, i), "on-task dF/domega " + where);
          assertEquals(0.0, g.dMu(h, i), roundOff(c, i), "on-task dF/dmu " + where);
        } else {
          assertEquals(0.0, g.dOmega(h, i), 0.0, "off-task dF/domega is exactly 0 " + where);
          // Heads serving another task see E = 1 with the serving head (disjoint ω), so the slope is g;
          // idle heads (h >= n) have all-zero ω and μ and see E = 1 too.
          double expected = ClosedForms.offTaskSlope(c, i);
          assertEquals(expected, g.dMu(h, i), 1e-13 * expected, "off-task dF/dmu = g " + where);
          assertTrue(g.dMu(h, i) > 0, where);
        }
      }
    }
    assertEquals(ClosedForms.fStar(c), g.value(), 1e-14 * ClosedForms.fStar(c) + 1e-300, "F at limit = F*");
  }

  @ParameterizedTest(name = "sigma = {0}")
  @ValueSource(doubles = {0.0, 0.1, 0.5, 1.0, 3.0, 10.0})
  void omegaStarSatisfiesUnitSharpnessForAnySigma(double sigma) {
    ProblemConfig c = ProblemConfig.of(12, new int[] {3, 4, 5}, 3, 60, sigma, 1.3);
    SpectralState limit = ClosedForms.limit(c);
    SpectralGradient g = new LeadingOrderLoss(c).gradient(limit);
    for (int i = 0; i < c.tasks(); i++) {
      assertEquals(1.0, c.blockSize(i) * limit.omega(i, i) * limit.omega(i, i), 1e-15);
      assertEquals(0.0, g.dOmega(i, i), roundOff(c, i));
      // Moving ω off 1/√d_i (μ re-optimised in closed form) raises the loss: the stationary point is a
      // minimum along the σ-independent direction d_i ω² = 1.
      double w0 = limit.omega(i, i);
      double best = taskLossWithOptimalMu(c, i, w0);
      assertTrue(taskLossWithOptimalMu(c, i, w0 * 1.01) > best);
      assertTrue(taskLossWithOptimalMu(c, i, w0 * 0.99) > best);
    }
  }

  /** min over μ of s² d (1 − μω)² + (c/L) μ² e^{dω²}: μ = s² d ω / (s² d ω² + (c/L) e^{dω²}). */
  private static double taskLossWithOptimalMu(ProblemConfig c, int i, double w) {
    double d = c.blockSize(i);
    double cl = c.signalPlusNoise(i) / c.promptLength();
    double e = Math.exp(d * w * w);
    double mu = c.s2() * d * w / (c.s2() * d * w * w + cl * e);
    double r = 1 - mu * w;
    return c.s2() * d * r * r + cl * mu * mu * e;
  }

  @Test
  void optimalityRatioMatchesOneBlockClosedForm() {
    for (int L : new int[] {10, 100, 1000, 100000}) {
      ProblemConfig c = ProblemConfig.of(8, new int[] {8}, 1, L, 0.0, 1.0);
      double expected = Math.E * (L + 8.0) / (L + Math.E * 8.0);
      assertEquals(expected, ClosedForms.optimalityRatio(c), 1e-14 * expected);
      assertTrue(ClosedForms.optimalityRatio(c) < Math.E);
    }
  }

  /**
   * MODEL.md §6: inf = (1/n) Σ_i s² d_i (c_i/L)/(s² + c_i/L). Blocks 4 and 8, s² = 1/2, σ = 1, L = 10: c = 3 and 5,
   * c/L = 3/10 and 1/2, terms (1/2·4·3/10)/(4/5) = 3/4 and (1/2·8·1/2)/1 = 2, so inf = (3/4 + 2)/2 = 11/8 exactly.
   * A handful of roundings of numbers ≤ 4: 1e-14 relative covers them.
   */
  @Test
  void signedInfimumOfTwoBlocksWithNoise() {
    ProblemConfig c = ProblemConfig.of(12, new int[] {4, 8}, 2, 10, 1.0, 0.5);
    assertEquals(11.0 / 8, ClosedForms.signedInfimum(c), 1e-14);
  }

  /**
   * For n equal blocks and σ = 0 every task has the one-block ratio of MODEL.md §6, e(L + d_i)/(L + e d_i), and so has
   * F* / inf (both are means of n equal terms); a sum not divided by n on one side is off by a factor n.
   */
  @Test
  void optimalityRatioOfEqualBlocksIsTheOneBlockRatio() {
    for (int n : new int[] {2, 3}) {
      int[] blocks = new int[n];
      java.util.Arrays.fill(blocks, 8);
      ProblemConfig c = ProblemConfig.of(8 * n, blocks, n, 100, 0.0, 1.0);
      double expected = Math.E * (100 + 8.0) / (100 + Math.E * 8.0);
      assertEquals(expected, ClosedForms.optimalityRatio(c), 1e-14 * expected, "n = " + n);
      // F* itself: (1/n) Σ_i s² d_i x/(1 + x), x = e κ d_i = e c_i/(s² L) = 8e/100 for every task.
      double x = Math.E * 8 / 100;
      assertEquals(8 * x / (1 + x), ClosedForms.fStar(c), 1e-14, "n = " + n);
    }
  }

  @Test
  void lengthGeneralisationAtTrainingLengthIsFStar() {
    for (Preset p : Preset.values()) {
      ProblemConfig c = p.config();
      double f = ClosedForms.lengthGeneralisationLoss(c, c.promptLength());
      assertEquals(ClosedForms.fStar(c), f, 1e-14 * f, p.id());
    }
  }

  @Test
  void refinedAndLeadingOrderAgreeAsOmegaShrinksAndLGrows() {
    // The two losses differ by O(d ω⁴) in the variance term and O(ω²/L) elsewhere: with ω = 1e-3 and
    // L = 1e6 the relative difference must be below ~1e-6.
    ProblemConfig c = ProblemConfig.of(6, new int[] {3, 3}, 2, 1_000_000, 0.2, 1.0);
    SpectralState s = SpectralState.of(new double[][] {{1e-3, -2e-3}, {5e-4, 1e-3}},
        new double[][] {{50.0, -10.0}, {20.0, 30.0}});
    double a = new LeadingOrderLoss(c).value(s);
    double b = new RefinedLoss(c).value(s);
    assertEquals(a, b, 1e-6 * a);
  }

  @Test
  void singleHeadRatioLimitIsNForEqualBlocks() {
    assertEquals(3.0, ClosedForms.singleHeadRatioLimit(ProblemConfig.of(24, new int[] {8, 8, 8}, 1, 50, 0, 1)), 0);
    assertEquals(50.0 * 50 / (16 * 16 + 17 * 17 + 17 * 17), ClosedForms.singleHeadRatioLimit(Preset.PAPER.config()),
        1e-15);
  }
}
