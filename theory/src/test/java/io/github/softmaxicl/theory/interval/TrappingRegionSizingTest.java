package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LogCoordinateFlow;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The on-task radii {@link TrappingRegion#around} chooses, recomputed from its documentation: r_ω is the largest of
 * growth · max(dev_ω, dev_μ/ρ), twice the radius at which the other entries' shift of ∂F/∂ω, ∂F/∂μ cancels the
 * linear face margins, and {@link TrappingRegion#MIN_RELATIVE_RADIUS} ω*; r_μ = ρ r_ω with ρ = √(H_ωω/H_μμ). Three
 * end boxes on `small`, each making a different term the largest, pin every term (the proof re-checks whatever
 * region is tried, so a wrong size would otherwise only show as a region that is larger, smaller, or refused).
 */
class TrappingRegionSizingTest {
  private static final ProblemConfig SMALL = Preset.SMALL.config();
  /** The radii are compared to about 10 ulps: both sides do the same few double operations, in another order. */
  private static final double REL = 1e-14;

  private enum Term { BOX, SHIFT, MINIMUM }

  /** The three terms of r_ω and ρ for task i of region b built from end box y with {@code growth}. */
  private static double[] terms(TrappingRegion b, List<Interval> y, double growth, int i) {
    ProblemConfig c = b.config();
    int dim = b.dimension();
    // The box the sizing evaluates the Hessian rows over: every entry in its (signed) range, the on-task pairs at
    // the closed form.
    List<Interval> atLimit = new ArrayList<>(b.signedBox());
    List<Double> star = new ArrayList<>();
    for (int q = 0; q < dim; q++) {
      star.add(0.0);
    }
    for (int t = 0; t < c.tasks(); t++) {
      int h = b.allocation().get(t);
      OnTaskLoss loss = OnTaskLoss.of(c, t);
      int qw = LogCoordinateFlow.omegaIndex(c, h, t);
      int qm = LogCoordinateFlow.muIndex(c, h, t);
      star.set(qw, loss.omegaStarApprox());
      star.set(qm, loss.muStarApprox());
      atLimit.set(qw, Interval.point(b.signs().get(qw) * loss.omegaStarApprox()));
      atLimit.set(qm, Interval.point(b.signs().get(qm) * loss.muStarApprox()));
    }
    int h = b.allocation().get(i);
    int qw = LogCoordinateFlow.omegaIndex(c, h, i);
    int qm = LogCoordinateFlow.muIndex(c, h, i);
    LossJets jets = new LossJets(c, dim);
    LeadingOrderFormula<IntervalJet> f = jets.jets(atLimit);
    IntervalJet gw = jets.derivative(f, qw);
    IntervalJet gm = jets.derivative(f, qm);
    double hww = gw.derivative(qw).midpoint();
    double hwm = Math.abs(gw.derivative(qm).midpoint());
    double hmm = gm.derivative(qm).midpoint();
    assertTrue(hww > 0 && hmm > 0, "the Hessian diagonal at the limit is positive");
    double rho = Math.sqrt(hww / hmm);
    double shiftW = 0;
    double shiftM = 0;
    for (int l = 0; l < dim; l++) {
      // On-task entries sit at the limit (distance 0); every other entry's distance is its whole range.
      double distance = b.role(l) == TrappingRegion.Role.ON_TASK ? 0.0 : b.magnitudes().get(l).hi();
      shiftW += gw.derivative(l).magnitude() * distance;
      shiftM += gm.derivative(l).magnitude() * distance;
    }
    double marginW = hww - hwm * rho;
    double marginM = hmm * rho - hwm;
    assertTrue(marginW > 0 && marginM > 0, "a positive-definite Hessian leaves both linear margins positive");
    double shift = 2 * Math.max(shiftW / marginW, shiftM / marginM);
    double w = star.get(qw);
    double m = star.get(qm);
    Interval bw = y.get(qw).exp();
    Interval bm = y.get(qm).exp();
    double devW = Math.max(Math.abs(bw.lo() - w), Math.abs(bw.hi() - w));
    double devM = Math.max(Math.abs(bm.lo() - m), Math.abs(bm.hi() - m));
    return new double[] {growth * Math.max(devW, devM / rho), shift, TrappingRegion.MIN_RELATIVE_RADIUS * w, rho,
        w, m, 2 * shiftW / marginW, 2 * shiftM / marginM};
  }

  /** Sizes the region for y, checks every on-task radius against its terms and that {@code expected} is largest. */
  private static TrappingRegion check(List<Interval> y, double growth, Term expected) {
    TrappingRegion b = TrappingRegion.around(SMALL, Initialisations.paper(SMALL), TrappingRegionProofTest.identity(SMALL),
        y, growth);
    for (int i = 0; i < SMALL.tasks(); i++) {
      double[] t = terms(b, y, growth, i);
      double rw = Math.max(Math.max(t[0], t[1]), t[2]);
      Term largest = rw == t[0] ? Term.BOX : rw == t[1] ? Term.SHIFT : Term.MINIMUM;
      assertEquals(expected, largest, "task " + (i + 1) + ": terms " + t[0] + ", " + t[1] + ", " + t[2]);
      double w = t[4];
      double m = t[5];
      double rm = t[3] * rw;
      Interval omega = b.magnitudes().get(LogCoordinateFlow.omegaIndex(SMALL, i, i));
      Interval mu = b.magnitudes().get(LogCoordinateFlow.muIndex(SMALL, i, i));
      assertEquals(w + rw, omega.hi(), REL * w, "omega radius, task " + (i + 1));
      assertEquals(w - rw, omega.lo(), REL * w, "omega radius, task " + (i + 1));
      assertEquals(m + rm, mu.hi(), REL * m, "mu radius, task " + (i + 1));
      assertEquals(m - rm, mu.lo(), REL * m, "mu radius, task " + (i + 1));
    }
    return b;
  }

  /**
   * The signs are the start's, a zero entry counting as positive (it stays 0 under the flow, so either sign would
   * describe it; the convention keeps the region a function of the start).
   */
  @Test
  void signsAreTheStartsWithZeroCountedPositive() {
    SpectralState start = SpectralState.of(new double[][] {{-0.3, 0.0}, {0.2, -0.0}},
        new double[][] {{0.0, -1e-9}, {-0.5, 0.7}});
    assertEquals(List.of(-1.0, 1.0, 1.0, 1.0, 1.0, -1.0, -1.0, 1.0), TrappingRegion.signsOf(SMALL, start));
  }

  /** 1 % off the limit: the box term (growth times the deviation) decides; growth 1 is allowed. */
  @Test
  void aBoxAwayFromTheLimitSetsTheRadius() {
    List<Interval> y = TrappingRegionProofTest.endBox(SMALL, 0.01, 0.01, 1e-3, 1e-5);
    check(y, 1.5, Term.BOX);
    TrappingRegion tight = check(y, 1.0, Term.BOX);
    TrappingRegionCertificate cert = TrappingRegionProof.prove(tight);
    assertTrue(cert.certified(), RegionFixtures.failures(cert));
    assertTrue(cert.containsLogBox(y));
  }

  /** At the limit with off-task entries of 2e-3 and 2e-4: the off-task shift of the faces decides. */
  @Test
  void offTaskEntriesSetTheRadiusAtTheLimit() {
    check(TrappingRegionProofTest.endBox(SMALL, 0.0, 0.0, 2e-3, 2e-4), 1.5, Term.SHIFT);
  }

  /**
   * Which face's shift is larger: μ_2^1 (head 1's μ of task 2) enters ∂F/∂ω_1^1 through A_11 = E_11 Σ_j k_j (μ_j^1)²
   * but not ∂F/∂μ_1^1 (which involves task 1's μ only), so with every other off-task entry at 1e-12 and μ_2^1 at
   * 0.05 the ω face of task 1 is the one tipped (the end boxes of the presets tip the μ face: there every off-task
   * entry of task i also enters ∂F/∂μ_i). Task 2's μ face takes μ_2^1 directly (through E_21 μ_2^1).
   */
  @Test
  void anOffTaskMuOfTheServingHeadTipsTheOmegaFace() {
    List<Interval> y = TrappingRegionProofTest.endBox(SMALL, 0.0, 0.0, 1e-12, 1e-12);
    y.set(LogCoordinateFlow.muIndex(SMALL, 0, 1), Interval.around(Math.log(0.05), 1e-12));
    TrappingRegion b = check(y, 1.5, Term.SHIFT);
    double[] task1 = terms(b, y, 1.5, 0);
    assertTrue(task1[6] > task1[7], "omega face " + task1[6] + " vs mu face " + task1[7]);
    double[] task2 = terms(b, y, 1.5, 1);
    assertTrue(task2[7] > task2[6], "omega face " + task2[6] + " vs mu face " + task2[7]);
  }

  /**
   * At the limit with off-task entries of 1e-30: the floor MIN_RELATIVE_RADIUS ω* decides, and ρ is that of the
   * on-task loss L_i's own Hessian at the closed form (F's pair block is L_i's over n, off-task terms of order
   * 1e-30 aside), computed here by {@link OnTaskLoss}, not by the jets. The smallest region is still certified.
   */
  @Test
  void theSmallestRegionHasTheMinimumRadiusAndTheLossAspect() {
    List<Interval> y = TrappingRegionProofTest.endBox(SMALL, 0.0, 0.0, 1e-30, 1e-30);
    TrappingRegion b = check(y, 1.5, Term.MINIMUM);
    for (int i = 0; i < SMALL.tasks(); i++) {
      OnTaskLoss loss = OnTaskLoss.of(SMALL, i);
      double[] h = loss.hessianApprox(loss.omegaStarApprox(), loss.muStarApprox());
      Interval omega = b.magnitudes().get(LogCoordinateFlow.omegaIndex(SMALL, i, i));
      Interval mu = b.magnitudes().get(LogCoordinateFlow.muIndex(SMALL, i, i));
      double rw = omega.hi() - loss.omegaStarApprox();
      assertEquals(TrappingRegion.MIN_RELATIVE_RADIUS * loss.omegaStarApprox(), rw, 1e-9 * rw);
      assertEquals(Math.sqrt(h[0] / h[2]), (mu.hi() - loss.muStarApprox()) / rw, 1e-6, "task " + (i + 1));
    }
    TrappingRegionCertificate cert = TrappingRegionProof.prove(b);
    assertTrue(cert.certified(), RegionFixtures.failures(cert));
  }
}
