package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The full model with label noise σ &gt; 0 (reduced model (reconstruction)). Every other full-model test ran at
 * σ = 0 or at σ small enough that the σ² terms hid inside the Monte Carlo error, so code that forgot σ² (in the
 * control variate's mean, in the sampler's labels, in the reduced loss) passed. Each test here asserts its own
 * power: the σ² term it checks is many tolerances wide, so dropping it fails the test. The Monte Carlo losses
 * are in {@link NoisyModelMonteCarloTest}.
 */
class NoisyModelTest {

  /** s² d_i + σ², written out here rather than taken from {@link ProblemConfig#signalPlusNoise}. */
  private static double signalPlusNoise(ProblemConfig c, int i) {
    return c.s2() * c.blockSize(i) + c.sigma() * c.sigma();
  }

  /** The control variate's M = E[z̄ z̄ᵀ] against its formula with σ²: diag(1/L on x, (s² d_i + σ²)/L on y). */
  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1.0})
  void meanTokenMomentCarriesTheNoiseVariance(double sigma) {
    ProblemConfig c = ProblemConfig.of(5, new int[] {2, 3}, 2, 7, sigma, 1.3);
    double[] m = ControlVariate.meanTokenMoment(c);
    assertEquals(c.tokenDim(), m.length);
    for (int k = 0; k < c.d(); k++) {
      assertEquals(1.0 / 7, m[k], 1e-16, "x coordinate " + k);
    }
    for (int i = 0; i < c.tasks(); i++) {
      double expected = signalPlusNoise(c, i) / 7;
      // Two roundings on each side: a relative 1e-15 is far below the σ²/L share (≥ 0.09/7 ≈ 1.3e-2 of ≈ 0.5).
      assertEquals(expected, m[c.d() + i], 1e-15 * expected, "y coordinate of task " + i);
      assertTrue(sigma * sigma / 7 > 1e10 * 1e-15 * expected, "the σ² share must be visible at this tolerance");
    }
  }

  /**
   * M against Monte Carlo of the sampler's own prompts: the mean of z̄_k² over N prompts. The per-prompt value
   * z̄_y² has relative spread √(3 E[v²]/E[v]² − 1) ≤ 2.2 (v = ‖β_i‖² + σ² given β, χ² over β), so with N = 2·10⁵
   * one standard error is ≤ 0.5 %; the tolerance is 5 SE (false alarm ≈ 6e-7 per coordinate). Dropping σ²
   * moves the y entries by σ²/(s² d_i + σ²): 4.3 % (≥ 8 SE) at σ = 0.3, 33 % at σ = 1 — asserted below.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1.0})
  void meanTokenMomentMatchesMonteCarloWithNoise(double sigma) {
    ProblemConfig c = ProblemConfig.of(4, new int[] {2, 2}, 1, 4, sigma, 1.0);
    int prompts = 200_000;
    int dd = c.tokenDim();
    int ll = c.promptLength();
    PromptSampler sampler = PromptSampler.of(c, 4242L, prompts, false);
    int chunk = 1000;
    PromptBlock block = new PromptBlock(c, chunk);
    double[] sum = new double[dd];
    double[] sumSq = new double[dd];
    for (int first = 0; first < prompts; first += chunk) {
      sampler.fill(first, chunk, block);
      for (int p = 0; p < chunk; p++) {
        for (int k = 0; k < dd; k++) {
          double mean = 0;
          for (int l = 0; l < ll; l++) {
            mean += block.token(p, l, k);
          }
          mean /= ll;
          sum[k] += mean * mean;
          sumSq[k] += mean * mean * mean * mean;
        }
      }
    }
    double[] m = ControlVariate.meanTokenMoment(c);
    for (int k = 0; k < dd; k++) {
      double est = sum[k] / prompts;
      double se = Math.sqrt((sumSq[k] / prompts - est * est) / (prompts - 1));
      assertEquals(m[k], est, 5 * se, "coordinate " + k + " (σ = " + sigma + ")");
      if (k >= c.d()) {
        double withoutNoise = c.s2() * c.blockSize(k - c.d()) / ll;
        assertTrue(Math.abs(m[k] - withoutNoise) > 8 * se, "no power to see σ²: SE " + se);
      }
    }
  }

  /**
   * At ω = 0 attention is uniform, so each prompt's loss is its control-variate loss and the corrected batch
   * loss is E ℓ_cv exactly, on any batch: (1/n) Σ_i [s² d_i + ((s² d_i + σ²)/L)(Σ_h μ_i^h)²]. Round-off: 64
   * prompts of O(10) terms, relative ≲ 64·10·u ≈ 1e-13; the tolerance 1e-12 is 4 orders below the σ² share.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1.0})
  void controlVariateMeanIsExactAtUniformAttention(double sigma) {
    ProblemConfig c = ProblemConfig.of(6, new int[] {3, 3}, 2, 10, sigma, 1.3);
    double[][] mu = {{1.5, 0.4}, {0.8, 2.0}};
    AttentionWeights w = AttentionWeights.decomposable(c, SpectralState.of(new double[][] {{0, 0}, {0, 0}}, mu));
    double expected = 0;
    double sigmaShare = 0;
    for (int i = 0; i < c.tasks(); i++) {
      double sumMu = mu[0][i] + mu[1][i];
      expected += c.s2() * c.blockSize(i) + signalPlusNoise(c, i) / c.promptLength() * sumMu * sumMu;
      sigmaShare += sigma * sigma / c.promptLength() * sumMu * sumMu;
    }
    expected /= c.tasks();
    sigmaShare /= c.tasks();
    assertTrue(sigmaShare > 1e4 * 1e-12 * expected, "the σ² share must be visible at this tolerance");
    try (FullModel m = new FullModel(c, 2)) {
      for (long seed : new long[] {1L, 2L}) {
        double corrected = m.loss(w, StoredPrompts.copyOf(PromptSampler.of(c, seed, 64, false)), true);
        assertEquals(expected, corrected, 1e-12 * expected, "batch seed " + seed);
      }
    }
  }
}
