package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * A tight floating-point solution of the log-coordinate reduced flow (Hipparchus Dormand–Prince 8(5,3) on the
 * theory module's double field), read at given times through its dense output. Test support.
 */
final class FloatingPointReference {
  private FloatingPointReference() {}

  /**
   * y at each of the increasing times (all > 0), from y0, with relative and absolute tolerance {@code tol}.
   */
  static double[][] solve(ProblemConfig c, SpectralState start, double[] y0, double[] times, double tol) {
    BalancedSpectralField field = new BalancedSpectralField(new LeadingOrderLoss(c), start);
    BalancedSpectralField.Evaluator ev = field.newEvaluator();
    OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return y0.length;
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        double[] d = new double[y.length];
        ev.derivative(y, d);
        return d;
      }
    };
    DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12, 10.0, tol, tol);
    double[][] out = new double[times.length][];
    int[] next = {0};
    integrator.addStepHandler((interpolator) -> {
      double end = interpolator.getCurrentState().getTime();
      while (next[0] < times.length && times[next[0]] <= end) {
        out[next[0]] = interpolator.getInterpolatedState(times[next[0]]).getPrimaryState();
        next[0]++;
      }
    });
    integrator.integrate(ode, new ODEState(0.0, y0.clone()), times[times.length - 1]);
    if (next[0] < times.length) {
      throw new IllegalStateException("dense output missed " + (times.length - next[0]) + " times");
    }
    return out;
  }
}
