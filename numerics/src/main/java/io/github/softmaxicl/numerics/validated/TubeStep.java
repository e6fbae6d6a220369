package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;

/**
 * One validated step {@code [t0, t1]}: the exact solution exists and is unique on the step, lies in
 * {@code overStep} for every {@code t ∈ [t0, t1]} and in {@code atEnd} at {@code t1}. Both times are exact
 * doubles (the step sizes are multiples of a power of two, see {@link LohnerTaylorIntegrator}).
 *
 * @param t0 start of the step
 * @param t1 end of the step
 * @param overStep enclosure of x(t) for all t in [t0, t1]
 * @param atEnd enclosure of x(t1)
 */
public record TubeStep(double t0, double t1, List<Interval> overStep, List<Interval> atEnd) {
  /** Copies the lists. */
  public TubeStep {
    overStep = List.copyOf(overStep);
    atEnd = List.copyOf(atEnd);
    if (!(t1 > t0) || overStep.size() != atEnd.size()) {
      throw new IllegalArgumentException("need t1 > t0 and enclosures of one dimension");
    }
  }

  /** Largest component width of the end enclosure. */
  public double endWidth() {
    double w = 0;
    for (Interval i : atEnd) {
      w = Math.max(w, i.width());
    }
    return w;
  }

  /** True if the step covers t and the point x lies in the over-step enclosure (component-wise). */
  public boolean encloses(double t, double[] x) {
    if (t < t0 || t > t1 || x.length != overStep.size()) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (!overStep.get(i).contains(x[i])) {
        return false;
      }
    }
    return true;
  }
}
