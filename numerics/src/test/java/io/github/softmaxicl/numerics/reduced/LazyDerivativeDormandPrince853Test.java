package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The lazy-derivative DP853 against Hipparchus's own: the same steps, and at every time inside every step (both
 * halves of a step, whose formulas differ: from the step's start for θ ≤ ½, from its end above), on whole and on
 * restricted steps (as event handling restricts them), the same interpolated state and the same derivative, bit for
 * bit. Any other order of the operations, weight or start state shows as a difference in the last bits.
 */
class LazyDerivativeDormandPrince853Test {
  private static final int DIM_CHECKS = 41;

  private static List<ODEStateInterpolator> steps(ODEIntegrator integrator, Preset preset, double tEnd) {
    BalancedSpectralField field = new BalancedSpectralField(new LeadingOrderLoss(preset.config()),
        preset.initialState());
    ReducedFlowOde ode = new ReducedFlowOde(field, 1_000_000);
    List<ODEStateInterpolator> out = new ArrayList<>();
    integrator.addStepHandler(out::add);
    integrator.integrate(ode, new ODEState(0.0, field.toLog(preset.initialState())), tEnd);
    return out;
  }

  private static double[] tolerances(int dim) {
    double[] t = new double[dim];
    Arrays.fill(t, 1e-10);
    return t;
  }

  private static void assertSameAt(ODEStateInterpolator library, ODEStateInterpolator lazy, double t) {
    ODEStateAndDerivative a = library.getInterpolatedState(t);
    ODEStateAndDerivative b = lazy.getInterpolatedState(t);
    assertEquals(a.getTime(), b.getTime(), 0.0);
    assertArrayEquals(a.getPrimaryState(), b.getPrimaryState(), 0.0, "state at t = " + t);
    assertArrayEquals(a.getCompleteState(), b.getCompleteState(), 0.0, "complete state at t = " + t);
    assertArrayEquals(a.getPrimaryDerivative(), b.getPrimaryDerivative(), 0.0, "derivative at t = " + t);
    assertArrayEquals(a.getCompleteDerivative(), b.getCompleteDerivative(), 0.0, "complete derivative at t = " + t);
    assertArrayEquals(a.getSecondaryDerivative(0), b.getSecondaryDerivative(0), 0.0, "derivative 0 at t = " + t);
  }

  @Test
  void interpolatesTheLibrarysBitsOnEveryStep() {
    Preset preset = Preset.PAPER;
    int dim = 2 * preset.config().heads() * preset.config().tasks();
    double tEnd = 1200; // through emergence (t_e ≈ 976): short steps as well as the long warm-up ones
    List<ODEStateInterpolator> library = steps(
        new DormandPrince853Integrator(1e-12, tEnd, tolerances(dim), tolerances(dim)), preset, tEnd);
    List<ODEStateInterpolator> lazy = steps(
        new LazyDerivativeDormandPrince853(1e-12, tEnd, tolerances(dim), tolerances(dim)), preset, tEnd);
    assertEquals(library.size(), lazy.size(), "same steps");
    assertTrue(library.size() > 20, "enough steps: " + library.size());
    for (int s = 0; s < library.size(); s++) {
      ODEStateInterpolator a = library.get(s);
      ODEStateInterpolator b = lazy.get(s);
      assertTrue(b instanceof LazyDerivativeDormandPrince853.Interpolator, "the lazy interpolator is used");
      double t0 = a.getPreviousState().getTime();
      double t1 = a.getCurrentState().getTime();
      assertEquals(t0, b.getPreviousState().getTime(), 0.0);
      assertEquals(t1, b.getCurrentState().getTime(), 0.0);
      assertArrayEquals(a.getCurrentState().getPrimaryState(), b.getCurrentState().getPrimaryState(), 0.0);
      for (int k = 0; k <= DIM_CHECKS; k++) {
        assertSameAt(a, b, t0 + (t1 - t0) * k / DIM_CHECKS);
      }
      // A restricted step (an event inside it) interpolates from the same global step.
      double mid = t0 + 0.3 * (t1 - t0);
      ODEStateInterpolator ra = a.restrictStep(a.getInterpolatedState(mid), a.getCurrentState());
      ODEStateInterpolator rb = b.restrictStep(b.getInterpolatedState(mid), b.getCurrentState());
      assertTrue(rb instanceof LazyDerivativeDormandPrince853.Interpolator, "restriction keeps the lazy interpolator");
      assertSameAt(ra, rb, mid + 0.5 * (t1 - mid));
      assertSameAt(ra, rb, mid);
    }
  }

  @Test
  void aLazyStateHasNoSecondaryDerivative() {
    Preset preset = Preset.SMALL;
    int dim = 2 * preset.config().heads() * preset.config().tasks();
    List<ODEStateInterpolator> lazy = steps(
        new LazyDerivativeDormandPrince853(1e-12, 10, tolerances(dim), tolerances(dim)), preset, 10);
    ODEStateInterpolator step = lazy.get(0);
    double t = 0.5 * (step.getPreviousState().getTime() + step.getCurrentState().getTime());
    ODEStateAndDerivative s = step.getInterpolatedState(t);
    assertThrows(IllegalArgumentException.class, () -> s.getSecondaryDerivative(1));
    assertEquals(dim, s.getPrimaryDerivative().length);
  }
}
