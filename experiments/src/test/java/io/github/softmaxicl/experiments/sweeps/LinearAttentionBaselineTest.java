package io.github.softmaxicl.experiments.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The linear-attention loss formula against an independent Monte Carlo simulation, and its tuning. */
class LinearAttentionBaselineTest {

  /**
   * Monte Carlo of one task: b ~ N(0, s² I_d), x_l, x_q ~ N(0, I_d), ε_l ~ N(0, 1);
   * ŷ = (a/L) Σ_{l ≤ L'} (bᵀx_l + σ ε_l) x_lᵀ x_q; loss (bᵀx_q − ŷ)². Budget: 4 standard errors of the mean.
   */
  @ParameterizedTest(name = "seed {0}: d={1} L={2} L'={3} sigma={4} s2={5} a={6}")
  @CsvSource({
      "11, 4, 20, 5, 0.0, 1.0, -1",
      "12, 4, 20, 60, 0.0, 1.0, -1",
      "13, 3, 10, 10, 0.5, 2.0, 0.7",
      "14, 6, 30, 15, 1.0, 0.5, 1.3"})
  void formulaMatchesMonteCarlo(long seed, int d, int l, int testLength, double sigma, double s2, double aIn) {
    ProblemConfig c = ProblemConfig.of(d, new int[] {d}, 1, l, sigma, s2);
    double a = aIn < 0 ? LinearAttentionBaseline.tunedScale(c, 0) : aIn;
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    int prompts = 40_000;
    double sum = 0;
    double sumSq = 0;
    double[] b = new double[d];
    double[] q = new double[d];
    double[] x = new double[d];
    double sd = Math.sqrt(s2);
    for (int p = 0; p < prompts; p++) {
      for (int j = 0; j < d; j++) {
        b[j] = sd * g.sample();
        q[j] = g.sample();
      }
      double acc = 0;
      for (int t = 0; t < testLength; t++) {
        double bx = 0;
        double xq = 0;
        for (int j = 0; j < d; j++) {
          x[j] = g.sample();
          bx += b[j] * x[j];
          xq += x[j] * q[j];
        }
        acc += (bx + sigma * g.sample()) * xq;
      }
      double target = 0;
      for (int j = 0; j < d; j++) {
        target += b[j] * q[j];
      }
      double err = target - a / l * acc;
      sum += err * err;
      sumSq += err * err * err * err;
    }
    double mean = sum / prompts;
    double se = Math.sqrt((sumSq / prompts - mean * mean) / (prompts - 1.0));
    double exact = LinearAttentionBaseline.taskLoss(c, 0, a, testLength);
    assertEquals(exact, mean, 4 * se, "seed " + seed + ": exact " + exact + " vs MC " + mean + " +- " + se);
  }

  /** The tuned scale minimises the loss at L' = L, and the tuned model's best L' is L + (d + 1)/2 (σ = 0). */
  @ParameterizedTest(name = "d={0} L={1}")
  @CsvSource({"4, 40", "16, 100", "17, 100", "3, 9"})
  void tunedAtTrainingLength(int d, int l) {
    ProblemConfig c = ProblemConfig.of(d, new int[] {d}, 1, l, 0.0, 1.0);
    double a = LinearAttentionBaseline.tunedScale(c, 0);
    double at = LinearAttentionBaseline.taskLoss(c, 0, a, l);
    assertTrue(LinearAttentionBaseline.taskLoss(c, 0, a * 1.01, l) > at);
    assertTrue(LinearAttentionBaseline.taskLoss(c, 0, a * 0.99, l) > at);
    // Quadratic in L' with vertex L + (d + 1)/2: integer L' nearest the vertex is the best.
    double vertex = l + (d + 1) / 2.0;
    int best = 1;
    for (int lp = 1; lp <= 4 * l; lp++) {
      if (LinearAttentionBaseline.taskLoss(c, 0, a, lp) < LinearAttentionBaseline.taskLoss(c, 0, a, best)) {
        best = lp;
      }
    }
    assertTrue(Math.abs(best - vertex) <= 0.5, "best L' " + best + " vs vertex " + vertex);
    // At L' = L the tuned loss is s² d (1 − a) (stationarity in a).
    assertEquals(d * (1 - a), at, 1e-12 * d);
  }
}
