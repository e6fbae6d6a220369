package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The rates of the small-amplitude system, by hand on a configuration where every factor matters. */
class DecoupledWarmupTest {
  // d = 9, blocks 4, 5, H = 2, L = 20, sigma = 0.5, s2 = 2: n = 2, D = 11, c = (8.25, 10.25).
  private static final ProblemConfig C = ProblemConfig.of(9, new int[] {4, 5}, 2, 20, 0.5, 2.0);
  // Each rate is a product/quotient of at most five doubles: 8 ulp relative covers its rounding.
  private static final double ULPS = 8 * Math.ulp(1.0);

  @Test
  void ratesFollowTheirFormulas() {
    assertEquals(16.0, DecoupledWarmup.a(C, 0), 16 * ULPS); // 4 * 2 * 4 / 2
    assertEquals(20.0, DecoupledWarmup.a(C, 1), 20 * ULPS); // 4 * 2 * 5 / 2
    double b = 4.0 / Math.sqrt(11); // 4 * 2 / (2 sqrt 11)
    assertEquals(b, DecoupledWarmup.b(C), b * ULPS);
    assertEquals(0.825, DecoupledWarmup.gamma(C, 0), ULPS); // 4 * 8.25 / (2 * 20)
    assertEquals(1.025, DecoupledWarmup.gamma(C, 1), ULPS); // 4 * 10.25 / (2 * 20)
  }

  @Test
  void tauIsWhereTheBlowUpsProductReachesHalfTheLimit() {
    // mu omega = 1/(a b (T - t)^2) equals mu* omega* / 2 at T - t = tau.
    for (int i = 0; i < 2; i++) {
      double tau = DecoupledWarmup.tau(C, i);
      double product = 1.0 / (DecoupledWarmup.a(C, i) * DecoupledWarmup.b(C) * tau * tau);
      double half = 0.5 * ClosedForms.muStar(C, i) * ClosedForms.omegaStar(C, i);
      assertEquals(half, product, half * ULPS, "task " + i);
    }
  }

  @Test
  void derivativeInLogCoordinates() {
    // y = (ln omega^1, ln omega^2, ln mu^1, ln mu^2) with omega = (0.1, 0.2), mu = (0.3, 0.5); task 1.
    double[] y = {Math.log(0.1), Math.log(0.2), Math.log(0.3), Math.log(0.5)};
    double[] yDot = new double[4];
    DecoupledWarmup.derivative(C, 1, y, yDot);
    double b = 4.0 / Math.sqrt(11);
    double[] expected = {b * 0.3, b * 0.5, 20 * 0.1 - 1.025 * 0.8, 20 * 0.2 - 1.025 * 0.8};
    assertArrayEquals(expected, yDot, 1e-14);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DecoupledWarmup.derivative(C, 1, new double[3], yDot));
    assertEquals("the state of one task has 2H = 4 entries", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DecoupledWarmup.derivative(C, 1, y, new double[5]));
  }
}
