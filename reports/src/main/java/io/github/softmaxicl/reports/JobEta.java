package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.ProgressSink;
import java.util.Arrays;
import java.util.List;

/**
 * The whole job's remaining time, from the stages' expected durations scaled by the pace measured so far. The pace
 * is (measured time of the finished stages) / (their expected time): 1 until a stage has finished, then this
 * machine's and this load's speed relative to the machine the expected times were measured on. The remaining time
 * is pace × (expected time of the stages not started) + what is left of the running stage's pace × expected time
 * (nothing once it overruns). Stages without an expected time add nothing (they are counted separately), and
 * expected times that are not for the running mode ({@code --full}: only quick-mode times are measured, and they do
 * not scale evenly to it) give no estimate at all rather than a wrong one.
 */
final class JobEta {
  private final double[] expected;
  private final double[] measured;
  private final boolean timesForThisMode;

  /**
   * @param plan the stages with their typical quick-mode times (NaN when not measured)
   * @param timesForThisMode true when the job runs in quick mode, the mode the times were measured in
   */
  JobEta(List<ProgressSink.Stage> plan, boolean timesForThisMode) {
    expected = new double[plan.size()];
    for (int k = 0; k < expected.length; k++) {
      expected[k] = plan.get(k).typicalQuickSeconds();
    }
    measured = new double[expected.length];
    Arrays.fill(measured, Double.NaN);
    this.timesForThisMode = timesForThisMode;
  }

  /** Number of stages. */
  int size() {
    return expected.length;
  }

  /** The expected time of stage {@code k}, NaN when not known or not for this mode. */
  double expected(int k) {
    return timesForThisMode ? expected[k] : Double.NaN;
  }

  /** Records the measured time of stage {@code k}. */
  void finished(int k, double seconds) {
    measured[k] = seconds;
  }

  /** Expected time of the whole job, NaN when not for this mode; stages without a time add nothing. */
  double expectedTotal() {
    return timesForThisMode ? sumKnown(0) : Double.NaN;
  }

  /** Stages from {@code from} on without an expected time. */
  int untimed(int from) {
    int n = 0;
    for (int k = from; k < expected.length; k++) {
      n += Double.isNaN(expected[k]) ? 1 : 0;
    }
    return n;
  }

  /** Measured / expected time over the finished stages with an expected time; 1 before any has finished. */
  double pace() {
    double m = 0;
    double e = 0;
    for (int k = 0; k < expected.length; k++) {
      if (!Double.isNaN(measured[k]) && !Double.isNaN(expected[k]) && expected[k] > 0) {
        m += measured[k];
        e += expected[k];
      }
    }
    return e > 0 ? m / e : 1.0;
  }

  /**
   * Seconds left in the job while stage {@code k} runs and has run {@code elapsedInStage} seconds, or after it has
   * finished ({@code elapsedInStage} NaN); NaN when the times are not for this mode.
   */
  double remaining(int k, double elapsedInStage) {
    if (!timesForThisMode) {
      return Double.NaN;
    }
    double pace = pace();
    double left = pace * sumKnown(k + 1);
    if (!Double.isNaN(elapsedInStage) && !Double.isNaN(expected[k])) {
      left += Math.max(0.0, pace * expected[k] - elapsedInStage);
    }
    return left;
  }

  private double sumKnown(int from) {
    double s = 0;
    for (int k = from; k < expected.length; k++) {
      s += Double.isNaN(expected[k]) ? 0 : expected[k];
    }
    return s;
  }
}
