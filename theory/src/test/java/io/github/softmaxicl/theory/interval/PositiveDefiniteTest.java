package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interval Hessian's positive-definiteness test (Sylvester: the ∂²/∂ω² interval and the determinant interval
 * both &gt; 0) on matrices whose definiteness is known, and the limit proof refusing a box where the on-task loss is
 * not convex. Every matrix here is built from small integers, so every enclosure is exact or one ulp wide and no
 * verdict sits near a rounding edge.
 */
class PositiveDefiniteTest {

  private static SymmetricIntervalMatrix2 m(double ww, double wm, double mm) {
    return new SymmetricIntervalMatrix2(Interval.point(ww), Interval.point(wm), Interval.point(mm));
  }

  @Test
  void definiteMatrices() {
    assertTrue(m(2, 0, 3).isPositiveDefinite());
    assertTrue(m(2, 1, 2).isPositiveDefinite(), "eigenvalues 1 and 3");
    assertTrue(new SymmetricIntervalMatrix2(Interval.of(2, 3), Interval.of(-1, 1), Interval.of(2, 3))
        .isPositiveDefinite(), "every member has det >= 2*2 - 1 = 3 > 0 and ww >= 2");
  }

  @Test
  void indefiniteAndNegativeMatricesAreRejected() {
    assertFalse(m(1, 2, 1).isPositiveDefinite(), "eigenvalues 3 and -1: det = -3");
    assertFalse(m(-1, 0, -1).isPositiveDefinite(), "negative definite: det = 1 > 0 but ww < 0");
    assertFalse(m(0, 0, 1).isPositiveDefinite(), "semidefinite: ww = 0 is not > 0");
    assertFalse(m(1, 1, 1).isPositiveDefinite(), "semidefinite: det = 0");
    assertFalse(m(1, 0, -1).isPositiveDefinite(), "indefinite with ww > 0: det = -1");
  }

  @Test
  void anEnclosureHoldingOneIndefiniteMemberIsRejected() {
    // [[1, b], [b, 1]] with b in [0, 2]: positive definite for b < 1, indefinite for b > 1.
    SymmetricIntervalMatrix2 mixed = new SymmetricIntervalMatrix2(Interval.ONE, Interval.of(0, 2), Interval.ONE);
    assertFalse(mixed.isPositiveDefinite());
    assertTrue(mixed.determinant().contains(-3.0) && mixed.determinant().contains(1.0), mixed::toString);
    // ww straddling 0 with a positive determinant.
    assertFalse(new SymmetricIntervalMatrix2(Interval.of(-0.5, 1), Interval.ZERO, Interval.ONE).isPositiveDefinite());
    // Only mm may be negative when ww > 0 and det > 0 fails: ww = 1, mm in [-1, 1].
    assertFalse(new SymmetricIntervalMatrix2(Interval.ONE, Interval.ZERO, Interval.of(-1, 1)).isPositiveDefinite());
  }

  @Test
  void determinantAndMembership() {
    Interval det = m(2, 1, 3).determinant();
    assertTrue(det.contains(5.0) && det.width() < 1e-14, det::toString);
    SymmetricIntervalMatrix2 s = new SymmetricIntervalMatrix2(Interval.of(1, 2), Interval.of(-1, 0), Interval.of(3, 4));
    assertTrue(s.contains(1.5, -0.5, 3.5));
    assertFalse(s.contains(2.5, -0.5, 3.5));
    assertFalse(s.contains(1.5, 0.5, 3.5));
    assertFalse(s.contains(1.5, -0.5, 4.5));
    assertEquals("[[[1.0, 2.0], [-1.0, 0.0]], [[-1.0, 0.0], [3.0, 4.0]]]", s.toString());
  }

  /**
   * Near the origin the on-task loss a(1 − μω)² + k μ² e^{dω²} is a saddle: its Hessian there is
   * [[≈ 0, −2a], [−2a, 2k]] with determinant ≈ −4a² &lt; 0. A box there must be refused for the Hessian (and for
   * Krawczyk), naming the task.
   */
  @Test
  void onTaskHessianNearTheOriginIsIndefinite() {
    ProblemConfig c = Preset.SMALL.config();
    OnTaskLoss loss = OnTaskLoss.of(c, 0);
    TaskBox nearOrigin = TaskBox.around(0.02, 0.01, 0.02, 0.01);
    SymmetricIntervalMatrix2 h = loss.hessian(nearOrigin);
    assertTrue(h.ww().isPositive(), "d2/domega2 = 2 a mu^2 + ... > 0 for mu > 0: " + h);
    assertTrue(h.determinant().hi() < 0, "det < 0 on the whole box: " + h);
    assertFalse(h.isPositiveDefinite());
    List<TaskBox> boxes = new ArrayList<>();
    boxes.add(nearOrigin);
    OnTaskLoss second = OnTaskLoss.of(c, 1);
    boxes.add(TaskBox.around(second.omegaStarApprox(), 1e-6 * second.omegaStarApprox(), second.muStarApprox(),
        1e-6 * second.muStarApprox()));
    LimitCertificate cert = LimitProof.certify(c, boxes, Interval.ZERO);
    assertFalse(cert.isCertified());
    assertTrue(cert.reason().contains("Hessian enclosure not positive definite for task 0"), cert.reason());
    assertFalse(cert.tasks().get(0).positiveDefinite());
    assertTrue(cert.tasks().get(1).positiveDefinite() && cert.tasks().get(1).uniqueZero());
    assertTrue(cert.offTaskMu().isEmpty(), "the off-task step presumes the on-task boxes");
  }
}
