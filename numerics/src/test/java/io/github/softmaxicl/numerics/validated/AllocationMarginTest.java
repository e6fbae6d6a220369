package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rule of {@link AllocationMargin#certify} on hand-made boxes of one task and two heads (log coordinates
 * y = (log ω^1, log ω^2, log μ^1, log μ^2), ω at 0 so the signal is e^{log μ}): the head leading on the last box,
 * T at the start of the earliest step of the final run of positive margins, the minimum margin its lower bound,
 * and no head when the last box does not separate the two.
 */
class AllocationMarginTest {
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {4}, 2, 40, 0.0, 1.0);
  private static final SpectralState START = Initialisations.paper(C);

  private static List<Interval> box(Interval logMu1, Interval logMu2) {
    return List.of(Interval.ZERO, Interval.ZERO, logMu1, logMu2);
  }

  @Test
  void theLeaderOfTheLastBoxFromTheStartOfItsFinalRun() {
    ValidatedTube t = HandMadeTubes.unitSteps(List.of(
        box(Interval.point(-3), Interval.point(-2)),   // head 2 leads
        box(Interval.point(-1), Interval.point(-2)),   // head 1 leads by e^-1 − e^-2
        box(Interval.point(0), Interval.point(-3))));  // head 1 leads by 1 − e^-3
    AllocationMargin.TaskAllocation a = AllocationMargin.certify(t, C, START, 0);
    assertEquals(0, a.head().orElseThrow());
    assertEquals(1.0, a.from(), "T is the end of the last step head 2 led on");
    double expected = StrictMath.exp(-1) - StrictMath.exp(-2);
    // A lower bound within the few ulps of two outward-rounded exps and a subtraction.
    assertTrue(a.minimumMargin() <= expected && a.minimumMargin() > expected - 1e-15, a.toString());
    assertTrue(a.finalMargin() <= 1 - StrictMath.exp(-3) && a.finalMargin() > 1 - StrictMath.exp(-3) - 1e-15);
  }

  @Test
  void anOverlapOnTheWayCutsTheRunAndOneOnTheLastBoxGivesNoHead() {
    Interval wide = Interval.of(-2.5, -0.5);
    ValidatedTube cut = HandMadeTubes.unitSteps(List.of(
        box(Interval.point(0), Interval.point(-3)),
        box(wide, Interval.point(-1)),                 // not separated: head 1 may trail here
        box(Interval.point(0), Interval.point(-3))));
    AllocationMargin.TaskAllocation a = AllocationMargin.certify(cut, C, START, 0);
    assertEquals(0, a.head().orElseThrow());
    assertEquals(2.0, a.from(), a.toString());
    ValidatedTube open = HandMadeTubes.unitSteps(
        List.of(box(Interval.point(0), Interval.point(-3)), box(wide, Interval.point(-1))));
    assertTrue(AllocationMargin.certify(open, C, START, 0).head().isEmpty());
  }

  /**
   * Margins positive on every step: T is the tube's start (the scan reaches step 0). A tube without steps
   * certifies nothing; with one head there is no other head to beat, so the margin is +∞.
   */
  @Test
  void aRunFromTheStartBeginsAtZeroAndEdgeCasesAreExplicit() {
    ValidatedTube all = HandMadeTubes.unitSteps(List.of(
        box(Interval.point(0), Interval.point(-3)),
        box(Interval.point(-1), Interval.point(-2)),
        box(Interval.point(0), Interval.point(-3))));
    AllocationMargin.TaskAllocation a = AllocationMargin.certify(all, C, START, 0);
    assertEquals(0, a.head().orElseThrow());
    assertEquals(0.0, a.from());
    ValidatedTube empty = new ValidatedTube(box(Interval.ZERO, Interval.ZERO), List.of(), 1.0, Optional.of("none"),
        0.0);
    AllocationMargin.TaskAllocation none = AllocationMargin.certify(empty, C, START, 0);
    assertTrue(none.head().isEmpty());
    assertTrue(Double.isNaN(none.from()) && Double.isNaN(none.minimumMargin()) && Double.isNaN(none.finalMargin()));
    ProblemConfig one = ProblemConfig.of(4, new int[] {4}, 1, 40, 0.0, 1.0);
    assertEquals(Double.POSITIVE_INFINITY, AllocationMargin.margin(List.of(Interval.ZERO, Interval.point(-1)), one,
        Initialisations.paper(one), 0, 0));
  }
}
