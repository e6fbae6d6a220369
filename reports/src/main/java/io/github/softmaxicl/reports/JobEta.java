package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.experiments.ProgressSink;
import java.util.Arrays;
import java.util.List;

/**
 * The whole job's remaining time, from the stages' expected durations scaled by the pace measured so far. The pace
 * is (measured time of the finished stages) / (their expected time): 1 until a stage has finished, then this
 * machine's and this load's speed relative to the machine the expected times were measured on. The remaining time
 * is pace × (expected time of the stages not started) + what is left of the running stage's pace × expected time
 * (nothing once it overruns). The expected times are those of the job's mode (quick and {@code --full} are timed
 * separately: their stages differ in size unevenly, so neither is scaled from the other). Stages without an
 * expected time add nothing (they are counted separately); with no expected time at all there is no estimate.
 */
final class JobEta {
  private final double[] expected;
  private final double[] measured;
  private final boolean anyTimed;

  /**
   * @param plan the stages with their typical times (NaN when not measured)
   * @param mode the job's mode, whose typical times are used
   */
  JobEta(List<ProgressSink.Stage> plan, Mode mode) {
    expected = new double[plan.size()];
    boolean timed = false;
    for (int k = 0; k < expected.length; k++) {
      expected[k] = plan.get(k).typicalSeconds(mode);
      timed |= !Double.isNaN(expected[k]);
    }
    measured = new double[expected.length];
    Arrays.fill(measured, Double.NaN);
    anyTimed = timed;
  }

  /** Number of stages. */
  int size() {
    return expected.length;
  }

  /** The expected time of stage {@code k} in the job's mode, NaN when not known. */
  double expected(int k) {
    return expected[k];
  }

  /** Records the measured time of stage {@code k}. */
  void finished(int k, double seconds) {
    measured[k] = seconds;
  }

  /** Expected time of the whole job, NaN when no stage has one; stages without a time add nothing. */
  double expectedTotal() {
    return anyTimed ? sumKnown(0) : Double.NaN;
  }

  /** True when at least one stage has an expected time in the job's mode. */
  boolean anyTimed() {
    return anyTimed;
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
   * finished ({@code elapsedInStage} NaN); NaN when no stage has an expected time.
   */
  double remaining(int k, double elapsedInStage) {
    if (!anyTimed) {
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
