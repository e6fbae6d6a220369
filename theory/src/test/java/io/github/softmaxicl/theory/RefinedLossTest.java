package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The refined loss's value against its formula (class Javadoc) written out term by term, its domain boundary
 * 2 ω ω' = 1, and its shape checks. The gradient is checked against finite differences in {@link GradientTest}, but
 * that cannot see an error made consistently in value and gradient (a dropped moment, say): this test can.
 */
class RefinedLossTest {
  /** L_i of the class Javadoc, literally: Φ, Ψ from the pair moments, then the four terms. */
  private static double reference(ProblemConfig c, SpectralState s, int i) {
    int heads = c.heads();
    double[][] phi = new double[heads][heads];
    double[][] psi = new double[heads][heads];
    for (int h = 0; h < heads; h++) {
      for (int g = 0; g < heads; g++) {
        double p = 1;
        for (int j = 0; j < c.tasks(); j++) {
          p *= Math.pow(1 - 2 * s.omega(h, j) * s.omega(g, j), -c.blockSize(j) / 2.0);
        }
        phi[h][g] = p;
        psi[h][g] = c.blockSize(i) * p / (1 - 2 * s.omega(h, i) * s.omega(g, i));
      }
    }
    double r = 1;
    for (int h = 0; h < heads; h++) {
      r -= s.mu(h, i) * s.omega(h, i);
    }
    double diag = 0;
    double pairs = 0;
    double variance = 0;
    for (int h = 0; h < heads; h++) {
      double ah = s.mu(h, i) * s.omega(h, i);
      diag += ah * psi[h][h];
      for (int g = 0; g < heads; g++) {
        pairs += ah * s.mu(g, i) * s.omega(g, i) * psi[h][g];
        variance += s.mu(h, i) * s.mu(g, i) * phi[h][g];
      }
    }
    double invL = 1.0 / c.promptLength();
    return c.s2() * (c.blockSize(i) * r * r + 2 * r * diag * invL + pairs * invL)
        + c.signalPlusNoise(i) * invL * variance;
  }

  @Test
  void oneHeadOneCoordinateByHand() {
    // omega = 1/2, mu = 1, d = 1, L = 10, sigma = 0, s2 = 1: 1 - 2 omega^2 = 1/2, Phi = sqrt 2, Psi = 2 sqrt 2,
    // a = R = 1/2: L = 1/4 + 2 (1/2)(1/2) 2 sqrt 2 / 10 + (1/4) 2 sqrt 2 / 10 + sqrt 2 / 10 = (1 + sqrt 2) / 4.
    ProblemConfig c = ProblemConfig.of(1, new int[] {1}, 1, 10, 0, 1);
    SpectralState s = SpectralState.of(new double[][] {{0.5}}, new double[][] {{1.0}});
    assertEquals((1 + Math.sqrt(2)) / 4, new RefinedLoss(c).value(s), 1e-15);
  }

  @Test
  void valueAndTaskLossesFollowTheFormula() {
    // Cases from the property generator (H, n up to 4, sigma > 0 in most) and one fixed 3-head, 3-task case with
    // every omega and mu distinct. Reference and kernel sum the same terms in different orders: each term is
    // O(10) at these states, so 1e-12 relative covers the reordering (about 100 roundings of 1e-16).
    for (long seed = 1; seed <= 8; seed++) {
      ProblemConfig c = RandomCases.config(seed);
      check(c, RandomCases.state(c, seed));
    }
    ProblemConfig c = ProblemConfig.of(9, new int[] {2, 3, 4}, 3, 25, 0.4, 1.5);
    check(c, SpectralState.of(new double[][] {{0.3, -0.1, 0.05}, {0.2, 0.25, -0.15}, {-0.05, 0.1, 0.28}},
        new double[][] {{1.2, 0.3, -0.4}, {0.2, 0.9, 0.1}, {-0.3, 0.5, 1.4}}));
  }

  private static void check(ProblemConfig c, SpectralState s) {
    RefinedLoss loss = new RefinedLoss(c);
    double[] perTask = loss.taskLosses(s);
    double mean = 0;
    for (int i = 0; i < c.tasks(); i++) {
      double expected = reference(c, s, i);
      assertEquals(expected, perTask[i], 1e-12 * Math.abs(expected) + 1e-15, c + " task " + i);
      mean += expected / c.tasks();
    }
    assertEquals(mean, loss.value(s), 1e-12 * Math.abs(mean), c.toString());
  }

  @Test
  void theGradientArraysAreOverwrittenNotAddedTo() {
    ProblemConfig c = ProblemConfig.of(9, new int[] {2, 3, 4}, 3, 25, 0.4, 1.5);
    SpectralState s = RandomCases.state(c, 5);
    RefinedLoss loss = new RefinedLoss(c);
    double[][] gw = new double[3][3];
    double[][] gm = new double[3][3];
    double f = loss.evaluate(s.omegaArray(), s.muArray(), gw, gm);
    double[][] dirtyW = {{7, 7, 7}, {7, 7, 7}, {7, 7, 7}};
    double[][] dirtyM = {{-7, -7, -7}, {-7, -7, -7}, {-7, -7, -7}};
    assertEquals(f, loss.evaluate(s.omegaArray(), s.muArray(), dirtyW, dirtyM));
    assertArrayEquals(gw, dirtyW);
    assertArrayEquals(gm, dirtyM);
    assertSame(c, loss.config());
  }

  @Test
  void theDomainEndsWhereTwoOmegaOmegaReachesOne() {
    ProblemConfig c = ProblemConfig.of(2, new int[] {1, 1}, 2, 10, 0, 1);
    RefinedLoss loss = new RefinedLoss(c);
    double[][] mu = {{1, 1}, {1, 1}};
    // 2 * 0.5 * 0.5 = 0.5 < 1 on every pair: inside.
    assertTrue(loss.inDomain(SpectralState.of(new double[][] {{0.5, 0.1}, {0.5, 0.1}}, mu)));
    // The cross pair (head 0, head 1) of task 1 reaches 2 * 0.5 * 1 = 1 exactly: outside, and refused naming that
    // pair (head 1's own pair, 2, is also outside: a pair reaching exactly 1 always has a self pair >= 1 beside it).
    double[][] edge = {{0.1, 0.5}, {0.1, 1.0}};
    // Cross pair 2 * 0.5 * 0.7 = 0.7, head 1's own pair 2 * 0.7^2 = 0.98: inside.
    assertTrue(loss.inDomain(SpectralState.of(new double[][] {{0.1, 0.5}, {0.1, 0.7}}, mu)));
    assertFalse(loss.inDomain(SpectralState.of(edge, mu)));
    // Head 1's own pair 2 * 0.75^2 = 1.125 on task 1 with its cross pairs inside: still outside.
    assertFalse(loss.inDomain(SpectralState.of(new double[][] {{0.1, 0.1}, {0.1, 0.75}}, mu)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> loss.value(SpectralState.of(edge, mu)));
    assertEquals("refined loss outside its domain: 2*omega_1^1*omega_1^0 = 1.0 must be < 1", e.getMessage());
    // Well outside: the message gives the pair's value, 2 * 1 * 1 = 2.
    assertEquals("refined loss outside its domain: 2*omega_0^0*omega_0^0 = 2.0 must be < 1",
        assertThrows(IllegalArgumentException.class, () -> new RefinedLoss(ProblemConfig.of(1, new int[] {1}, 1, 10,
            0, 1)).value(SpectralState.of(new double[][] {{1.0}}, new double[][] {{1.0}}))).getMessage());
    // Inside (pairs up to 0.98): a finite loss.
    assertTrue(Double.isFinite(loss.value(SpectralState.of(new double[][] {{0.1, 0.5}, {0.1, 0.7}}, mu))));
  }

  @Test
  void arraysOfTheWrongShapeAreNamed() {
    ProblemConfig c = ProblemConfig.of(4, new int[] {2, 2}, 2, 10, 0, 1);
    RefinedLoss loss = new RefinedLoss(c);
    LeadingOrderLoss leading = new LeadingOrderLoss(c);
    String[] names = {"omega", "mu", "gradOmega", "gradMu"};
    for (int k = 0; k < 4; k++) {
      double[][][] arrays = {new double[2][2], new double[2][2], new double[2][2], new double[2][2]};
      arrays[k] = new double[][] {{0.1, 0.1}, {0.1, 0.1, 0.1}};
      for (ReducedLoss l : new ReducedLoss[] {loss, leading}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> l.evaluate(arrays[0], arrays[1], arrays[2], arrays[3]));
        assertEquals(names[k] + " row 1 has 3 tasks, expected 2", e.getMessage());
      }
    }
    // The leading-order loss has no domain limit.
    assertTrue(leading.inDomain(SpectralState.of(new double[][] {{5, 5}, {5, 5}}, new double[2][2])));
  }
}
