package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.PhaseMarkers;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RunAnalysis} on hand-made trajectories whose answers are known in closed form: a loss falling linearly
 * crosses a level where the line does; a signal rising linearly reaches the half-signal level where the line
 * does; an off-task μ falling as −a e^{r t} escapes at the first sample below −1e-3 μ* with the least-squares
 * slope r (exact for an exponential, up to round-off).
 */
class RunAnalysisTest {
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {2, 2}, 2, 40, 0.0, 1.0);

  private static SpectralState state(double[][] omega, double[][] mu) {
    return SpectralState.of(omega, mu);
  }

  private static SpectralState uniform(double v) {
    return state(new double[][] {{v, v}, {v, v}}, new double[][] {{v, v}, {v, v}});
  }

  /** Loss 10 − t at t = 0..5: the level 7.5 is crossed at 2.5, the level 10 at the first sample, 4 never. */
  @Test
  void firstCrossingInterpolatesTheLoss() {
    List<TrajectorySample> traj = new ArrayList<>();
    for (int k = 0; k <= 5; k++) {
      traj.add(TrajectorySample.reduced(k, 10 - k, uniform(1)));
    }
    assertEquals(2.5, RunAnalysis.firstCrossing(traj, 7.5), 1e-15);
    assertEquals(3.0, RunAnalysis.firstCrossing(traj, 7.0), 1e-15, "a level hit at a sample");
    assertEquals(0.0, RunAnalysis.firstCrossing(traj, 10.0));
    assertTrue(Double.isNaN(RunAnalysis.firstCrossing(traj, 4.0)));
    // samples at t = 2k: interpolation in time, not in index
    List<TrajectorySample> spaced = new ArrayList<>();
    for (int k = 0; k <= 5; k++) {
      spaced.add(TrajectorySample.reduced(1 + 2 * k, 10 - k, uniform(1)));
    }
    assertEquals(1 + 2 * 2.5, RunAnalysis.firstCrossing(spaced, 7.5), 1e-14);
  }

  /**
   * Task 1's largest μ ω (head 1) is (k + 1) λ_1 / 4 at t = k, so it reaches its level λ_1 exactly at the sample
   * t = 3; task 2's (head 2) is (0.2 + 0.3 k) λ_2, which the linear interpolation between t = 2 and 3 puts at
   * 8/3. A trajectory that never reaches the levels gives NaN; one that starts above them its first time.
   */
  @Test
  void halfSignalTimesInterpolateTheLargestProduct() {
    double[] level = {PhaseMarkers.halfSignalThreshold(C, 0), PhaseMarkers.halfSignalThreshold(C, 1)};
    List<TrajectorySample> traj = new ArrayList<>();
    for (int k = 0; k <= 4; k++) {
      double s0 = (k + 1) * level[0] / 4; // task 1 on head 1: μ ω = s0 with ω = 1
      double s1 = (0.2 + 0.3 * k) * level[1]; // task 2 on head 2
      traj.add(TrajectorySample.reduced(k, 1.0, state(new double[][] {{1, 1}, {1, 1}},
          new double[][] {{s0, 0.1 * s1}, {0.1 * s0, s1}})));
    }
    double[] t = RunAnalysis.halfSignalTimes(traj, C);
    assertEquals(3.0, t[0], 1e-14);
    // 0.2 + 0.3 k = 1 at k = 8/3
    assertEquals(8.0 / 3.0, t[1], 1e-14);
    List<TrajectorySample> never = List.of(TrajectorySample.reduced(0, 1, uniform(1e-9)),
        TrajectorySample.reduced(1, 1, uniform(2e-9)));
    double[] n = RunAnalysis.halfSignalTimes(never, C);
    assertTrue(Double.isNaN(n[0]) && Double.isNaN(n[1]));
    List<TrajectorySample> already = List.of(TrajectorySample.reduced(0.5, 1, uniform(10)));
    assertArrayEquals(new double[] {0.5, 0.5}, RunAnalysis.halfSignalTimes(already, C));
  }

  @Test
  void allocationIsTheLargestProductPerTask() {
    SpectralState s = state(new double[][] {{1, 2}, {1, 1}}, new double[][] {{0.5, 0.4}, {0.6, 0.9}});
    // task 1: 0.5 vs 0.6 -> head 2; task 2: 0.8 vs 0.9 -> head 2
    assertArrayEquals(new int[] {1, 1}, RunAnalysis.allocation(s));
    SpectralState t = state(new double[][] {{-1, 1}, {1, -1}}, new double[][] {{0.5, 0.4}, {-0.6, 0.1}});
    // products: task 1: −0.5, −0.6 -> head 1; task 2: 0.4, −0.1 -> head 1
    assertArrayEquals(new int[] {0, 0}, RunAnalysis.allocation(t));
  }

  /**
   * Tasks on heads 1, 2 at emergence (t = 1); from t = 2 head 2's μ on task 1 falls as −1e-3 μ* e^{r (t−2)}·1.5,
   * r = 0.8, so it is below −1e-3 μ* from t = 2 on, and the slope is fitted while −μ ≤ 0.1 μ*: r to round-off.
   */
  @Test
  void escapeFindsTheFirstFallingOffTaskPairAndItsRate() {
    LimitPoint limit = LimitPoint.of(C);
    double m0 = limit.muStar(0);
    double r = 0.8;
    List<TrajectorySample> traj = new ArrayList<>();
    for (int k = 0; k <= 12; k++) {
      double t = 0.5 * k;
      double off = t < 2 ? 1e-6 : -1.5e-3 * m0 * StrictMath.exp(r * (t - 2));
      traj.add(TrajectorySample.reduced(t, 1.0, state(new double[][] {{1, 1e-3}, {1e-3, 1}},
          new double[][] {{m0, 1e-6}, {off, limit.muStar(1)}})));
    }
    RunAnalysis.Escape e = RunAnalysis.escape(traj, 1.0, limit);
    assertEquals(2.0, e.time());
    assertEquals(1, e.head());
    assertEquals(0, e.task());
    assertEquals(2 * limit.saddleCoefficient(0), e.predicted());
    assertEquals(r, e.measured(), 1e-9);
    // no emergence, or none before the end: nothing, with the largest prediction
    double maxPredicted = Math.max(2 * limit.saddleCoefficient(0), 2 * limit.saddleCoefficient(1));
    RunAnalysis.Escape none = RunAnalysis.escape(traj, Double.NaN, limit);
    assertTrue(Double.isNaN(none.time()) && none.head() == -1 && none.task() == -1);
    assertEquals(maxPredicted, none.predicted());
    assertTrue(Double.isNaN(RunAnalysis.escape(traj, 100.0, limit).time()));
    assertTrue(Double.isNaN(RunAnalysis.escape(List.of(), 1.0, limit).measured()));
    // too few samples in the fitting range: the rate is NaN, the escape still found
    List<TrajectorySample> short2 = new ArrayList<>(traj.subList(0, 6));
    RunAnalysis.Escape brief = RunAnalysis.escape(short2, 1.0, limit);
    assertEquals(2.0, brief.time());
    assertTrue(Double.isNaN(brief.measured()));
    // the same escape ≈ 3·10⁵ time units later, at times no double holds exactly: the rate is still found to 1e-9
    // (each time is rounded by ≈ 3e-11 against a spread of 0.5 per sample; the one-pass normal equations
    // m Σt² − (Σt)² lost ≈ 5 digits here to cancellation)
    double offset = 1e6 / 3;
    List<TrajectorySample> late = new ArrayList<>();
    for (TrajectorySample sample : traj) {
      late.add(TrajectorySample.reduced(offset + sample.t(), 1.0, sample.state()));
    }
    assertEquals(r, RunAnalysis.escape(late, offset + 1.0, limit).measured(), 1e-9);
    // an on-task μ falling is no escape
    List<TrajectorySample> onTask = new ArrayList<>();
    for (int k = 0; k <= 4; k++) {
      onTask.add(TrajectorySample.reduced(k, 1.0, state(new double[][] {{1, 1e-3}, {1e-3, 1}},
          new double[][] {{m0 * (1 - 0.3 * k), 1e-6}, {1e-6, limit.muStar(1)}})));
    }
    assertTrue(Double.isNaN(RunAnalysis.escape(onTask, 0.0, limit).time()));
  }

  private static List<TrajectorySample> losses(double[] t, double[] loss) {
    List<TrajectorySample> traj = new ArrayList<>();
    for (int k = 0; k < t.length; k++) {
      traj.add(TrajectorySample.reduced(t[k], loss[k], uniform(1)));
    }
    return traj;
  }

  /**
   * A piecewise-linear loss 10, 8, 6, 3 at t = 0..3: the level 7 lies on the segment from t = 1 to 2 (slope −2),
   * at 1.5, and only that segment (not its neighbour, slope −3) puts it there. A level reached exactly at the last
   * sample, or on a plateau, is crossed at the first sample that reaches it; a level met at the first sample gives
   * that sample's time (here 1, not 0).
   */
  @Test
  void firstCrossingUsesTheSegmentThatCrossesAndTheFirstSampleAtTheLevel() {
    List<TrajectorySample> bent = losses(new double[] {0, 1, 2, 3}, new double[] {10, 8, 6, 3});
    assertEquals(1.5, RunAnalysis.firstCrossing(bent, 7.0), 1e-15);
    assertEquals(3.0, RunAnalysis.firstCrossing(bent, 3.0), "reached at the last sample");
    List<TrajectorySample> plateau = losses(new double[] {1, 2, 3, 4}, new double[] {10, 9, 9, 8});
    assertEquals(2.0, RunAnalysis.firstCrossing(plateau, 9.0), "a plateau at the level");
    assertEquals(1.0, RunAnalysis.firstCrossing(plateau, 10.0), "met at the first sample");
  }

  /**
   * Half-signal times with samples 2 apart (interpolation in time: task 2 at 2·8/3), and a trajectory whose last
   * sample reaches task 1's level exactly (μ ω = 4·level/4, exact in binary) is at its level there.
   */
  @Test
  void halfSignalTimesAtTheLastSampleAndWithSpacedSamples() {
    double[] level = {PhaseMarkers.halfSignalThreshold(C, 0), PhaseMarkers.halfSignalThreshold(C, 1)};
    List<TrajectorySample> traj = new ArrayList<>();
    for (int k = 0; k <= 3; k++) {
      double s0 = (k + 1) * level[0] / 4;
      double s1 = (0.2 + 0.3 * k) * level[1];
      traj.add(TrajectorySample.reduced(2 * k, 1.0, state(new double[][] {{1, 1}, {1, 1}},
          new double[][] {{s0, 0.1 * s1}, {0.1 * s0, s1}})));
    }
    double[] t = RunAnalysis.halfSignalTimes(traj, C);
    assertEquals(6.0, t[0], 0.0, "the last sample is at the level");
    assertEquals(16.0 / 3.0, t[1], 1e-14);
  }

  /**
   * The allocation picks the largest product μ ω, not quotient: head 1 has μ = 0.5, ω = 2 (product 1, quotient
   * 0.25), head 2 μ = 0.6, ω = 1 (0.6 either way). On a tie the first head is kept.
   */
  @Test
  void allocationUsesTheProductAndKeepsTheFirstOfEqualHeads() {
    SpectralState s = state(new double[][] {{2, 1}, {1, 1}}, new double[][] {{0.5, 0.3}, {0.6, 0.3}});
    assertArrayEquals(new int[] {0, 0}, RunAnalysis.allocation(s));
  }

  private static List<TrajectorySample> escapeTrajectory(double[][] omegaAtStart, double[][] muAtStart,
      double[] times, double[] offMu, int offHead) {
    List<TrajectorySample> traj = new ArrayList<>();
    traj.add(TrajectorySample.reduced(0, 1.0, state(omegaAtStart, muAtStart)));
    for (int k = 0; k < times.length; k++) {
      double[][] mu = {muAtStart[0].clone(), muAtStart[1].clone()};
      mu[offHead][0] = offMu[k];
      traj.add(TrajectorySample.reduced(times[k], 1.0, state(omegaAtStart, mu)));
    }
    return traj;
  }

  /**
   * The allocation at emergence decides which pair is off-task. Task 1 served by head 2 (task 2 by head 1): head
   * 1's μ on task 1 falling is the escape, found from a start at the first sample (t_emergence = 0). Task 1 with
   * head 1 at μ = 0.5, ω = 2 (product 1) against head 2 at μ = 0.6, ω = 1: head 1 serves it (by product, not
   * quotient), so head 2 falling is the escape; with equal products head 1 keeps the task and head 2 falling is
   * again the escape.
   */
  @Test
  void escapeReadsTheAllocationByProductAtEmergence() {
    LimitPoint limit = LimitPoint.of(C);
    double m0 = limit.muStar(0);
    double m1 = limit.muStar(1);
    double[] times = {1, 2};
    double[] falling = {-2e-3 * m0, -4e-3 * m0};
    RunAnalysis.Escape swapped = RunAnalysis.escape(escapeTrajectory(new double[][] {{1e-3, 1}, {1, 1e-3}},
        new double[][] {{1e-6, m1}, {m0, 1e-6}}, times, falling, 0), 0.0, limit);
    assertEquals(1.0, swapped.time());
    assertEquals(0, swapped.head());
    assertEquals(0, swapped.task());
    RunAnalysis.Escape byProduct = RunAnalysis.escape(escapeTrajectory(new double[][] {{2, 1e-3}, {1, 1}},
        new double[][] {{0.5, 1e-6}, {0.6, m1}}, times, falling, 1), 0.0, limit);
    assertEquals(1.0, byProduct.time());
    assertEquals(1, byProduct.head());
    RunAnalysis.Escape tie = RunAnalysis.escape(escapeTrajectory(new double[][] {{1, 1e-3}, {1, 1}},
        new double[][] {{0.6, 1e-6}, {0.6, m1}}, times, falling, 1), 0.0, limit);
    assertEquals(1.0, tie.time());
    assertEquals(1, tie.head());
  }

  /**
   * The escape threshold −1e-3 μ* (μ* ≈ 1.245 here, so it differs from −1e-3/μ*): μ = −1e-3 (between the two) is
   * no escape, nor is μ exactly −1e-3 μ* (strictly below is required); −2e-3 μ* is. An emergence time exactly at a
   * sample starts the search at that sample.
   */
  /** The one escape level, shared with the checks' end-state note: strictly below −10⁻³ μ*. */
  @Test
  void belowEscapeLevelIsStrict() {
    assertEquals(1e-3, RunAnalysis.ESCAPE_LEVEL);
    assertFalse(RunAnalysis.belowEscapeLevel(-1e-3 * 2.0, 2.0), "at the level");
    assertTrue(RunAnalysis.belowEscapeLevel(Math.nextDown(-1e-3 * 2.0), 2.0), "one ulp below it");
    assertFalse(RunAnalysis.belowEscapeLevel(0.0, 2.0));
  }

  @Test
  void escapeThresholdAndStartSample() {
    LimitPoint limit = LimitPoint.of(C);
    double m0 = limit.muStar(0);
    assertTrue(m0 > 1.2, "μ* " + m0);
    double[][] omega = {{1, 1e-3}, {1e-3, 1}};
    double[][] mu = {{m0, 1e-6}, {1e-6, limit.muStar(1)}};
    List<TrajectorySample> traj = escapeTrajectory(omega, mu, new double[] {1, 2, 3, 4},
        new double[] {-1e-3, -(1e-3 * m0), -2e-3 * m0, -4e-3 * m0}, 1);
    assertEquals(3.0, RunAnalysis.escape(traj, 0.5, limit).time());
    assertEquals(4.0, RunAnalysis.escape(traj, 4.0, limit).time(), "emergence at a sample starts there");
  }

  /**
   * The fitted rate uses the contiguous samples from the escape with 1e-3 μ* ≤ −μ ≤ 0.1 μ*, both ends included:
   * each case has a point beyond the window that would change the least-squares slope if it were used, and the
   * expected slope is the least-squares slope of the window's points computed here. Budget: logs and sums of a
   * few O(1) terms, 1e-13.
   */
  @Test
  void escapeRateFitsExactlyTheWindow() {
    LimitPoint limit = LimitPoint.of(C);
    double m0 = limit.muStar(0);
    double[][] omega = {{1, 1e-3}, {1e-3, 1}};
    double[][] mu = {{m0, 1e-6}, {1e-6, limit.muStar(1)}};
    double[] times = {2, 3, 4, 5, 6};
    // upper end: −μ = 0.1 μ* exactly at t = 5 is in, 0.5 μ* at t = 6 is out
    double[] upper = {-2e-3 * m0, -4e-3 * m0, -8e-3 * m0, -(0.1 * m0), -0.5 * m0};
    assertEquals(slope(new double[] {2, 3, 4, 5}, new double[] {2e-3 * m0, 4e-3 * m0, 8e-3 * m0, 0.1 * m0}),
        RunAnalysis.escape(escapeTrajectory(omega, mu, times, upper, 1), 0.5, limit).measured(), 1e-13);
    // lower end: −μ = 1e-3 μ* exactly at t = 5 is in, 0.5 μ* at t = 6 is out
    double[] lower = {-2e-3 * m0, -4e-3 * m0, -8e-3 * m0, -(1e-3 * m0), -0.5 * m0};
    assertEquals(slope(new double[] {2, 3, 4, 5}, new double[] {2e-3 * m0, 4e-3 * m0, 8e-3 * m0, 1e-3 * m0}),
        RunAnalysis.escape(escapeTrajectory(omega, mu, times, lower, 1), 0.5, limit).measured(), 1e-13);
    // −μ = 1e-3 (absolute, under 1e-3 μ*) at t = 5 ends the window: three points, slope ln 2
    double[] drop = {-2e-3 * m0, -4e-3 * m0, -8e-3 * m0, -1e-3, -0.016 * m0};
    assertEquals(Math.log(2), RunAnalysis.escape(escapeTrajectory(omega, mu, times, drop, 1), 0.5, limit)
        .measured(), 1e-13);
    // three samples at one time (0.1, whose mean in floating point is not 0.1, so centring on it alone would leave a
    // spread of ≈ 1e-17) have no spread in t: no rate, whatever the values
    for (double[] same : new double[][] {{2e-3, 4e-3, 8e-3}, {2e-3, 7e-3, 1.1e-2}, {5e-3, 9e-3, 1.3e-2}}) {
      RunAnalysis.Escape flat = RunAnalysis.escape(escapeTrajectory(omega, mu, new double[] {0.1, 0.1, 0.1},
          new double[] {-same[0], -same[1], -same[2]}, 1), 0.05, limit);
      assertEquals(0.1, flat.time());
      assertTrue(Double.isNaN(flat.measured()), "rate " + flat.measured());
    }
  }

  private static double slope(double[] t, double[] minusMu) {
    int m = t.length;
    double mt = 0;
    double my = 0;
    for (int k = 0; k < m; k++) {
      mt += t[k] / m;
      my += Math.log(minusMu[k]) / m;
    }
    double num = 0;
    double den = 0;
    for (int k = 0; k < m; k++) {
      num += (t[k] - mt) * (Math.log(minusMu[k]) - my);
      den += (t[k] - mt) * (t[k] - mt);
    }
    return num / den;
  }
}
