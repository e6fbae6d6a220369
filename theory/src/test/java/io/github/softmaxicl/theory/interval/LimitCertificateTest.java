package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The limit certificate: presets, seeded random configurations, refusals and the enclosure check of states. */
class LimitCertificateTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1001, 1030);
  }

  private static void assertCertifiedAroundClosedForm(LimitCertificate cert, String label) {
    assertTrue(cert.isCertified(), () -> label + ": " + cert.toString());
    assertEquals("", cert.reason());
    for (LimitCertificate.TaskResult t : cert.tasks()) {
      assertTrue(t.uniqueZero() && t.positiveDefinite(), () -> label + ": " + t);
      // The rigorous enclosure of the closed form lies in the box, and meets the certified zero enclosure:
      // the unique stationary point is the closed form.
      assertTrue(t.box().contains(t.closedForm()), () -> label + " task " + t.task() + ": " + t.closedForm());
      TaskBox z = t.zeroEnclosure();
      assertTrue(z.omega().intersection(t.closedForm().omega()).isPresent()
          && z.mu().intersection(t.closedForm().mu()).isPresent(), () -> label + ": " + z + " vs " + t.closedForm());
    }
    int n = cert.config().tasks();
    assertEquals((cert.config().heads() - 1) * n, cert.offTaskMu().size());
    for (LimitCertificate.OffTaskMu o : cert.offTaskMu()) {
      assertTrue(o.derivative().isPositive(), () -> label + ": " + o);
      // With off-task ω = 0 the derivative is (2/n)(c_i/L) μ_i*: both enclosures hold the same number.
      Interval expected = cert.tasks().get(o.task()).box().mu()
          .multiply(OnTaskLoss.of(cert.config(), o.task()).varianceWeight()).multiply(2.0).divide(Interval.point(n));
      assertTrue(expected.intersection(o.derivative()).isPresent(), () -> label + ": " + o + " vs " + expected);
    }
    for (LimitCertificate.OffTaskOmega o : cert.offTaskOmega()) {
      assertTrue(o.gradient().isZero(), () -> label + ": " + o);
      assertEquals(o.head() < n, o.curvature().isPositive(), () -> label + ": " + o);
    }
  }

  @ParameterizedTest
  @EnumSource(Preset.class)
  void presetsAreCertified(Preset preset) {
    LimitCertificate smallest = RadiusSearch.smallest(preset.config());
    LimitCertificate largest = RadiusSearch.largest(preset.config());
    System.out.println(preset.id() + ": smallest certified relative radius " + smallest.relativeRadius()
        + ", largest " + largest.relativeRadius());
    assertCertifiedAroundClosedForm(smallest, preset.id() + " smallest");
    assertCertifiedAroundClosedForm(largest, preset.id() + " largest");
    assertTrue(smallest.relativeRadius() <= largest.relativeRadius());
    // The next rung of the ladder above the largest certifies no more (else the scan would have returned it).
    List<Double> ladder = RadiusSearch.LADDER;
    int at = ladder.indexOf(largest.relativeRadius());
    if (at + 1 < ladder.size()) {
      assertFalse(LimitProof.certify(preset.config(), ladder.get(at + 1)).isCertified());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomConfigurationsAreCertified(long seed) {
    ProblemConfig c = Configs.random(seed);
    String label = "seed " + seed + " config " + c;
    LimitCertificate cert = RadiusSearch.smallest(c);
    assertCertifiedAroundClosedForm(cert, label + " radius " + cert.relativeRadius());
    assertCertifiedAroundClosedForm(LimitProof.certify(c, 1e-6), label + " radius 1e-6");
  }

  @ParameterizedTest
  @EnumSource(Preset.class)
  void wrongCentreIsRefusedWithReason(Preset preset) {
    ProblemConfig c = preset.config();
    List<TaskBox> boxes = new ArrayList<>();
    for (int i = 0; i < c.tasks(); i++) {
      OnTaskLoss loss = OnTaskLoss.of(c, i);
      double w = i == 1 ? 2 * loss.omegaStarApprox() : loss.omegaStarApprox();
      double m = i == 1 ? 0.5 * loss.muStarApprox() : loss.muStarApprox();
      boxes.add(TaskBox.around(w, 1e-3 * w, m, 1e-3 * m));
    }
    LimitCertificate cert = LimitProof.certify(c, boxes, Interval.ZERO);
    assertFalse(cert.isCertified());
    assertTrue(cert.reason().contains("Krawczyk image not inside box for task 1"), cert.reason());
    assertFalse(cert.reason().contains("task 0"), "the correct boxes are not blamed: " + cert.reason());
  }

  @ParameterizedTest
  @EnumSource(Preset.class)
  void krawczykFailsOnBoxesWithoutZero(Preset preset) {
    OnTaskLoss loss = OnTaskLoss.of(preset.config(), 0);
    double w = loss.omegaStarApprox();
    double m = loss.muStarApprox();
    // Boxes beside the zero (shifted by three radii) in each direction, and one far away.
    double[][] shifts = {{3, 0}, {-3, 0}, {0, 3}, {0, -3}, {3, 3}};
    for (double[] s : shifts) {
      double r = 1e-3;
      TaskBox box = TaskBox.around(w * (1 + s[0] * r), w * r, m * (1 + s[1] * r), m * r);
      assertFalse(box.contains(w, m));
      TaskBox k = Krawczyk.image(loss, box);
      assertFalse(box.containsInInterior(k), () -> preset.id() + ": " + box + " -> " + k);
      // A zero in X would lie in K(X): here K(X) and X are disjoint, proving X holds no zero.
      assertTrue(box.omega().intersection(k.omega()).isEmpty() || box.mu().intersection(k.mu()).isEmpty(),
          () -> preset.id() + ": " + box + " -> " + k);
    }
    assertFalse(Krawczyk.provesUniqueZero(loss, TaskBox.around(3 * w, 0.1 * w, 0.2 * m, 0.1 * m)));
  }

  /**
   * The box of relative radius r is ω*(1 ± r) × μ*(1 ± r): its widths are 2rω* and 2rμ*, up to the outward rounding
   * of its bounds (2 ulps each, ≤ 1e-15 relative to the width at r = 1e-3). The paper preset's blocks 16, 17, 17
   * give ω* ≈ 1/4 and μ* ≈ 2.8, so a radius r/ω* instead of rω* is 16× too wide, r/μ* instead of rμ* 8× too
   * narrow.
   */
  @Test
  void boxesHaveTheRequestedRelativeRadius() {
    ProblemConfig c = Preset.PAPER.config();
    double r = 1e-3;
    LimitCertificate cert = LimitProof.certify(c, r);
    assertEquals(r, cert.relativeRadius());
    for (LimitCertificate.TaskResult t : cert.tasks()) {
      OnTaskLoss loss = OnTaskLoss.of(c, t.task());
      double w = loss.omegaStarApprox();
      double m = loss.muStarApprox();
      assertEquals(2 * r * w, t.box().omega().width(), 1e-12 * r * w, "task " + t.task());
      assertEquals(2 * r * m, t.box().mu().width(), 1e-12 * r * m, "task " + t.task());
      assertEquals(w, t.box().omega().midpoint(), 1e-15, "task " + t.task());
      assertEquals(m, t.box().mu().midpoint(), 1e-15, "task " + t.task());
    }
    assertTrue(Double.isNaN(LimitProof.certify(c, List.of(cert.tasks().get(0).box(), cert.tasks().get(1).box(),
        cert.tasks().get(2).box()), Interval.ZERO).relativeRadius()), "explicit boxes record no radius");
  }

  /** The contraction of a certified box is below 1 (deep inside at small radii); NaN without an image. */
  @Test
  void contractionOfCertifiedAndRefusedBoxes() {
    ProblemConfig c = Preset.SMALL.config();
    LimitCertificate ok = LimitProof.certify(c, 1e-6);
    double q = ok.maxKrawczykContraction();
    assertTrue(q >= 0 && q < 1e-3, "contraction " + q);
    for (LimitCertificate.TaskResult t : ok.tasks()) {
      assertTrue(t.krawczykContraction() <= q);
    }
    LimitCertificate refused = LimitProof.certify(c, 0.9);
    assertFalse(refused.isCertified());
    assertTrue(refused.maxKrawczykContraction() >= 1 || Double.isNaN(refused.maxKrawczykContraction()),
        () -> "a refused Krawczyk test has contraction >= 1: " + refused.maxKrawczykContraction());
    LimitCertificate.TaskResult t0 = ok.tasks().get(0);
    LimitCertificate.TaskResult noImage = new LimitCertificate.TaskResult(0, 0, t0.box(), t0.closedForm(),
        java.util.Optional.empty(), t0.hessian(), false, true);
    assertTrue(Double.isNaN(noImage.krawczykContraction()));
    assertEquals(t0.box(), noImage.zeroEnclosure());
    LimitCertificate partial = new LimitCertificate(c, 1e-6, Interval.ZERO, List.of(t0, noImage), List.of(),
        List.of(), java.util.Optional.of("test"));
    assertTrue(Double.isNaN(partial.maxKrawczykContraction()), "an unevaluated image makes the maximum NaN");
  }

  @Test
  void enclosesChecksOnTaskEntriesOfStates() {
    ProblemConfig c = Preset.EXTRA_HEAD.config();
    LimitCertificate cert = LimitProof.certify(c, 1e-6);
    assertTrue(cert.isCertified());
    double[][] w = new double[c.heads()][c.tasks()];
    double[][] m = new double[c.heads()][c.tasks()];
    for (int i = 0; i < c.tasks(); i++) {
      w[i][i] = OnTaskLoss.of(c, i).omegaStarApprox();
      m[i][i] = OnTaskLoss.of(c, i).muStarApprox();
    }
    // Off-task entries of a finite-time state are small but non-zero; they are not part of the box.
    w[3][0] = 1e-4;
    m[0][1] = 1e-9;
    assertTrue(cert.encloses(SpectralState.of(w, m)));
    m[2][2] *= 1 + 1e-5;
    assertFalse(cert.encloses(SpectralState.of(w, m)), "a state 1e-5 off in mu is outside a 1e-6 box");
    m[2][2] /= 1 + 1e-5;
    assertFalse(cert.encloses(SpectralState.of(new double[][] {w[0]}, new double[][] {m[0]})), "wrong shape");
    LimitCertificate refused = LimitProof.certify(c, 0.5);
    assertFalse(refused.isCertified());
    assertFalse(refused.encloses(SpectralState.of(w, m)), "a refused certificate encloses nothing");
  }

  /**
   * Heads serving no task: their ω at the limit are path-dependent, so the certificate accepts an interval for
   * them. ∂F/∂μ_i^h ∝ e^{x−1} − x with x = √d_i ω̄ vanishes only at ω̄ = ω_i* = 1/√8 ≈ 0.354 here.
   */
  @Test
  void extraHeadOmegaIntervals() {
    ProblemConfig c = Preset.EXTRA_HEAD.config();
    LimitCertificate ok = LimitProof.certify(c, 1e-6, Interval.of(-0.2, 0.3));
    assertTrue(ok.isCertified(), ok::toString);
    LimitCertificate copy = LimitProof.certify(c, 1e-6, Interval.of(0.3, 0.4));
    assertFalse(copy.isCertified());
    assertTrue(copy.reason().contains("dF/dmu not provably > 0 for head 3"), copy.reason());
    for (LimitCertificate.OffTaskOmega o : copy.offTaskOmega()) {
      assertTrue(o.gradient().isZero(), "dF/domega of a head with all mu = 0 is exactly 0 whatever its omega");
    }
  }
}
