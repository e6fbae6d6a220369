package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.RefinedLoss;
import io.github.softmaxicl.theory.SpectralState;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo loss of the full model at decomposable points against the reduced losses of MODEL.md §4
 * (reduced model (reconstruction)).
 */
class ReducedLossAgreementTest {

  /** MODEL.md §4, written out here: F = (1/n) Σ_i [s² d_i R_i² + (c_i/L) Σ_{h,h'} μ_i^h μ_i^h' E_hh']. */
  static double leadingOrder(ProblemConfig c, SpectralState s) {
    int heads = s.heads();
    int n = s.tasks();
    double[][] e = new double[heads][heads];
    for (int h = 0; h < heads; h++) {
      for (int g = 0; g < heads; g++) {
        double q = 0;
        for (int j = 0; j < n; j++) {
          q += c.blockSize(j) * s.omega(h, j) * s.omega(g, j);
        }
        e[h][g] = Math.exp(q);
      }
    }
    double f = 0;
    for (int i = 0; i < n; i++) {
      double r = 1;
      for (int h = 0; h < heads; h++) {
        r -= s.mu(h, i) * s.omega(h, i);
      }
      double var = 0;
      for (int h = 0; h < heads; h++) {
        for (int g = 0; g < heads; g++) {
          var += s.mu(h, i) * s.mu(g, i) * e[h][g];
        }
      }
      f += c.s2() * c.blockSize(i) * r * r + c.signalPlusNoise(i) / c.promptLength() * var;
    }
    return f / n;
  }

  @Test
  void monteCarloMatchesLeadingOrderAtSmallOmegaAndLargeL() {
    ProblemConfig c = ProblemConfig.of(8, new int[] {4, 4}, 2, 400, 0.0, 1.0);
    SpectralState s = SpectralState.of(new double[][] {{0.12, 0.03}, {0.02, 0.1}}, new double[][] {{6, 0.5}, {0.3, 7}});
    double lead = leadingOrder(c, s);
    assertEquals(new LeadingOrderLoss(c).value(s), lead, 1e-12 * lead); // two independent write-ups agree
    double refined = new RefinedLoss(c).value(s);
    try (FullModel m = new FullModel(c, 2)) {
      MonteCarloLoss mc = MonteCarloLoss.estimate(m, AttentionWeights.decomposable(c, s), 2024L, 20_000);
      // Budget: (a) the terms the leading order drops at first order (the O(d ω⁴) moment error and the O(1/L)
      // tilt terms), evaluated explicitly as |refined − leading|; (b) the O(1/L²) remainder of the expansion,
      // bounded by (d_i e^{Σ d ω²}/L)² · F; (c) 4 Monte Carlo standard errors.
      double q = 4 * (0.12 * 0.12 + 0.03 * 0.03);
      double remainder = Math.pow(4 * Math.exp(q) / c.promptLength(), 2) * lead;
      double tol = Math.abs(refined - lead) + remainder + 4 * mc.standardError();
      System.out.printf("L=400 small omega: MC %s, leading %.5f, refined %.5f, tol %.5f%n", mc, lead, refined, tol);
      assertEquals(lead, mc.mean(), tol);
    }
  }

  @Test
  void refinedLossErrorShrinksAlongLAndBeatsLeadingOrderAtLargestL() {
    // MODEL.md §4's measurement: blocks 8+8, specialised heads ω = 0.35 (d ω² ≈ 1), μ = 2.5, where the leading
    // order's e^{dω²} misses the χ² moment (1 − 2ω²)^{−d/2} by ≈ 15 % on the variance term at every L.
    int[] lengths = {100, 200, 800};
    double[] errRef = new double[lengths.length];
    double[] errLead = new double[lengths.length];
    double[] se = new double[lengths.length];
    for (int k = 0; k < lengths.length; k++) {
      ProblemConfig c = ProblemConfig.of(16, new int[] {8, 8}, 2, lengths[k], 0.0, 1.0);
      SpectralState s = SpectralState.of(new double[][] {{0.35, 0.0}, {0.0, 0.35}}, new double[][] {{2.5, 0.0}, {0.0, 2.5}});
      try (FullModel m = new FullModel(c, 2)) {
        MonteCarloLoss mc = MonteCarloLoss.estimate(m, AttentionWeights.decomposable(c, s), 77L + k, 20_000);
        double ref = new RefinedLoss(c).value(s);
        double lead = leadingOrder(c, s);
        errRef[k] = Math.abs(mc.mean() - ref);
        errLead[k] = Math.abs(mc.mean() - lead);
        se[k] = mc.standardError();
        System.out.printf("L=%d: MC %s, refined %.5f (err %.5f), leading %.5f (err %.5f)%n", lengths[k], mc, ref,
            errRef[k], lead, errLead[k]);
      }
    }
    int last = lengths.length - 1;
    // Each error is known to ±se (one MC estimate per L); differences are asserted beyond 4 combined SEs.
    for (int k = 1; k < lengths.length; k++) {
      assertTrue(errRef[k] + 4 * (se[k] + se[k - 1]) < errRef[k - 1] || errRef[k] < 4 * se[k],
          "refined error should shrink from L=" + lengths[k - 1] + " to L=" + lengths[k]);
    }
    assertTrue(errRef[last] + 4 * se[last] < errLead[last], "refined should beat leading order at the largest L");
  }
}
