package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * What {@link SingleHeadOptimum#solve} reports is about the point it reports: the loss, the gradient norm and F*
 * recomputed independently at the returned (ω, μ) must be those in the result (the optimiser's own numbers are not
 * trusted). A small problem (two blocks of 4, L = 50: ≈ 50 ms).
 */
class SingleHeadResultTest {
  private static final ProblemConfig C = ProblemConfig.of(8, new int[] {4, 4}, 2, 50, 0.0, 1.0);

  @Test
  void reportedNumbersAreThoseOfTheReportedPoint() {
    SingleHeadResult r = SingleHeadOptimum.solve(C);
    int n = C.tasks();
    double[][] gw = new double[1][n];
    double[][] gm = new double[1][n];
    double f = new LeadingOrderLoss(C.withHeads(1)).evaluate(new double[][] {r.omega()}, new double[][] {r.mu()},
        gw, gm);
    // The same loss code at the same point with the same operation order: bit-identical (tolerance 0).
    assertEquals(f, r.fSingle(), 0.0);
    double g2 = 0;
    double sharp = 0;
    for (int j = 0; j < n; j++) {
      g2 += gw[0][j] * gw[0][j];
      sharp += C.blockSize(j) * r.omega()[j] * r.omega()[j];
    }
    for (int j = 0; j < n; j++) {
      g2 += gm[0][j] * gm[0][j];
    }
    assertEquals(FastMath.sqrt(g2), r.gradientNorm(), 0.0);
    assertEquals(sharp, r.sharpness(), 0.0);
    assertEquals(ClosedForms.fStar(C), r.fStar(), 0.0);
    assertEquals(r.fSingle() / r.fStar(), r.ratio(), 0.0);
    // The point is a genuine single-head optimum: F_single* > F* (P5) and Σ d_j ω_j² = 1 (stationarity; budget in
    // SingleHeadOptimumTest: 1e-8).
    assertTrue(r.fSingle() > r.fStar());
    assertEquals(1.0, sharp, 1e-8);
    // Starts: four equal-sharpness ones plus one per block.
    assertEquals(4 + n, r.starts());
    // At least the certificate's own evaluations: one gradient and two per Hessian column (2n columns).
    assertTrue(r.evaluations() >= 1 + 2 * 2 * n, "evaluations " + r.evaluations());
  }

  @Test
  void holdsCopiesOfWhatItWasGiven() {
    double[] omega = {0.5, 0.25};
    double[] mu = {2.0, 4.0};
    SingleHeadResult r = new SingleHeadResult(3.0, omega, mu, 1.5, 2.0, 1e-3, 0.125, 6, 1234L);
    omega[0] = 99;
    mu[0] = 99;
    assertArrayEquals(new double[] {0.5, 0.25}, r.omega(), 0.0);
    assertArrayEquals(new double[] {2.0, 4.0}, r.mu(), 0.0);
    r.omega()[1] = 99;
    r.mu()[1] = 99;
    assertArrayEquals(new double[] {0.5, 0.25}, r.omega(), 0.0);
    assertArrayEquals(new double[] {2.0, 4.0}, r.mu(), 0.0);
    assertEquals(3.0, r.fSingle(), 0.0);
    assertEquals(1.5, r.sharpness(), 0.0);
    assertEquals(2.0, r.fStar(), 0.0);
    assertEquals(1.5, r.ratio(), 0.0);
    assertEquals(1e-3, r.gradientNorm(), 0.0);
    assertEquals(0.125, r.minHessianEigenvalue(), 0.0);
    assertEquals(6, r.starts());
    assertEquals(1234L, r.evaluations());
  }
}
