package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralGradient;
import io.github.softmaxicl.theory.SpectralState;
import org.junit.jupiter.api.Test;

/**
 * What the off-task step of the certificate reports, against double evaluations of the same quantities at points
 * of the box: the decay coefficients, the range of the extra heads' ω, the smallest off-task ∂F/∂μ, and the
 * radius the certificate accepts. Small configurations only (one certificate each).
 */
class OffTaskEnclosureTest {
  @Test
  void radiusMustLieStrictlyBetweenZeroAndOne() {
    ProblemConfig c = Preset.SMALL.config();
    for (double r : new double[] {0.0, 1.0, -1e-6, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LimitProof.certify(c, r));
      assertEquals("relative radius must be in (0, 1) (got " + r + ")", e.getMessage());
    }
  }

  /** The limit state with the serving heads at the box centres and every extra head's ω at {@code extra}. */
  private static SpectralState centre(ProblemConfig c, double extra) {
    double[][] w = new double[c.heads()][c.tasks()];
    double[][] m = new double[c.heads()][c.tasks()];
    for (int h = 0; h < c.heads(); h++) {
      for (int i = 0; i < c.tasks(); i++) {
        w[h][i] = h == i ? OnTaskLoss.of(c, i).omegaStarApprox() : h >= c.tasks() ? extra : 0.0;
        m[h][i] = h == i ? OnTaskLoss.of(c, i).muStarApprox() : 0.0;
      }
    }
    return SpectralState.of(w, m);
  }

  @Test
  void extraHeadEnclosuresCoverBothEndsOfTheirOmegaInterval() {
    // d = 6, blocks 3, 3, H = 3, L = 50: head 2 serves no task; its omega anywhere in [1, 3]. There dF/dmu of head
    // 2 grows like exp(3 omega omega*) (omega* ~ 0.58): steep enough that an enclosure missing the top 1/256 of the
    // interval (one of the pieces it is cut into) misses the value at omega = 3.
    ProblemConfig c = ProblemConfig.of(6, new int[] {3, 3}, 3, 50, 0.5, 1.0);
    LimitCertificate cert = LimitProof.certify(c, 1e-6, Interval.of(1.0, 3.0));
    LeadingOrderLoss loss = new LeadingOrderLoss(c);
    for (double extra : new double[] {1.0, 2.0, 3.0}) {
      SpectralGradient g = loss.gradient(centre(c, extra));
      for (LimitCertificate.OffTaskMu o : cert.offTaskMu()) {
        assertTrue(o.derivative().contains(g.dMu(o.head(), o.task())),
            () -> "omega " + extra + ": " + o + " misses " + g.dMu(o.head(), o.task()));
      }
    }
    // The smallest lower bound over the off-task dF/dmu enclosures.
    double min = Double.POSITIVE_INFINITY;
    for (LimitCertificate.OffTaskMu o : cert.offTaskMu()) {
      min = Math.min(min, o.derivative().lo());
    }
    assertEquals(min, cert.minOffTaskMuDerivative());
    assertTrue(min > 0);
  }

  @Test
  void decayCoefficientsAreFourAhhOverNSqrtDForServingHeadsAndZeroForTheOthers() {
    ProblemConfig c = ProblemConfig.of(6, new int[] {3, 3}, 3, 50, 0.5, 1.0);
    LimitCertificate cert = LimitProof.certify(c, 1e-6);
    SpectralState s = centre(c, 0.0);
    int n = c.tasks();
    for (LimitCertificate.OffTaskOmega o : cert.offTaskOmega()) {
      if (o.head() < n) {
        // A_hh = E_hh sum_i (c_i/L) mu_i^h mu_i^h with E_hh = exp(d_h omega_h^2), only task h's mu non-zero.
        int h = o.head();
        double ahh = Math.exp(c.blockSize(h) * s.omega(h, h) * s.omega(h, h))
            * c.signalPlusNoise(h) / c.promptLength() * s.mu(h, h) * s.mu(h, h);
        double expected = 4 * ahh / (n * Math.sqrt(c.tokenDim()));
        assertTrue(o.decayCoefficient().isPositive(), o::toString);
        // The box has relative radius 1e-6, so the enclosure is within ~1e-5 relative of the centre's value.
        assertEquals(expected, o.decayCoefficient().midpoint(), 1e-5 * expected, o::toString);
      } else {
        assertTrue(o.decayCoefficient().isZero(), o::toString);
      }
    }
  }

  @Test
  void oneTaskOneHeadHasNoOffTaskEntries() {
    LimitCertificate cert = LimitProof.certify(ProblemConfig.of(3, new int[] {3}, 1, 50, 0, 1), 1e-6);
    assertTrue(cert.isCertified() && cert.offTaskMu().isEmpty(), cert::toString);
    assertTrue(Double.isNaN(cert.minOffTaskMuDerivative()));
  }

  @Test
  void onTaskLossIsTheSingleTaskLeadingOrderLoss() {
    ProblemConfig c = Preset.PAPER.config();
    OnTaskLoss t = OnTaskLoss.of(c, 1);
    assertEquals(17, t.blockSize());
    // L_1 = s^2 d (1 - mu omega)^2 + (c_1/L) mu^2 e^{d omega^2} at omega = 0.2, mu = 2.5 (d = 17, c_1 = 17, L = 100).
    double expected = 17 * Math.pow(1 - 0.5, 2) + 0.17 * 6.25 * Math.exp(17 * 0.04);
    Interval l = t.loss(TaskBox.point(0.2, 2.5));
    // A dozen roundings in the double evaluation: 1e-14 relative.
    assertEquals(expected, l.midpoint(), 1e-14 * expected, l::toString);
    assertTrue(l.width() < 1e-13 * expected, l::toString);
    assertEquals("omega [0.2, 0.2], mu [2.5, 2.5]", TaskBox.point(0.2, 2.5).toString());
  }
}
