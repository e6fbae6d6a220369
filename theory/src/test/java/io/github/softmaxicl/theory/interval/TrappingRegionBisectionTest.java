package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.LogCoordinateFlow;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the trapping-region proof subdivides: the Hessian condition bisects the pair's box along the side wider
 * relative to its value (ω on a tie), and counts as many pieces as that rule's bisection tree has nodes; a condition
 * proved non-positive on a whole box stops at once; the budget bounds a failing condition's pieces; the mean-value
 * form splits the coordinate with the widest term, or, when every term vanishes, the widest coordinate (the first on
 * a tie). The counts are derived here by a recursive bisection written from that rule, not by the proof's own stack.
 */
class TrappingRegionBisectionTest {
  private static final ProblemConfig SMALL = Preset.SMALL.config();

  /** Nodes of the bisection tree of the documented rule, all leaves positive definite; -1 past 4096 nodes. */
  private static int hessianTree(OnTaskLoss loss, TaskBox box, List<Interval> leafDeterminants, boolean tieOmega, int depth) {
    SymmetricIntervalMatrix2 h = loss.hessian(box);
    if (h.isPositiveDefinite()) {
      leafDeterminants.add(h.determinant());
      return 1;
    }
    if (depth > 12) {
      return -1;
    }
    Interval w = box.omega();
    Interval m = box.mu();
    double rw = w.width() / w.hi();
    double rm = m.width() / m.hi();
    boolean splitOmega = rw > rm || (tieOmega && rw == rm);
    Interval x = splitOmega ? w : m;
    Interval a = Interval.of(x.lo(), x.midpoint());
    Interval b = Interval.of(x.midpoint(), x.hi());
    int left = hessianTree(loss, splitOmega ? new TaskBox(a, m) : new TaskBox(w, a), leafDeterminants, tieOmega, depth + 1);
    int right = hessianTree(loss, splitOmega ? new TaskBox(b, m) : new TaskBox(w, b), leafDeterminants, tieOmega, depth + 1);
    return left < 0 || right < 0 ? -1 : 1 + left + right;
  }

  /** `small`'s region at 1 % from the limit with the pair of task 1 replaced by [ω*(1 ± r)] × [μ* ± ρ r ω*]. */
  private static TrappingRegion widenedPair(double r, double rho) {
    TrappingRegion good = TrappingRegion.around(SMALL, io.github.softmaxicl.theory.Initialisations.paper(SMALL),
        TrappingRegionProofTest.identity(SMALL), TrappingRegionProofTest.endBox(SMALL, 0.01, 0.01, 1e-3, 1e-5), 1.5);
    OnTaskLoss loss = OnTaskLoss.of(SMALL, 0);
    double w = loss.omegaStarApprox();
    double m = loss.muStarApprox();
    List<Interval> mags = new ArrayList<>(good.magnitudes());
    mags.set(LogCoordinateFlow.omegaIndex(SMALL, 0, 0), Interval.of(w * (1 - r), w * (1 + r)));
    mags.set(LogCoordinateFlow.muIndex(SMALL, 0, 0), Interval.of(m - rho * r * w, m + rho * r * w));
    return new TrappingRegion(SMALL, good.allocation(), good.signs(), mags);
  }

  private static void assertPiecesFollowTheRule(TrappingRegion b, int expected) {
    TaskBox pair = new TaskBox(b.magnitudes().get(LogCoordinateFlow.omegaIndex(SMALL, 0, 0)),
        b.magnitudes().get(LogCoordinateFlow.muIndex(SMALL, 0, 0)));
    List<Interval> leaves = new ArrayList<>();
    assertEquals(expected, hessianTree(OnTaskLoss.of(SMALL, 0), pair, leaves, true, 0), "the rule's tree");
    TrappingRegionCertificate.Condition hessian =
        RegionFixtures.condition(TrappingRegionProof.prove(b), "Hessian of L_1 ");
    assertTrue(hessian.proved(), hessian.toString());
    assertEquals(expected, hessian.pieces(), hessian.toString());
    Interval hull = leaves.get(0);
    for (Interval d : leaves) {
      hull = hull.hull(d);
    }
    assertEquals(hull, hessian.enclosure(), "the hull of the leaves' determinants");
  }

  /**
   * The pair of task 1 in the aspect ρ ≈ 3.76 of {@link TrappingRegion#around} at relative radii 3 % and 5 %: the
   * box as a whole is not proved positive definite, its bisection tree by the rule has 5 and 17 nodes (the whole
   * region is still certified at 3 %).
   */
  @Test
  void theHessianProofBisectsByTheRelativeWidth() {
    TrappingRegion b = widenedPair(0.03, 3.76);
    assertTrue(TrappingRegionProof.prove(b).certified());
    assertPiecesFollowTheRule(b, 5);
    assertPiecesFollowTheRule(widenedPair(0.05, 3.76), 17);
  }

  /**
   * A pair box with equal relative widths, ω in 0.5·[13/16, 19/16] and μ in [13/16, 19/16] (exact doubles, so the
   * two ratios are the same double): the rule splits ω first and takes 15 pieces; splitting μ first would take 17.
   */
  @Test
  void onATieTheHessianProofSplitsOmega() {
    TrappingRegion good = widenedPair(0.01, 3.76);
    List<Interval> mags = new ArrayList<>(good.magnitudes());
    mags.set(LogCoordinateFlow.omegaIndex(SMALL, 0, 0), Interval.of(0.40625, 0.59375));
    mags.set(LogCoordinateFlow.muIndex(SMALL, 0, 0), Interval.of(0.8125, 1.1875));
    TrappingRegion b = new TrappingRegion(SMALL, good.allocation(), good.signs(), mags);
    assertPiecesFollowTheRule(b, 15);
    TaskBox pair = new TaskBox(Interval.of(0.40625, 0.59375), Interval.of(0.8125, 1.1875));
    assertEquals(17, hessianTree(OnTaskLoss.of(SMALL, 0), pair, new ArrayList<>(), false, 0));
  }

  /**
   * `paper`'s box too large for the valley (TrappingRegionProofTest): the Hessian is indefinite somewhere in it, so
   * its condition ends on the budget. With p pieces evaluated and t boxes waiting, p + t starts at 1 and grows by 2
   * per split, so it is odd, and the condition stops at the first p + t ≥ MAX_PIECES = 1024, i.e. p + t = 1025;
   * t ≤ 512 (one waiting box per split at most), hence 513 ≤ p ≤ 1025.
   */
  @Test
  void anIndefiniteHessianStopsOnTheBudget() {
    ProblemConfig c = Preset.PAPER.config();
    TrappingRegion b = TrappingRegion.around(c, io.github.softmaxicl.theory.Initialisations.paper(c),
        TrappingRegionProofTest.identity(c), TrappingRegionProofTest.endBox(c, 0.068, 0.074, 1.75e-4, 1e-8), 3.0);
    TrappingRegionCertificate.Condition hessian =
        RegionFixtures.condition(TrappingRegionProof.prove(b), "Hessian of L_1 ");
    assertFalse(hessian.proved());
    assertTrue(hessian.pieces() >= TrappingRegionProof.MAX_PIECES / 2 + 1, "pieces " + hessian.pieces());
    assertTrue(hessian.pieces() <= TrappingRegionProof.MAX_PIECES + 1, "pieces " + hessian.pieces());
    // Exactly where it stops: depth first, the lower half of each split before the upper, the enclosure that of the
    // piece at which the budget ran out (a walk of the documented rule, not the proof's own stack).
    TaskBox pair = new TaskBox(b.magnitudes().get(LogCoordinateFlow.omegaIndex(c, 0, 0)),
        b.magnitudes().get(LogCoordinateFlow.muIndex(c, 0, 0)));
    BudgetWalk walk = new BudgetWalk(OnTaskLoss.of(c, 0));
    walk.visit(pair, 0);
    Interval stop = walk.stoppedAt;
    assertTrue(stop != null, "the rule's walk ends on the budget");
    assertEquals(walk.pieces, hessian.pieces(), hessian.toString());
    assertEquals(stop, hessian.enclosure(), hessian.toString());
  }

  /**
   * The Hessian condition's bisection walked recursively, with the boxes still waiting (one upper half per split
   * above the current box) counted as the proof's stack would hold them.
   */
  private static final class BudgetWalk {
    private final OnTaskLoss loss;
    int pieces;
    @org.checkerframework.checker.nullness.qual.Nullable Interval stoppedAt;

    BudgetWalk(OnTaskLoss loss) {
      this.loss = loss;
    }

    void visit(TaskBox box, int waiting) {
      if (stoppedAt != null) {
        return;
      }
      SymmetricIntervalMatrix2 h = loss.hessian(box);
      pieces++;
      if (h.isPositiveDefinite()) {
        return;
      }
      if (pieces + waiting >= TrappingRegionProof.MAX_PIECES) {
        stoppedAt = h.determinant();
        return;
      }
      Interval w = box.omega();
      Interval m = box.mu();
      boolean splitOmega = w.width() / w.hi() >= m.width() / m.hi();
      Interval x = splitOmega ? w : m;
      Interval a = Interval.of(x.lo(), x.midpoint());
      Interval b = Interval.of(x.midpoint(), x.hi());
      visit(splitOmega ? new TaskBox(a, m) : new TaskBox(w, a), waiting + 1);
      visit(splitOmega ? new TaskBox(b, m) : new TaskBox(w, b), waiting);
    }
  }

  /**
   * With every μ of task 1 and ω_1^2 exactly 0, ∂F/∂μ_1^2 = (1/n)[−2a ω_1^2 R_1 + 2k Σ_g E μ_1^g] vanishes on all of
   * B, and its enclosure is exactly [0, 0] (interval products with an exact zero are exact): the decay condition
   * is refused at once, one piece, instead of being bisected to the budget.
   */
  @Test
  void aConditionProvedNonPositiveStopsAtOnce() {
    TrappingRegion good = widenedPair(0.01, 3.76);
    List<Interval> mags = new ArrayList<>(good.magnitudes());
    mags.set(LogCoordinateFlow.muIndex(SMALL, 0, 0), Interval.ZERO);
    mags.set(LogCoordinateFlow.muIndex(SMALL, 1, 0), Interval.ZERO);
    mags.set(LogCoordinateFlow.omegaIndex(SMALL, 1, 0), Interval.ZERO);
    TrappingRegionCertificate.Condition decay = RegionFixtures.condition(
        RegionFixtures.withMagnitudes(good, mags), "sgn * dF/dmu_1^2 > 0 on all of B");
    assertFalse(decay.proved());
    assertTrue(decay.enclosure().isZero(), decay.toString());
    assertEquals(1, decay.pieces());
  }

  /** `small`'s region at 1 % from the limit as a box of points (its midpoints), to widen coordinates of. */
  private static List<Interval> points() {
    List<Interval> box = new ArrayList<>();
    for (Interval x : widenedPair(0.01, 3.76).signedBox()) {
      box.add(Interval.point(x.midpoint()));
    }
    return box;
  }

  private static Interval widen(Interval x, double r) {
    return Interval.of(x.lo() - r, x.hi() + r);
  }

  /**
   * The split of the mean-value form of ∂F/∂μ_1^1 (coordinate 4; ω_j^h is h·n + j, μ_i^h is H·n + h·n + i):
   * μ_2^1 and μ_2^2 (5 and 7) do not enter it (its terms there are exact zeros) and ω_1^1 (0) does. The widest term
   * decides while there is one (0, though 5 is wider); with only 5 and 7 wide every term vanishes and the widest
   * coordinate is split, the first of equally wide ones. Points are never split, though their terms x − x are
   * rounded to a few subnormals rather than 0.
   */
  @Test
  void theMeanValueFormSplitsTheWidestTermElseTheWidestCoordinate() {
    LossJets jets = new LossJets(SMALL, 8);
    int q = LogCoordinateFlow.muIndex(SMALL, 0, 0);
    assertEquals(4, q);
    List<Interval> box = points();
    box.set(0, widen(box.get(0), 1e-3));
    box.set(5, widen(box.get(5), 1e-2));
    assertEquals(0, jets.meanValue(box, q, 1.0).split());
    box = points();
    box.set(5, widen(box.get(5), 2e-2));
    box.set(7, widen(box.get(7), 1e-2));
    assertEquals(5, jets.meanValue(box, q, 1.0).split());
    box.set(7, widen(box.get(7), 2e-2));
    assertEquals(7, jets.meanValue(box, q, 1.0).split());
    box.set(5, Interval.of(-1e-2, 1e-2));
    box.set(7, Interval.of(-1e-2, 1e-2));
    assertEquals(5, jets.meanValue(box, q, 1.0).split());
    assertEquals(-1, jets.meanValue(points(), q, 1.0).split(), "nothing to split in a point");
  }
}
