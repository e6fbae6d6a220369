package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import java.util.Optional;

/**
 * The result of a validated integration: consecutive steps from {@code t = 0} covering {@code [0, reached]}, each
 * proving existence, uniqueness and an enclosure of the exact solution through every point of the initial box.
 * If the integration stopped before the requested end, {@code stopReason} says why (the steps up to
 * {@code reached} remain proved). Immutable.
 *
 * @param initial the initial box
 * @param steps the steps in time order
 * @param requestedEnd the end time asked for
 * @param stopReason empty if the requested end was reached
 * @param wallSeconds wall-clock time of the integration
 */
public record ValidatedTube(List<Interval> initial, List<TubeStep> steps, double requestedEnd,
    Optional<String> stopReason, double wallSeconds) {
  /** Copies the lists; the steps must be contiguous from 0. */
  public ValidatedTube {
    initial = List.copyOf(initial);
    steps = List.copyOf(steps);
    double t = 0;
    for (TubeStep s : steps) {
      if (s.t0() != t) {
        throw new IllegalArgumentException("steps are not contiguous at t = " + t);
      }
      t = s.t1();
    }
  }

  /** End of the last step (0 if there is none). */
  public double reached() {
    return steps.isEmpty() ? 0.0 : steps.get(steps.size() - 1).t1();
  }

  /** True if the requested end was reached. */
  public boolean complete() {
    return stopReason.isEmpty();
  }

  /** The step covering t (the first one if t is a step boundary), if any. */
  public Optional<TubeStep> stepAt(double t) {
    int k = indexAt(t);
    return k < 0 ? Optional.empty() : Optional.of(steps.get(k));
  }

  /** Index of the first step covering t, or −1 (binary search: the steps are contiguous and increasing). */
  private int indexAt(double t) {
    int lo = 0;
    int hi = steps.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      TubeStep s = steps.get(mid);
      if (t < s.t0()) {
        hi = mid - 1;
      } else if (t > s.t1()) {
        lo = mid + 1;
      } else {
        found = mid;
        hi = mid - 1; // an earlier step may also cover a boundary time
      }
    }
    return found;
  }

  /** True if some step covering t encloses x (a boundary time is checked on both adjacent steps). */
  public boolean encloses(double t, double[] x) {
    int k = indexAt(t);
    if (k < 0) {
      return false;
    }
    return steps.get(k).encloses(t, x) || (k + 1 < steps.size() && steps.get(k + 1).encloses(t, x));
  }

  /** Largest component width of the last end enclosure (of the initial box if there is no step). */
  public double finalWidth() {
    if (steps.isEmpty()) {
      double w = 0;
      for (Interval i : initial) {
        w = Math.max(w, i.width());
      }
      return w;
    }
    return steps.get(steps.size() - 1).endWidth();
  }
}
