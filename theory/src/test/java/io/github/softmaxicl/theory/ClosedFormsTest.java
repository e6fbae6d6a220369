package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Closed forms at their edges (test length 1, sharpness), the second derivative and moments of the formula, inits. */
class ClosedFormsTest {
  private static final ProblemConfig C = ProblemConfig.of(9, new int[] {2, 3, 4}, 3, 25, 0.4, 1.5);

  @Test
  void lengthGeneralisationAcceptsTestLengthOne() {
    // At L' = L it is F at the limit (the leading-order loss there); at L' = 1 only the variance term grows by L.
    LeadingOrderLoss loss = new LeadingOrderLoss(C);
    double fAtLimit = loss.value(ClosedForms.limit(C));
    assertEquals(fAtLimit, ClosedForms.lengthGeneralisationLoss(C, 25), 1e-14 * fAtLimit);
    double signal = 0;
    double variance = 0;
    for (int i = 0; i < 3; i++) {
      double r = 1 - ClosedForms.muStar(C, i) * ClosedForms.omegaStar(C, i);
      signal += C.s2() * C.blockSize(i) * r * r / 3;
      variance += C.signalPlusNoise(i) * ClosedForms.muStar(C, i) * ClosedForms.muStar(C, i) * Math.E / 3;
    }
    assertEquals(signal + variance, ClosedForms.lengthGeneralisationLoss(C, 1), 1e-14 * (signal + variance));
    ConfigException e = assertThrows(ConfigException.class, () -> ClosedForms.lengthGeneralisationLoss(C, 0));
    assertEquals("L: test length must be >= 1 (got 0)", e.getMessage());
  }

  @Test
  void sharpnessIsOneAtTheLimitForEachServingHead() {
    SpectralState limit = ClosedForms.limit(C);
    for (int h = 0; h < 3; h++) {
      assertEquals(1.0, ClosedForms.sharpness(C, limit, h), 1e-15, "head " + h);
    }
    // By hand: 2 * 0.1^2 + 3 * 0.2^2 + 4 * (-0.3)^2 = 0.02 + 0.12 + 0.36 = 0.5.
    SpectralState s = SpectralState.of(new double[][] {{0.1, 0.2, -0.3}, {0, 0, 0}, {0, 0, 0}}, new double[3][3]);
    assertEquals(0.5, ClosedForms.sharpness(C, s, 0), 1e-15);
    assertEquals(0.0, ClosedForms.sharpness(C, s, 1));
  }


  @Test
  void theOnTaskPointAtAnAttentionFactorIsStationaryAndIsTheLimitAtE() {
    // Head 0 serves task 0 (d = 2) with d omega^2 = 1 and off-task omega 0.1 on task 1 and 0.05 on task 2, so its
    // attention factor is E = e^(1 + s), s = 3*0.01 + 4*0.0025 = 0.04; every other mu is 0 and the other heads serve
    // tasks 1 and 2 at their limits. The closed form at E must be stationary in mu_0^0 and omega_0^0 (dF = 0 up to
    // rounding: terms O(1), so 1e-13), F's task-0 loss must be taskLossAtAttention, and at E = e both are mu*, L*.
    SpectralState limit = ClosedForms.limit(C);
    double[][] w = limit.omegaArray();
    double[][] m = limit.muArray();
    w[0][1] = 0.1;
    w[0][2] = 0.05;
    SpectralState tailed = SpectralState.of(w, m);
    assertEquals(0.04, ClosedForms.offTaskSharpness(C, tailed, 0, 0), 1e-15);
    // Left out is the named task's block: without task 1, head 0 keeps d_0 omega_0^2 = 1 and 4 * 0.05^2 = 0.01.
    assertEquals(1.01, ClosedForms.offTaskSharpness(C, tailed, 0, 1), 1e-14);
    double attention = ClosedForms.attentionFactor(C, tailed, 0);
    assertEquals(Math.exp(1.04), attention, 1e-14);
    m[0][0] = ClosedForms.muAtAttention(C, 0, attention);
    LeadingOrderFormula<Real> f = formula(w, m);
    assertEquals(0.0, f.dMu(0, 0).value(), 1e-13);
    assertEquals(0.0, f.dOmega(0, 0).value(), 1e-13);
    double lossAtE = ClosedForms.taskLossAtAttention(C, 0, attention);
    assertEquals(lossAtE, f.taskLoss(0).value(), 1e-13 * lossAtE);
    assertTrue(m[0][0] < ClosedForms.muStar(C, 0), "a larger attention factor lowers mu");
    assertEquals(ClosedForms.muStar(C, 0), ClosedForms.muAtAttention(C, 0, StrictMath.E), 0.0);
    assertEquals(ClosedForms.taskLossStar(C, 0), ClosedForms.taskLossAtAttention(C, 0, StrictMath.E), 0.0);
  }

  private static LeadingOrderFormula<Real> formula(double[][] w, double[][] m) {
    return LeadingOrderFormula.of(LossCoefficients.real(C), LeadingOrderLoss.reals(w), LeadingOrderLoss.reals(m));
  }

  @Test
  void momentsAreExpOfTheBlockWeightedOverlap() {
    SpectralState s = RandomCases.state(C, 11);
    LeadingOrderFormula<Real> f = formula(s.omegaArray(), s.muArray());
    for (int h = 0; h < 3; h++) {
      for (int g = 0; g < 3; g++) {
        double x = 0;
        for (int j = 0; j < 3; j++) {
          x += C.blockSize(j) * s.omega(h, j) * s.omega(g, j);
        }
        assertEquals(Math.exp(x), f.moment(h, g).value(), 1e-15 * Math.exp(x), "E_" + h + g);
      }
    }
  }

  @Test
  void secondDerivativeInOmegaMatchesDifferencesOfTheFirst() {
    // Central difference of dF/domega with step 1e-6: truncation h^2 |F''''| / 6 ~ 1e-12 * O(10), round-off
    // eps |F'| / h ~ 2e-16 * O(10) / 1e-6 = 2e-9: 1e-7 relative to max(1, |F''|) covers both.
    SpectralState s = RandomCases.state(C, 12);
    LeadingOrderFormula<Real> f = formula(s.omegaArray(), s.muArray());
    double step = 1e-6;
    for (int h = 0; h < 3; h++) {
      for (int j = 0; j < 3; j++) {
        double[][] up = s.omegaArray();
        double[][] down = s.omegaArray();
        up[h][j] += step;
        down[h][j] -= step;
        double fd = (formula(up, s.muArray()).dOmega(h, j).value() - formula(down, s.muArray()).dOmega(h, j).value())
            / (2 * step);
        double exact = f.dOmegaOmega(h, j).value();
        assertEquals(fd, exact, 1e-7 * Math.max(1, Math.abs(exact)), "head " + h + " task " + j);
      }
    }
  }

  @Test
  void initialisationsRejectZeroScalesAndZeroEntries() {
    ConfigException e = assertThrows(ConfigException.class, () -> Initialisations.paper(C, 0.0));
    assertEquals("init_scale: must be a finite number > 0 (got 0.0)", e.getMessage());
    assertEquals(1e-300 * Initialisations.paper(C).mu(0, 0),
        Initialisations.paper(C, 1e-300).mu(0, 0));
    SpectralState paper = Initialisations.paper(C);
    double[][] m = paper.muArray();
    m[2][1] = 0.0;
    IllegalArgumentException z = assertThrows(IllegalArgumentException.class,
        () -> Initialisations.custom(C, paper.omegaArray(), m));
    assertEquals("custom init: omega and mu must be non-zero (head 2, task 1)", z.getMessage());
    double[][] w = paper.omegaArray();
    w[0][2] = 0.0;
    z = assertThrows(IllegalArgumentException.class, () -> Initialisations.custom(C, w, paper.muArray()));
    assertEquals("custom init: omega and mu must be non-zero (head 0, task 2)", z.getMessage());
    assertEquals(paper.mu(1, 1), Initialisations.custom(C, paper.omegaArray(), paper.muArray()).mu(1, 1));
  }
}
