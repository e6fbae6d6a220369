package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventHandler;
import org.junit.jupiter.api.Test;

/** The detector's switching function reads (t, y), and Hipparchus' fluent copies keep it. */
class PhaseMarkerDetectorTest {
  @Test
  void copiesKeepTheSwitchingFunctionAndTakeTheNewSettings() {
    ODEEventHandler handler = (s, d, increasing) -> Action.STOP;
    PhaseMarkerDetector d = new PhaseMarkerDetector((t, y) -> t - 2 * y[0], AdaptableInterval.of(1.0), 10,
        new BracketingNthOrderBrentSolver(1e-14, 1e-9, 0.0, 5), handler);
    ODEStateAndDerivative state = new ODEStateAndDerivative(5.0, new double[] {1.5}, new double[1]);
    assertEquals(2.0, d.g(state), 0.0);
    PhaseMarkerDetector copy = d.withMaxIter(37);
    assertEquals(37, copy.getMaxIterationCount());
    assertEquals(2.0, copy.g(state), 0.0);
    assertSame(handler, copy.getHandler());
  }
}
