package io.github.softmaxicl.numerics;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The phase-marker times of one run (reduced model (reconstruction); the marker definitions are MODEL.md §7 and
 * {@link io.github.softmaxicl.theory.PhaseMarkers}, the per-task ones docs/P2-PHASES.md §3): the global end of
 * warm-up t_w and of emergence t_e, and per task i the half-signal time and t_w,i and t_e,i. A time is NaN where
 * the marker was not reached before the run's end, or not computed (the full dynamics have no per-task t_w,i and
 * t_e,i). One type for what a run, its record, the report's facts and the proof checks all carry. Immutable: the
 * arrays are copied in and out; equal when every time is (NaN equal to NaN).
 *
 * @param warmupEnd t_w: first t with F(t) ≤ 0.99 F(0)
 * @param emergenceEnd t_e: first t with F(t) − F* ≤ 0.01 (F(0) − F*)
 * @param halfSignal per task, the first t with max_h μ_i^h ω_i^h ≥ ½ μ_i* ω_i*
 * @param taskWarmupEnds per task t_w,i: first t with L_i(t) ≤ 0.99 L_i(0)
 * @param taskEmergenceEnds per task t_e,i: first t with L_i(t) − L_i* ≤ 0.01 (L_i(0) − L_i*)
 */
public record MarkerTimes(double warmupEnd, double emergenceEnd, double[] halfSignal, double[] taskWarmupEnds,
    double[] taskEmergenceEnds) {

  /**
   * Copies the arrays.
   *
   * @throws IllegalArgumentException if the per-task arrays differ in length
   */
  public MarkerTimes {
    halfSignal = halfSignal.clone();
    taskWarmupEnds = taskWarmupEnds.clone();
    taskEmergenceEnds = taskEmergenceEnds.clone();
    if (taskWarmupEnds.length != halfSignal.length || taskEmergenceEnds.length != halfSignal.length) {
      throw new IllegalArgumentException("per-task marker arrays differ in length (half-signal "
          + halfSignal.length + ", t_w,i " + taskWarmupEnds.length + ", t_e,i " + taskEmergenceEnds.length + ")");
    }
  }

  /** The global markers and half-signal times of a run without per-task t_w,i and t_e,i (those NaN). */
  public static MarkerTimes withoutTaskPhases(double warmupEnd, double emergenceEnd, double[] halfSignal) {
    double[] none = new double[halfSignal.length];
    Arrays.fill(none, Double.NaN);
    return new MarkerTimes(warmupEnd, emergenceEnd, halfSignal, none, none);
  }

  /** No marker reached (every time NaN), for {@code tasks} tasks. */
  public static MarkerTimes none(int tasks) {
    double[] none = new double[tasks];
    Arrays.fill(none, Double.NaN);
    return new MarkerTimes(Double.NaN, Double.NaN, none, none, none);
  }

  /** The number of tasks n. */
  public int tasks() {
    return halfSignal.length;
  }

  /** (t_e − t_w) / t_w: the emergence window's length relative to the warm-up (NaN if either is not reached). */
  public double emergenceWindowRatio() {
    return (emergenceEnd - warmupEnd) / warmupEnd;
  }

  /** The close-up window around emergence, widened to the reached per-task windows ({@link EmergenceWindow}). */
  public Optional<EmergenceWindow> emergenceWindow() {
    return EmergenceWindow.of(warmupEnd, emergenceEnd, taskWarmupEnds, taskEmergenceEnds);
  }

  /** Per-task half-signal times; a copy. */
  @Override
  public double[] halfSignal() {
    return halfSignal.clone();
  }

  /** Per-task t_w,i; a copy. */
  @Override
  public double[] taskWarmupEnds() {
    return taskWarmupEnds.clone();
  }

  /** Per-task t_e,i; a copy. */
  @Override
  public double[] taskEmergenceEnds() {
    return taskEmergenceEnds.clone();
  }

  @Override
  public boolean equals(@org.checkerframework.checker.nullness.qual.Nullable Object o) {
    return o instanceof MarkerTimes m && Double.compare(warmupEnd, m.warmupEnd) == 0
        && Double.compare(emergenceEnd, m.emergenceEnd) == 0 && Arrays.equals(halfSignal, m.halfSignal)
        && Arrays.equals(taskWarmupEnds, m.taskWarmupEnds) && Arrays.equals(taskEmergenceEnds, m.taskEmergenceEnds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(warmupEnd, emergenceEnd, Arrays.hashCode(halfSignal), Arrays.hashCode(taskWarmupEnds),
        Arrays.hashCode(taskEmergenceEnds));
  }

  @Override
  public String toString() {
    return "MarkerTimes[t_w=" + warmupEnd + ", t_e=" + emergenceEnd + ", half-signal=" + Arrays.toString(halfSignal)
        + ", t_w,i=" + Arrays.toString(taskWarmupEnds) + ", t_e,i=" + Arrays.toString(taskEmergenceEnds) + "]";
  }
}
