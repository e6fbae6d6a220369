package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import java.util.OptionalInt;

/**
 * The allocation certified from a validated tube of the log-coordinate reduced flow: for task i, the head h(i)
 * whose signal {@code μ_i^h ω_i^h} exceeds every other head's by a certified margin on every over-step box from a
 * step end T_i to the tube's end. The signal of head h is {@code sgn(ω_i^h μ_i^h)·exp(y_ω + y_μ)} (the signs are
 * fixed by the start); the margin on a box is {@code lower(signal of h(i)) − max_{g≠h(i)} upper(signal of g)}.
 *
 * <p>The head is the one whose margin on the tube's last over-step box is positive (at most one head can have a
 * positive margin on a box); T_i is the start of the earliest step from which every margin up to the tube's end
 * is positive. The over-step boxes cover every time of their steps, so on [T_i, tube end] the exact solution's
 * signal on h(i) exceeds every other head's by at least the minimum margin. Nothing is said past the tube's end
 * (that needs the trapping region of issue 17, item 3). Reduced model (reconstruction).
 */
public final class AllocationMargin {
  private AllocationMargin() {}

  /**
   * One task's certified allocation.
   *
   * @param task the task (from 0)
   * @param head the certified serving head, empty if no head has a positive margin on the tube's last box
   * @param from T_i: the step end from which the margin is positive on every step to the tube's end (NaN without
   *     a head)
   * @param minimumMargin the smallest certified margin over those steps (NaN without a head)
   * @param finalMargin the certified margin on the tube's last over-step box (NaN without a head)
   */
  public record TaskAllocation(int task, OptionalInt head, double from, double minimumMargin, double finalMargin) {}

  /** Enclosure of task i's signal {@code μ_i^h ω_i^h} on head h over a box of log coordinates. */
  public static Interval signal(List<Interval> y, ProblemConfig c, SpectralState start, int h, int task) {
    Interval magnitude = SignalCrossing.logSignal(y, c, h, task).exp();
    double sign = Math.signum(start.omega(h, task)) * Math.signum(start.mu(h, task));
    return magnitude.multiply(sign);
  }

  /**
   * The certified margin of head {@code head} on task i over the box: {@code lower(its signal) − max over the other
   * heads of upper(signal)}, rounded down (a lower bound of the true smallest difference); +∞ with one head.
   */
  public static double margin(List<Interval> y, ProblemConfig c, SpectralState start, int task, int head) {
    Interval own = signal(y, c, start, head, task);
    double othersUpper = Double.NEGATIVE_INFINITY;
    for (int g = 0; g < c.heads(); g++) {
      if (g != head) {
        othersUpper = Math.max(othersUpper, signal(y, c, start, g, task).hi());
      }
    }
    if (othersUpper == Double.NEGATIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    // lower bound of own − upper bound of the others, itself rounded down
    return Interval.point(own.lo()).subtract(Interval.point(othersUpper)).lo();
  }

  /** Task i's certified allocation on the tube. */
  public static TaskAllocation certify(ValidatedTube tube, ProblemConfig c, SpectralState start, int task) {
    List<TubeStep> steps = tube.steps();
    TaskAllocation none = new TaskAllocation(task, OptionalInt.empty(), Double.NaN, Double.NaN, Double.NaN);
    if (steps.isEmpty()) {
      return none;
    }
    List<Interval> last = steps.get(steps.size() - 1).overStep();
    int head = -1;
    double finalMargin = Double.NaN;
    for (int h = 0; h < c.heads() && head < 0; h++) {
      double m = margin(last, c, start, task, h);
      if (m > 0) {
        head = h;
        finalMargin = m;
      }
    }
    if (head < 0) {
      return none;
    }
    double minimum = Double.POSITIVE_INFINITY;
    int k = steps.size() - 1;
    while (k >= 0) {
      double m = margin(steps.get(k).overStep(), c, start, task, head);
      if (!(m > 0)) {
        break;
      }
      minimum = Math.min(minimum, m);
      k--;
    }
    return new TaskAllocation(task, OptionalInt.of(head), steps.get(k + 1).t0(), minimum, finalMargin);
  }
}
