package io.github.softmaxicl.numerics.reduced;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.AbstractODEDetector;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * A Hipparchus event detector for one phase marker of MODEL.md §7: its switching function is negative before
 * the marker is reached and non-negative once it is, and the marker time is the first increasing root, located
 * by the detector's bracketing solver to the accuracy it was built with.
 */
final class PhaseMarkerDetector extends AbstractODEDetector<PhaseMarkerDetector> {
  /** The switching function of a marker at log coordinates y. */
  @FunctionalInterface
  interface SwitchingFunction {
    double value(double t, double[] y);
  }

  private final SwitchingFunction function;

  PhaseMarkerDetector(SwitchingFunction function, AdaptableInterval maxCheck, int maxIter,
      BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
    super(maxCheck, maxIter, solver, handler);
    this.function = function;
  }

  @Override
  public double g(ODEStateAndDerivative state) {
    return function.value(state.getTime(), state.getPrimaryState());
  }

  @Override
  protected PhaseMarkerDetector create(AdaptableInterval newMaxCheck, int newMaxIter,
      BracketedUnivariateSolver<UnivariateFunction> newSolver, ODEEventHandler newHandler) {
    return new PhaseMarkerDetector(function, newMaxCheck, newMaxIter, newSolver, newHandler);
  }
}
