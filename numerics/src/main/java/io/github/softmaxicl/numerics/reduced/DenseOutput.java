package io.github.softmaxicl.numerics.reduced;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * The continuous output of one or more consecutive integrations: every accepted step's interpolator, kept so the
 * state can be read at any time once the run is over (when the emergence window is known). Hipparchus
 * interpolators are immutable, so keeping them is safe; unlike {@code DenseOutputModel} nothing is cleared when
 * a second integrator continues the first. Observing only: it changes no step.
 */
final class DenseOutput implements ODEStepHandler {
  private final List<ODEStateInterpolator> steps = new ArrayList<>();

  @Override
  public void handleStep(ODEStateInterpolator interpolator) {
    steps.add(interpolator);
  }

  /** Time reached by the last step; NaN before the first. */
  double end() {
    return steps.isEmpty() ? Double.NaN : steps.get(steps.size() - 1).getCurrentState().getTime();
  }

  /** Time the first step started at; NaN before the first. */
  double start() {
    return steps.isEmpty() ? Double.NaN : steps.get(0).getPreviousState().getTime();
  }

  /**
   * The interpolated state at t, from the step whose [start, end] holds t (the earlier one at a shared end).
   *
   * @throws IllegalArgumentException if t lies outside [start(), end()]
   */
  double[] state(double t) {
    if (!(t >= start() && t <= end())) {
      throw new IllegalArgumentException("t = " + t + " outside the dense output [" + start() + ", " + end() + "]");
    }
    int lo = 0;
    int hi = steps.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (steps.get(mid).getCurrentState().getTime() < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    ODEStateInterpolator step = steps.get(lo);
    // The step ends are the integrator's own states: no interpolation error there.
    if (t == step.getCurrentState().getTime()) {
      return step.getCurrentState().getPrimaryState();
    }
    return step.getInterpolatedState(t).getPrimaryState();
  }
}
