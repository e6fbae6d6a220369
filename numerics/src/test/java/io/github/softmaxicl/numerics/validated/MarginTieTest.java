package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A certified margin of exactly 0 is no separation: on a box where the rounded-down lower bound of one head's signal
 * minus the other's upper bound is 0.0 (the two enclosures meet to within the smallest subnormal, so the signals
 * may be equal), neither head is proved ahead, so {@link AllocationMargin#certify} and {@link TrappingRegionSearch#allocation} must not name a head
 * there. One task, two heads, log coordinates y = (log ω^1, log ω^2, log μ^1, log μ^2) as in AllocationMarginTest.
 */
class MarginTieTest {
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {4}, 2, 40, 0.0, 1.0);
  private static final SpectralState START = Initialisations.paper(C);

  private static List<Interval> box(double logMu1, double logMu2) {
    return List.of(Interval.ZERO, Interval.ZERO, Interval.point(logMu1), Interval.point(logMu2));
  }

  /**
   * A box whose certified margin for head 1 (index 0) is exactly 0.0. The margin is a lower bound of a difference
   * rounded down, so it is 0.0 only where the two signal bounds differ by the smallest subnormal (or less): head 1
   * at log μ = −740 (signal ≈ 85 · 2^-1074), head 2 moved in steps of 2^-10 (a fraction of a subnormal step of its
   * signal) until its enclosure's upper end comes within that. The search is deterministic; that it finds the tie
   * is asserted.
   */
  private static List<Interval> tie() {
    for (int k = 1; k <= 8192; k++) {
      for (double sign : new double[] {-1.0, 1.0}) {
        List<Interval> y = box(-740.0, -740.0 + sign * k * 0x1p-10);
        if (AllocationMargin.margin(y, C, START, 0, 0) == 0.0) {
          return y;
        }
      }
    }
    throw new AssertionError("no exact tie found");
  }

  @Test
  void aTieOnTheLastBoxCertifiesNoHead() {
    List<Interval> tie = tie();
    assertTrue(AllocationMargin.certify(HandMadeTubes.unitSteps(List.of(tie)), C, START, 0).head().isEmpty());
    assertTrue(TrappingRegionSearch.allocation(C, START, tie).isEmpty());
  }

  /** A tie on the first step ends the run of positive margins: T is the end of that step, not the tube's start. */
  @Test
  void aTieOnTheWayCutsTheRun() {
    double sign = Math.signum(START.omega(0, 0)) * Math.signum(START.mu(0, 0));
    // head 1 clearly ahead (signal ±1 against ±e^-3) on the last box, whatever the signs of the start
    List<Interval> ahead = sign > 0 ? box(0.0, -3.0) : box(-3.0, 0.0);
    AllocationMargin.TaskAllocation a =
        AllocationMargin.certify(HandMadeTubes.unitSteps(List.of(tie(), ahead)), C, START, 0);
    assertEquals(0, a.head().orElseThrow(), a.toString());
    assertEquals(1.0, a.from(), a.toString());
    assertTrue(a.minimumMargin() > 0, a.toString());
  }
}
