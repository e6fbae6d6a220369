package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.DecoupledWarmup;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.WarmupTimes;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.util.FastMath;

/**
 * Predicts each task's warm-up from the start alone (docs/P2-PHASES.md §1, reduced model (reconstruction)):
 * integrates the decoupled small-amplitude system of {@link DecoupledWarmup}, one task at a time, to its blow-up,
 * independently of the reduced flow (its own integrator, its own equations), so the P2 checks compare two
 * computations.
 *
 * <p>The blow-up is located where the task's largest signal μω reaches {@link #STOP_FACTOR} times its limit
 * μ*ω*: there μω ≈ 1/(ab(T − t)²), so the remaining time (ab·μω)^{−1/2} is added, a correction of relative size
 * below 1e-4 τ_i/T_i. A task whose system has not blown up by {@link #HORIZON_FACTOR} times the pair estimate
 * (2) of the derivation (the variance term beats the growth) gets T_i = +∞; one whose integration leaves the
 * floating-point range gets NaN (no prediction, so every hypothesis that needs it fails).
 */
public final class WarmupPredictor {
  /** Stop when the largest μω is this multiple of μ*ω*. */
  static final double STOP_FACTOR = 1e8;
  /** Give up (T = +∞) after this multiple of the γ = 0 pair estimate of the favourite head. */
  static final double HORIZON_FACTOR = 1e3;
  private static final double REL_TOL = 1e-11;

  private WarmupPredictor() {}

  /**
   * Predicted warm-up times of a positive start.
   *
   * @throws IllegalArgumentException if some ω(0) or μ(0) is not positive, or the shapes differ
   */
  public static WarmupTimes predict(ProblemConfig c, SpectralState init) {
    if (!init.hasShape(c.heads(), c.tasks())) {
      throw new IllegalArgumentException("start shape does not match the configuration");
    }
    int n = c.tasks();
    double[] blowUp = new double[n];
    double[] tau = new double[n];
    for (int i = 0; i < n; i++) {
      tau[i] = DecoupledWarmup.tau(c, i);
      blowUp[i] = blowUpTime(c, init, i);
    }
    return new WarmupTimes(blowUp, tau);
  }

  private static double blowUpTime(ProblemConfig c, SpectralState init, int task) {
    int heads = c.heads();
    double[] y0 = new double[2 * heads];
    double estimate = Double.POSITIVE_INFINITY;
    double a = DecoupledWarmup.a(c, task);
    double b = DecoupledWarmup.b(c);
    for (int h = 0; h < heads; h++) {
      double w = init.omega(h, task);
      double m = init.mu(h, task);
      if (!(w > 0) || !(m > 0)) {
        throw new IllegalArgumentException("the warm-up prediction needs a positive start (head " + (h + 1)
            + ", task " + (task + 1) + ")");
      }
      y0[h] = FastMath.log(w);
      y0[heads + h] = FastMath.log(m);
      estimate = FastMath.min(estimate, pairBlowUp(a * w, b * m));
    }
    double level = FastMath.log(STOP_FACTOR * ClosedForms.muStar(c, task) * ClosedForms.omegaStar(c, task));
    double horizon = HORIZON_FACTOR * estimate;
    double timeAccuracy = 1e-12 * estimate;
    OrdinaryDifferentialEquation ode = system(c, task);
    DormandPrince853Integrator integrator = new DormandPrince853Integrator(timeAccuracy, horizon, 1e-14,
        REL_TOL);
    double[] stop = {Double.NaN, Double.NaN};
    ODEEventHandler handler = (state, detector, increasing) -> {
      stop[0] = state.getTime();
      double[] y = state.getPrimaryState();
      double best = Double.NEGATIVE_INFINITY;
      for (int h = 0; h < heads; h++) {
        best = FastMath.max(best, y[h] + y[heads + h]);
      }
      stop[1] = FastMath.exp(best);
      return Action.STOP;
    };
    integrator.addEventDetector(new ODEEventDetector() {
      @Override
      public AdaptableInterval getMaxCheckInterval() {
        return AdaptableInterval.of(horizon);
      }

      @Override
      public int getMaxIterationCount() {
        return 200;
      }

      @Override
      public BracketingNthOrderBrentSolver getSolver() {
        return new BracketingNthOrderBrentSolver(1e-14, timeAccuracy, 0.0, 5);
      }

      @Override
      public ODEEventHandler getHandler() {
        return handler;
      }

      @Override
      public double g(ODEStateAndDerivative state) {
        double[] y = state.getPrimaryState();
        double best = Double.NEGATIVE_INFINITY;
        for (int h = 0; h < heads; h++) {
          best = FastMath.max(best, y[h] + y[heads + h]);
        }
        return best - level;
      }
    });
    double best0 = Double.NEGATIVE_INFINITY;
    for (int h = 0; h < heads; h++) {
      best0 = FastMath.max(best0, y0[h] + y0[heads + h]);
    }
    if (best0 >= level) {
      // Already past the stop level: the start is not small, the remaining time is the pair's.
      return 1.0 / FastMath.sqrt(a * b * FastMath.exp(best0));
    }
    try {
      integrator.integrate(ode, new ODEState(0.0, y0), horizon);
    } catch (MathIllegalStateException | MathIllegalArgumentException e) {
      // The system left floating-point range before the stop level: no prediction (never a guess).
      return Double.NaN;
    }
    if (Double.isNaN(stop[0])) {
      return Double.POSITIVE_INFINITY;
    }
    return stop[0] + 1.0 / FastMath.sqrt(a * b * stop[1]);
  }

  /**
   * Blow-up time of one pair without the variance term, u' = v' = uv (docs/P2-PHASES.md (2)): ln(v₀/u₀)/(v₀ − u₀),
   * 1/u₀ when u₀ = v₀.
   */
  static double pairBlowUp(double u0, double v0) {
    double d = v0 - u0;
    if (FastMath.abs(d) <= 1e-12 * FastMath.max(u0, v0)) {
      return 2.0 / (u0 + v0);
    }
    return FastMath.log(v0 / u0) / d;
  }

  private static OrdinaryDifferentialEquation system(ProblemConfig c, int task) {
    return new OrdinaryDifferentialEquation() {
      @Override
      public int getDimension() {
        return 2 * c.heads();
      }

      @Override
      public double[] computeDerivatives(double t, double[] y) {
        double[] yDot = new double[y.length];
        DecoupledWarmup.derivative(c, task, y, yDot);
        return yDot;
      }
    };
  }

  /**
   * μ_i^h of every head at time t under the small-amplitude system (before its blow-up): the prediction the
   * inclination check compares the flow with.
   *
   * @throws IllegalArgumentException if t is not in [0, T_i) or the start is not positive
   */
  public static double[] muAt(ProblemConfig c, SpectralState init, int task, double t) {
    int heads = c.heads();
    if (!(t >= 0) || !Double.isFinite(t)) {
      throw new IllegalArgumentException("t must be finite and >= 0 (got " + t + ")");
    }
    double[] y0 = new double[2 * heads];
    for (int h = 0; h < heads; h++) {
      if (!(init.omega(h, task) > 0) || !(init.mu(h, task) > 0)) {
        throw new IllegalArgumentException("the warm-up prediction needs a positive start");
      }
      y0[h] = FastMath.log(init.omega(h, task));
      y0[heads + h] = FastMath.log(init.mu(h, task));
    }
    double[] y = y0;
    if (t > 0) {
      DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12 * t, t, 1e-14, REL_TOL);
      y = integrator.integrate(system(c, task), new ODEState(0.0, y0), t).getPrimaryState();
    }
    double[] mu = new double[heads];
    for (int h = 0; h < heads; h++) {
      mu[h] = FastMath.exp(y[heads + h]);
    }
    return mu;
  }
}
