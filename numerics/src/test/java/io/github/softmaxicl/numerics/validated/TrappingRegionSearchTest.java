package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link TrappingRegionSearch} on hand-made end boxes (no integration): the allocation read off the margins (a
 * task without a separated head, or two tasks on one head, give none), a box at the closed-form limit certified
 * with the first growth, a box far from the limit not certified, and the stop rule's spacing and attempt count.
 */
class TrappingRegionSearchTest {
  /** Two heads, two tasks; y = (log ω^h_j for h, j; then log μ^h_j), index h·n + j. */
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {2, 2}, 2, 40, 0.0, 1.0);
  private static final SpectralState START = Initialisations.paper(C);

  /** Log box of a state given by its magnitudes, each entry a point. */
  private static List<Interval> logPoint(double[][] omega, double[][] mu) {
    List<Interval> y = new ArrayList<>();
    for (double[][] m : List.of(omega, mu)) {
      for (double[] row : m) {
        for (double v : row) {
          y.add(Interval.point(StrictMath.log(v)));
        }
      }
    }
    return y;
  }

  /** The closed-form limit with the given allocation (task j on head alloc[j]), other entries {@code off}. */
  private static List<Interval> nearLimit(int[] alloc, double off) {
    double[][] omega = {{off, off}, {off, off}};
    double[][] mu = {{off, off}, {off, off}};
    for (int j = 0; j < 2; j++) {
      omega[alloc[j]][j] = ClosedForms.omegaStar(C, j);
      mu[alloc[j]][j] = ClosedForms.muStar(C, j);
    }
    return logPoint(omega, mu);
  }

  @Test
  void allocationIsTheSeparatedHeadOfEveryTaskWithNoHeadShared() {
    assertEquals(Optional.of(List.of(0, 1)), TrappingRegionSearch.allocation(C, START, nearLimit(new int[] {0, 1},
        1e-6)));
    assertEquals(Optional.of(List.of(1, 0)), TrappingRegionSearch.allocation(C, START, nearLimit(new int[] {1, 0},
        1e-6)));
    // both tasks led by head 1: one head cannot serve two tasks in a trapping region
    assertTrue(TrappingRegionSearch.allocation(C, START, nearLimit(new int[] {0, 0}, 1e-6)).isEmpty());
    // at the init every signal is of one size up to the favour 4: task 1's heads are separated, but in a box
    // whose μ entries straddle each other no head is
    List<Interval> y = new ArrayList<>(nearLimit(new int[] {0, 1}, 1e-6));
    y.set(4, Interval.of(-20, 1));
    y.set(6, Interval.of(-20, 1));
    assertTrue(TrappingRegionSearch.allocation(C, START, y).isEmpty());
  }

  /**
   * At the limit, with off-task entries 1e-6, the region of growth 1.5 is proved and holds the box (the search's
   * purpose: docs/VALIDATED-INTEGRATION.md); at the init (far from the limit, no allocation) nothing is attempted.
   */
  @Test
  void aBoxAtTheLimitIsCertifiedAndTheInitIsNot() {
    List<Interval> y = nearLimit(new int[] {0, 1}, 1e-6);
    TrappingRegionSearch.Attempt a = TrappingRegionSearch.at(C, START, 7.0, y);
    assertEquals(7.0, a.time());
    assertEquals(Optional.of(List.of(0, 1)), a.allocation());
    assertTrue(a.certified());
    assertTrue(a.certificate().orElseThrow().certified());
    assertTrue(a.certificate().orElseThrow().containsLogBox(y));
    double[][] w = new double[2][2];
    double[][] m = new double[2][2];
    for (int h = 0; h < 2; h++) {
      for (int j = 0; j < 2; j++) {
        w[h][j] = START.omega(h, j);
        m[h][j] = 1e-3;
      }
    }
    TrappingRegionSearch.Attempt none = TrappingRegionSearch.at(C, START, 1.0, logPoint(w, m));
    assertTrue(none.allocation().isEmpty());
    assertTrue(none.certificate().isEmpty());
    assertFalse(none.certified());
  }

  /**
   * An allocation whose box lies far from the limit (signals 1e-3 of the limit's, separated) is attempted with
   * every growth, none proved to hold it; the certificate kept is the first one tried.
   */
  @Test
  void aSeparatedBoxFarFromTheLimitIsAttemptedButNotCertified() {
    double[][] w = {{1e-3, 1e-9}, {1e-9, 1e-3}};
    double[][] m = {{1e-3, 1e-9}, {1e-9, 1e-3}};
    TrappingRegionSearch.Attempt a = TrappingRegionSearch.at(C, START, 2.0, logPoint(w, m));
    assertEquals(Optional.of(List.of(0, 1)), a.allocation());
    assertFalse(a.certified());
    assertTrue(a.certificate().isPresent());
  }

  private static TubeStep step(double t0, double t1, List<Interval> y) {
    return new TubeStep(t0, t1, y, y);
  }

  /**
   * The stop rule attempts at the first step end at or after {@code from}, then after every {@code spacing}; it
   * stops at a certified attempt; {@code finish} reuses an attempt made at the tube's last end and otherwise
   * makes one there.
   */
  @Test
  void stopperAttemptsAtTheSpacingAndFinishesAtTheEnd() {
    assertThrows(IllegalArgumentException.class, () -> new TrappingRegionSearch.Stopper(C, START, 0, 0));
    double[][] w = {{1e-3, 1e-9}, {1e-9, 1e-3}};
    List<Interval> far = logPoint(w, w);
    List<Interval> limit = nearLimit(new int[] {0, 1}, 1e-6);
    TrappingRegionSearch.Stopper s = new TrappingRegionSearch.Stopper(C, START, 2.0, 2.0);
    assertFalse(s.test(step(0, 1, far)), "before from: no attempt");
    assertEquals(0, s.attempts());
    assertFalse(s.test(step(1, 2, far)), "at from (t1 = 2 reaches it): an attempt, not certified");
    assertEquals(1, s.attempts());
    assertFalse(s.test(step(2, 3, limit)), "before 2 + spacing: no attempt even at the limit");
    assertEquals(1, s.attempts());
    assertTrue(s.test(step(3, 4, limit)), "at 4 = 2 + spacing: certified");
    assertEquals(2, s.attempts());
    List<TubeStep> steps = List.of(step(0, 1, far), step(1, 2, far), step(2, 3, limit), step(3, 4, limit));
    ValidatedTube tube = new ValidatedTube(far, steps, 4.0, Optional.empty(), 0.0);
    TrappingRegionSearch.Attempt done = s.finish(tube);
    assertSame(done, s.finish(tube), "the attempt at the last end is reused");
    assertEquals(2, s.attempts());
    assertTrue(done.certified());
    assertEquals(4.0, done.time());
    // a fresh stopper that never reached its start attempts once at the end
    TrappingRegionSearch.Stopper late = new TrappingRegionSearch.Stopper(C, START, 10.0, 1.0);
    TrappingRegionSearch.Attempt end = late.finish(tube);
    assertEquals(1, late.attempts());
    assertEquals(4.0, end.time());
    assertTrue(end.certified());
    TrappingRegionSearch.Attempt empty =
        late.finish(new ValidatedTube(far, List.of(), 1.0, Optional.of("none"), 0.0));
    assertEquals(0.0, empty.time());
    assertFalse(empty.certified());
  }
}
