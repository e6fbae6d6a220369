package io.github.softmaxicl.experiments.sweeps;

import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import org.hipparchus.util.FastMath;

/**
 * Runs the reduced flow from the paper init with an end time long enough for convergence: t_end starts at
 * {@link SweepSettings#tEndStart()} and is multiplied by 10 until the convergence test holds, up to
 * {@link SweepSettings#tEndMax()}. The emergence time grows like L^{3/2} (paper init ω(0) = L^{-3/2}/√D): measured
 * t_e ≈ 10³ at L = 50 and 2·10⁵ at L = 5000 (d = 50), so a fixed t_end cannot serve the whole sweep.
 */
final class ConvergedFlow {
  private ConvergedFlow() {}

  /** A flow that did not converge by the largest end time. */
  static final class NotConverged extends Exception {
    private static final long serialVersionUID = 1L;

    NotConverged(String message) {
      super(message);
    }
  }

  /**
   * Runs until |F(t_end) − F*| ≤ tol · F* (F* the closed-form one-head-per-task limit; needs H ≥ n).
   *
   * @throws NotConverged if the largest end time does not reach it
   * @throws io.github.softmaxicl.numerics.ReducedFlowFailure on a numerical failure
   */
  static ReducedRun toLimit(ProblemConfig config, SweepSettings s) throws NotConverged {
    double gap = Double.NaN;
    for (double t = s.tEndStart(); t <= s.tEndMax() * (1 + 1e-12); t *= 10) {
      ReducedRun run = ReducedFlowRunner.run(config, Initialisations.paper(config), t, ReducedFlowOptions.defaults());
      gap = FastMath.abs(run.fFinal() - run.fStar()) / run.fStar();
      if (gap <= s.convergenceTolerance()) {
        return run;
      }
    }
    throw new NotConverged(config + ": |F - F*|/F* = " + SweepGrid.f(gap) + " > " + s.convergenceTolerance()
        + " at t_end = " + s.tEndMax());
  }

  /**
   * Runs until F changes by at most tol (relative) over the last part of the run, between the trajectory
   * sample nearest t_end/3 and t_end (no closed form needed, e.g. for H &lt; n); t_end grows ×10 until then.
   * Reading the earlier value off the same run's trajectory avoids a second, ten times longer run (for blocks
   * 4,4,4, L = 1000, H = 1 a run to t = 3·10⁶ met the default evaluation limit at t ≈ 2.9·10⁶).
   *
   * @throws NotConverged if the largest end time does not reach it
   */
  static ReducedRun stationary(ProblemConfig config, SweepSettings s) throws NotConverged {
    double change = Double.NaN;
    for (double t = s.tEndStart(); t <= s.tEndMax() * (1 + 1e-12); t *= 10) {
      ReducedRun run = ReducedFlowRunner.run(config, Initialisations.paper(config), t, ReducedFlowOptions.defaults());
      double earlier = Double.NaN;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (TrajectorySample sample : run.trajectory()) {
        double distance = FastMath.abs(FastMath.log(sample.t() / (t / 3)));
        if (sample.t() > 0 && distance < bestDistance) {
          bestDistance = distance;
          earlier = sample.loss();
        }
      }
      change = FastMath.abs(run.fFinal() - earlier) / run.fFinal();
      if (change <= s.convergenceTolerance()) {
        return run;
      }
    }
    throw new NotConverged(config + ": F still changes by " + SweepGrid.f(change) + " (relative) from t_end/3 to t_end "
        + "of t at t_end = " + s.tEndMax());
  }
}
