package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.RefinedLoss;
import io.github.softmaxicl.theory.SpectralState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Monte Carlo half of {@link NoisyModelTest}: the full model's loss with label noise σ &gt; 0 against the
 * reduced loss, and the control variate's unbiasedness away from uniform attention (reduced model
 * (reconstruction)). Kept apart because its 10⁴–10⁵-prompt estimates take tens of seconds: PIT leaves this class
 * out, the ordinary build runs it. Each test asserts its own power against a forgotten σ².
 */
class NoisyModelMonteCarloTest {

  /** s² d_i + σ², written out here rather than taken from {@link ProblemConfig#signalPlusNoise}. */
  private static double signalPlusNoise(ProblemConfig c, int i) {
    return c.s2() * c.blockSize(i) + c.sigma() * c.sigma();
  }

  /**
   * The control variate is unbiased with noise away from uniform attention: per prompt, plain − corrected loss =
   * ℓ_cv − E ℓ_cv, whose mean over N = 4000 prompts must vanish within 5 SE. Decomposable weights put U's mass on
   * the y columns (U = diag(Σ_h μ_i^h) there, x columns zero), where σ² acts; E ℓ_cv without σ² would be low by
   * (1/n) Σ_i (Σ_h μ_i^h)² σ²/L, asserted to exceed 10 SE at σ = 1 (at σ = 0.3
   * NoisyModelTest.controlVariateMeanIsExactAtUniformAttention carries the power).
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1.0})
  void controlVariateLossIsUnbiasedWithNoise(double sigma) {
    ProblemConfig c = ProblemConfig.of(4, new int[] {2, 2}, 2, 4, sigma, 1.0);
    double[][] mu = {{3.0, 0.5}, {1.0, 2.5}};
    AttentionWeights w = AttentionWeights.decomposable(c, SpectralState.of(new double[][] {{0.1, 0.02}, {0.03, 0.12}}, mu));
    int prompts = 4000;
    double sum = 0;
    double sumSq = 0;
    try (FullModel m = new FullModel(c, 1)) {
      for (int p = 0; p < prompts; p++) {
        PromptSampler one = PromptSampler.of(c, Seeds.derive(31L, p), 1, false);
        double dlt = m.loss(w, one, false) - m.loss(w, one, true);
        sum += dlt;
        sumSq += dlt * dlt;
      }
    }
    double mean = sum / prompts;
    double se = Math.sqrt((sumSq / prompts - mean * mean) / (prompts - 1));
    double sigmaShare = 0;
    for (int i = 0; i < c.tasks(); i++) {
      double u = mu[0][i] + mu[1][i];
      sigmaShare += u * u * sigma * sigma / c.promptLength();
    }
    sigmaShare /= c.tasks();
    System.out.printf("CV loss bias at σ=%.1f: %.4g ± %.3g; σ² share %.4g%n", sigma, mean, se, sigmaShare);
    if (sigma >= 1.0) {
      assertTrue(sigmaShare > 10 * se, "no power to see σ²: share " + sigmaShare + ", SE " + se);
    }
    assertEquals(0.0, mean, 5 * se);
  }

  /**
   * The full model's loss with noise against the reduced loss with c_i = s² d_i + σ² (MODEL.md §4). At ω = 0
   * attention is exactly uniform and the reduced loss is exact: F = (1/n) Σ_i [s² d_i + (c_i/L)(Σ_h μ_i^h)²],
   * so the budget is 5 Monte Carlo SEs alone. At σ = 1 the σ² term (1/n) Σ_i (σ²/L)(Σ_h μ_i^h)² is asserted to
   * exceed 10 SE, so a sampler or formula without noise fails.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1.0})
  void fullLossWithNoiseMatchesExactReducedLossAtUniformAttention(double sigma) {
    ProblemConfig c = ProblemConfig.of(6, new int[] {3, 3}, 2, 10, sigma, 1.0);
    double[][] mu = {{1.5, 0.4}, {0.8, 2.0}};
    SpectralState s = SpectralState.of(new double[][] {{0, 0}, {0, 0}}, mu);
    double expected = 0;
    double sigmaShare = 0;
    for (int i = 0; i < c.tasks(); i++) {
      double sumMu = mu[0][i] + mu[1][i];
      expected += c.s2() * c.blockSize(i) + signalPlusNoise(c, i) / c.promptLength() * sumMu * sumMu;
      sigmaShare += sigma * sigma / c.promptLength() * sumMu * sumMu;
    }
    expected /= c.tasks();
    sigmaShare /= c.tasks();
    try (FullModel m = new FullModel(c, 2)) {
      MonteCarloLoss mc = MonteCarloLoss.estimate(m, AttentionWeights.decomposable(c, s), 515L, 100_000);
      System.out.printf("σ=%.1f, ω=0: MC %s, exact %.5f, σ² share %.5f%n", sigma, mc, expected, sigmaShare);
      if (sigma >= 1.0) {
        // At σ = 0.3 the σ² share is ≈ 2 SE only; NoisyModelTest's exact check carries the power.
        assertTrue(sigmaShare > 10 * mc.standardError(), "no power to see σ²: " + sigmaShare + " vs " + mc);
      }
      assertEquals(expected, mc.mean(), 5 * mc.standardError());
    }
  }

  /**
   * The full model's loss with noise against the refined reduced loss at small ω (MODEL.md §4, s² = 1). Budget
   * as in {@link ReducedLossAgreementTest}: |refined − leading order| for the first-order terms the two write-ups
   * treat differently, the O(1/L²) remainder (d_i e^{Σ d ω²}/L)²·F, and 5 Monte Carlo SEs. The σ² term of the
   * leading order, (1/n) Σ_i (σ²/L) Σ_{h,h'} μ_i^h μ_i^h' E_hh', is asserted to exceed twice that budget.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1.0})
  void fullLossWithNoiseMatchesReducedLossAtSmallOmega(double sigma) {
    ProblemConfig c = ProblemConfig.of(8, new int[] {4, 4}, 2, 200, sigma, 1.0);
    SpectralState s = SpectralState.of(new double[][] {{0.12, 0.03}, {0.02, 0.1}}, new double[][] {{6, 0.5}, {0.3, 7}});
    double lead = ReducedLossAgreementTest.leadingOrder(c, s);
    double refined = new RefinedLoss(c).value(s);
    double sigmaShare = 0;
    for (int i = 0; i < c.tasks(); i++) {
      double var = 0;
      for (int h = 0; h < 2; h++) {
        for (int g = 0; g < 2; g++) {
          double q = 0;
          for (int j = 0; j < c.tasks(); j++) {
            q += c.blockSize(j) * s.omega(h, j) * s.omega(g, j);
          }
          var += s.mu(h, i) * s.mu(g, i) * Math.exp(q);
        }
      }
      sigmaShare += sigma * sigma / c.promptLength() * var;
    }
    sigmaShare /= c.tasks();
    try (FullModel m = new FullModel(c, 2)) {
      MonteCarloLoss mc = MonteCarloLoss.estimate(m, AttentionWeights.decomposable(c, s), 2025L, 40_000);
      double q = 4 * (0.12 * 0.12 + 0.03 * 0.03);
      double remainder = Math.pow(4 * Math.exp(q) / c.promptLength(), 2) * lead;
      double tol = Math.abs(refined - lead) + remainder + 5 * mc.standardError();
      System.out.printf("σ=%.1f small ω: MC %s, leading %.5f, refined %.5f, tol %.5f, σ² share %.5f%n", sigma, mc,
          lead, refined, tol, sigmaShare);
      assertEquals(refined, mc.mean(), tol);
      assertEquals(lead, mc.mean(), tol);
      if (sigma >= 1.0) {
        assertTrue(sigmaShare > 2 * tol, "no power to see σ²: share " + sigmaShare + ", tol " + tol);
      }
    }
  }
}
