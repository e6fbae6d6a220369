package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    // an on-task μ falling is no escape
    List<TrajectorySample> onTask = new ArrayList<>();
    for (int k = 0; k <= 4; k++) {
      onTask.add(TrajectorySample.reduced(k, 1.0, state(new double[][] {{1, 1e-3}, {1e-3, 1}},
          new double[][] {{m0 * (1 - 0.3 * k), 1e-6}, {1e-6, limit.muStar(1)}})));
    }
    assertTrue(Double.isNaN(RunAnalysis.escape(onTask, 0.0, limit).time()));
  }
}
