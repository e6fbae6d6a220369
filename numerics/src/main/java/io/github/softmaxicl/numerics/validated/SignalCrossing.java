package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.LogCoordinateFlow;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import java.util.Optional;

/**
 * Certified enclosures, read off a validated tube of the log-coordinate reduced flow, of the first time a task's
 * signal {@code max_h μ_i^h ω_i^h} reaches a level; with the level ½ μ_i* ω_i* this is the per-task half-signal
 * time of MODEL.md §7. In log coordinates the signal of head h is {@code exp(y_ω + y_μ)} (for a positive product;
 * heads whose product is negative never reach a positive level), so the test is on {@code y_ω + y_μ} against
 * {@code log(level)}.
 *
 * <p>Lower end: the start {@code t0} of the first step whose over-step box lets some head reach the level (on
 * every earlier step every head is proved below it, so the first crossing is not earlier). Upper end: the end
 * {@code t1} of the first step whose end box has some head proved at or above the level (so the first crossing
 * is not later). The enclosure is therefore of the <em>first</em> crossing and needs no uniqueness argument; its
 * width is a few steps. Reduced model (reconstruction).
 */
public final class SignalCrossing {
  private SignalCrossing() {}

  /**
   * An enclosure of {@code log(½ μ_i* ω_i*) = log(½/(1 + e κ_i d_i))}, {@code κ_i d_i = c_i/(s² L)}, from the
   * configuration's doubles taken as exact (MODEL.md §6).
   */
  public static Interval halfSignalLogLevel(ProblemConfig c, int task) {
    Interval s2 = Interval.point(c.s2());
    Interval ci = s2.multiply(c.blockSize(task)).add(Interval.point(c.sigma()).sqr());
    Interval kd = ci.divide(s2.multiply(c.promptLength()));
    Interval product = Interval.point(0.5).divide(Interval.ONE.add(Interval.ONE.exp().multiply(kd)));
    return product.log();
  }

  /** The enclosure of task i's half-signal time, if the tube proves the crossing. */
  public static Optional<Interval> halfSignalTime(ValidatedTube tube, ProblemConfig c, SpectralState start,
      int task) {
    return firstCrossing(tube, c, start, task, halfSignalLogLevel(c, task));
  }

  /**
   * An enclosure of the first time {@code max_h log(μ_i^h ω_i^h)} reaches {@code logLevel} (an enclosure of the
   * level's logarithm); empty if the tube does not prove a crossing (none possible, or possible but not proved
   * before its end).
   */
  public static Optional<Interval> firstCrossing(ValidatedTube tube, ProblemConfig c, SpectralState start, int task,
      Interval logLevel) {
    if (maxUpper(tube.initial(), c, start, task) >= logLevel.lo()) {
      return Optional.empty(); // the start itself may be at or above the level: no crossing to enclose
    }
    List<TubeStep> steps = tube.steps();
    int first = -1;
    for (int k = 0; k < steps.size() && first < 0; k++) {
      if (maxUpper(steps.get(k).overStep(), c, start, task) >= logLevel.lo()) {
        first = k;
      }
    }
    if (first < 0) {
      return Optional.empty();
    }
    for (int k = first; k < steps.size(); k++) {
      if (maxLower(steps.get(k).atEnd(), c, start, task) >= logLevel.hi()) {
        return Optional.of(Interval.of(steps.get(first).t0(), steps.get(k).t1()));
      }
    }
    return Optional.empty();
  }

  private static boolean positive(SpectralState start, int h, int task) {
    return start.omega(h, task) * start.mu(h, task) > 0;
  }

  /** Enclosure of log|μ_i^h ω_i^h| = y_ω + y_μ over a box of log coordinates (also used by AllocationMargin). */
  static Interval logSignal(List<Interval> y, ProblemConfig c, int h, int task) {
    return y.get(LogCoordinateFlow.omegaIndex(c, h, task)).add(y.get(LogCoordinateFlow.muIndex(c, h, task)));
  }

  private static double maxUpper(List<Interval> y, ProblemConfig c, SpectralState start, int task) {
    double best = Double.NEGATIVE_INFINITY;
    for (int h = 0; h < c.heads(); h++) {
      if (positive(start, h, task)) {
        best = Math.max(best, logSignal(y, c, h, task).hi());
      }
    }
    return best;
  }

  private static double maxLower(List<Interval> y, ProblemConfig c, SpectralState start, int task) {
    double best = Double.NEGATIVE_INFINITY;
    for (int h = 0; h < c.heads(); h++) {
      if (positive(start, h, task)) {
        best = Math.max(best, logSignal(y, c, h, task).lo());
      }
    }
    return best;
  }
}
