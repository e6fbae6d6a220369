package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Single-head optimum of the leading-order reduced loss against MODEL.md §6 (reduced model (reconstruction)). */
class SingleHeadOptimumTest {

  /**
   * Stationarity gives Σ_j d_j ω_j² = 1 exactly at every L. Budget: LM drives ‖∇F‖ to ≈ 1e-13; the sharpness
   * moves by O(‖∇F‖ / λ_min(Hessian)) ≤ 1e-9 for the curvatures met here (λ_min ≥ 1e-3), so 1e-8 is a safe bound
   * that a non-stationary point (or a wrong gradient) would miss by orders of magnitude.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Preset.class)
  void sharpnessIsOneAndMultiHeadIsStrictlyBetter(Preset preset) {
    SingleHeadResult r = SingleHeadOptimum.solve(preset.config());
    System.out.printf("%s: F_single*=%.12f F*=%.12f ratio=%.6f sharpness-1=%.3e |grad|=%.2e lambda_min=%.3e omega=%s"
        + " mu=%s evals=%d%n", preset.id(), r.fSingle(), r.fStar(), r.ratio(), r.sharpness() - 1, r.gradientNorm(),
        r.minHessianEigenvalue(), Arrays.toString(r.omega()), Arrays.toString(r.mu()), r.evaluations());
    assertTrue(r.gradientNorm() < 1e-10, "optimiser did not reach a stationary point: |grad| = " + r.gradientNorm());
    assertTrue(r.minHessianEigenvalue() > 0, "not a local minimum: lambda_min = " + r.minHessianEigenvalue());
    assertEquals(1.0, r.sharpness(), 1e-8);
    // P5 separation: strict, margin far above the optimiser's 1e-12 relative error in F.
    assertTrue(r.ratio() > 1.0 + 1e-6, "F_single*/F* = " + r.ratio());
  }

  /**
   * Blocks 8, 8, 8 (σ = 0, s² = 1): MODEL.md quotes 1.87 (L = 50), 2.51 (L = 200), 2.88 (L = 1000), rounded to two
   * decimals, so the computed ratio must round to them: |ratio − quoted| ≤ 0.005 (+ optimiser error ≪ 1e-6).
   */
  @ParameterizedTest(name = "L = {0}: {1}")
  @CsvSource({"50, 1.87", "200, 2.51", "1000, 2.88"})
  void reproducesQuotedRatios(int promptLength, double quoted) {
    ProblemConfig c = ProblemConfig.of(24, new int[] {8, 8, 8}, 3, promptLength, 0.0, 1.0);
    SingleHeadResult r = SingleHeadOptimum.solve(c);
    System.out.printf("blocks 8,8,8 L=%d: ratio=%.6f (quoted %.2f)%n", promptLength, r.ratio(), quoted);
    assertEquals(quoted, r.ratio(), 0.005 + 1e-6);
  }

  /**
   * F_single* / F* increases with L/d towards d·Σd_i/Σd_i² from below. The approach is O(d/L) (the variance term
   * (c_i/L)μ²e against the bias); the check is monotone increase over a sweep and a gap to the limit that shrinks
   * at least like 1/L between L = 10⁴ and 10⁵ (factor &gt; 5 for a tenfold L).
   */
  @Test
  void approachesLimitFromBelowAsLGrows() {
    int[][] blockSets = {{8, 8, 8}, {16, 17, 17}, {4, 4}, {2, 6}};
    for (int[] blocks : blockSets) {
      int d = Arrays.stream(blocks).sum();
      double limit = ClosedForms.singleHeadRatioLimit(ProblemConfig.of(d, blocks, 1, 100, 0.0, 1.0));
      double previous = 1.0;
      double gap4 = Double.NaN;
      for (int promptLength : new int[] {50, 200, 1000, 10_000, 100_000}) {
        ProblemConfig c = ProblemConfig.of(d, blocks, blocks.length, promptLength, 0.0, 1.0);
        double ratio = SingleHeadOptimum.solve(c).ratio();
        System.out.printf("blocks %s L=%d ratio=%.6f limit=%.6f%n", Arrays.toString(blocks), promptLength, ratio, limit);
        assertTrue(ratio > previous, "ratio must grow with L");
        assertTrue(ratio < limit, "ratio must stay below the limit " + limit);
        if (promptLength == 10_000) {
          gap4 = limit - ratio;
        }
        if (promptLength == 100_000) {
          assertTrue((limit - ratio) * 5 < gap4, "gap to the limit must shrink like 1/L");
        }
        previous = ratio;
      }
    }
  }

  /**
   * Without noise the optimum is known in closed form. σ = 0 gives c_i = s²d_i, so κ_i = 1/L for every task; with
   * μ at its exact minimiser F = (s²/n) Σ_i d_i (e^q/L)/(ω_i² + e^q/L), q = Σ_j d_j ω_j². At fixed q each term
   * falls with ω_i² and the Lagrange condition on Σ_j d_j ω_j² = q makes every ω_i² equal (= q/d); stationarity
   * in q then gives q = 1. So ω_i = 1/√d for every task (whatever the block sizes), μ_i = (1/√d)/(1/d + e/L) and
   * F_single* = s²d²e/(n(L + e·d)). Budget: the optimiser's point is off by at most ‖∇F‖/λ_min ≤ 1e-13/1e-3 =
   * 1e-10 (see above), hence 1e-8 on ω and μ (entries ≤ 1.2: also relative); F is stationary there, so its error is
   * second order (≈ λ_max·1e-20) plus round-off of a sum of n terms (≈ 1e-15 relative): 1e-12 relative.
   */
  @ParameterizedTest(name = "blocks {0}, L = {1}, s2 = {2}")
  @CsvSource({"2 6, 20, 1.0", "1 1 6, 1000, 1.0", "3 5, 200, 2.5"})
  void noiselessOptimumIsTheClosedForm(String blockList, int promptLength, double s2) {
    int[] blocks = Arrays.stream(blockList.split(" ")).mapToInt(Integer::parseInt).toArray();
    int d = Arrays.stream(blocks).sum();
    int n = blocks.length;
    ProblemConfig c = ProblemConfig.of(d, blocks, n, promptLength, 0.0, s2);
    SingleHeadResult r = SingleHeadOptimum.solve(c);
    double e = Math.E;
    double omega = 1 / Math.sqrt(d);
    double mu = omega / (1.0 / d + e / promptLength);
    for (int i = 0; i < n; i++) {
      assertEquals(omega, r.omega()[i], 1e-8, "omega_" + i);
      assertEquals(mu, r.mu()[i], 1e-8, "mu_" + i);
    }
    double fSingle = s2 * d * d * e / (n * (promptLength + e * d));
    assertEquals(fSingle, r.fSingle(), 1e-12 * fSingle);
    assertEquals(fSingle / ClosedForms.fStar(c), r.ratio(), 1e-12 * r.ratio());
  }
}
