package io.github.softmaxicl.numerics;

import java.util.Optional;

/**
 * The t range around emergence that the report's close-up shows and the reduced flow samples densely:
 * [t_w − Δ, t_e + Δ] with Δ = t_e − t_w (cut at 0), widened to hold every reached per-task window
 * [t_w,i, t_e,i]. On the [0, 1.6 t_e] window of the loss plot emergence is a few per cent of the width, and the
 * task-by-task steps show only here. Defined once here so the sampled range and the plotted range cannot drift.
 *
 * @param lo left end, ≥ 0
 * @param hi right end, &gt; lo
 * @param delta Δ = t_e − t_w, &gt; 0
 */
public record EmergenceWindow(double lo, double hi, double delta) {
  /** Checks lo &lt; hi and Δ &gt; 0. */
  public EmergenceWindow {
    if (!(lo >= 0 && hi > lo && delta > 0) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("emergence window needs 0 <= lo < hi finite, delta > 0 (got " + lo + ", "
          + hi + ", " + delta + ")");
    }
  }

  /**
   * The window of the global markers alone, or empty unless both are finite and t_e &gt; t_w.
   *
   * @param tWarmupEnd t_w
   * @param tEmergenceEnd t_e
   */
  public static Optional<EmergenceWindow> of(double tWarmupEnd,
      double tEmergenceEnd) {
    return of(tWarmupEnd, tEmergenceEnd, new double[0], new double[0]);
  }

  /**
   * The window of the global markers widened to the reached per-task windows (NaN entries are skipped), or empty
   * unless t_w and t_e are finite with t_e &gt; t_w.
   */
  public static Optional<EmergenceWindow> of(double tWarmupEnd,
      double tEmergenceEnd, double[] taskWarmupEnds, double[] taskEmergenceEnds) {
    if (!(Double.isFinite(tWarmupEnd) && Double.isFinite(tEmergenceEnd) && tEmergenceEnd > tWarmupEnd)) {
      return Optional.empty();
    }
    double first = tWarmupEnd;
    for (double t : taskWarmupEnds) {
      if (Double.isFinite(t)) {
        first = Math.min(first, t);
      }
    }
    double last = tEmergenceEnd;
    for (double t : taskEmergenceEnds) {
      if (Double.isFinite(t)) {
        last = Math.max(last, t);
      }
    }
    double delta = tEmergenceEnd - tWarmupEnd;
    return Optional.of(new EmergenceWindow(Math.max(0, first - delta), last + delta, delta));
  }

  /** Whether lo ≤ t ≤ hi. */
  public boolean contains(double t) {
    return t >= lo && t <= hi;
  }
}
