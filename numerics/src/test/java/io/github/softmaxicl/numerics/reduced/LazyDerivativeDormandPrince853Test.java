package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.ode.ExpandableODE;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.SecondaryODE;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.interpolators.DormandPrince853StateInterpolator;
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
    assertTrue(library.size() > 20, "enough steps: " + library.size());
    assertSameSteps(library, lazy, true);
  }

  /**
   * Step by step, {@code other} takes the library's steps and interpolates its bits: at 42 points of each step, at
   * θ = ½ exactly, and on a restricted step (an event inside it); its interpolators are the lazy ones or the
   * library's, as {@code lazy} says.
   */
  private static void assertSameSteps(List<ODEStateInterpolator> library, List<ODEStateInterpolator> other,
      boolean lazy) {
    assertEquals(library.size(), other.size(), "same steps");
    for (int s = 0; s < library.size(); s++) {
      ODEStateInterpolator a = library.get(s);
      ODEStateInterpolator b = other.get(s);
      assertEquals(lazy, b instanceof LazyDerivativeDormandPrince853.Interpolator, "the lazy interpolator is used");
      double t0 = a.getPreviousState().getTime();
      double t1 = a.getCurrentState().getTime();
      assertEquals(t0, b.getPreviousState().getTime(), 0.0);
      assertEquals(t1, b.getCurrentState().getTime(), 0.0);
      assertArrayEquals(a.getCurrentState().getPrimaryState(), b.getCurrentState().getPrimaryState(), 0.0);
      for (int k = 0; k <= DIM_CHECKS; k++) {
        assertSameAt(a, b, t0 + (t1 - t0) * k / DIM_CHECKS);
      }
      // θ = ½ exactly (the odd number of checks above never hits it): the library still starts from the step's
      // start there, and the two halves' formulas give different last bits.
      assertSameAt(a, b, t0 + 0.5 * (t1 - t0));
      // A restricted step (an event inside it) interpolates from the same global step.
      double mid = t0 + 0.3 * (t1 - t0);
      ODEStateInterpolator ra = a.restrictStep(a.getInterpolatedState(mid), a.getCurrentState());
      ODEStateInterpolator rb = b.restrictStep(b.getInterpolatedState(mid), b.getCurrentState());
      assertEquals(lazy, rb instanceof LazyDerivativeDormandPrince853.Interpolator,
          "restriction keeps the interpolator");
      assertSameAt(ra, rb, mid + 0.5 * (t1 - mid));
      assertSameAt(ra, rb, mid);
    }
  }

  /**
   * Where the library's weights cannot be read (Hipparchus on the module path: its package is not opened), the
   * integrator falls back to the library's own interpolator: the same steps and bits, only slower. The unreadable
   * case is shown on a field of java.base, which is not opened to the class path, and on a missing field.
   */
  @Test
  void withoutTheLibrarysWeightsTheLibrarysInterpolatorIsUsed() {
    assertNull(LazyDerivativeDormandPrince853.weightsOf(String.class, "value"), "java.lang is not opened");
    assertNull(LazyDerivativeDormandPrince853.weightsOf(DormandPrince853StateInterpolator.class, "NO_SUCH_FIELD"));
    double[][] d = LazyDerivativeDormandPrince853.weightsOf(DormandPrince853StateInterpolator.class, "D");
    assertTrue(d != null && d.length == 7 && d[0].length == 16, "the library's 7 x 16 table is read");
    Preset preset = Preset.SMALL;
    int dim = 2 * preset.config().heads() * preset.config().tasks();
    double tEnd = 150;
    List<ODEStateInterpolator> library = steps(
        new DormandPrince853Integrator(1e-12, tEnd, tolerances(dim), tolerances(dim)), preset, tEnd);
    List<ODEStateInterpolator> fallback = steps(
        new LazyDerivativeDormandPrince853(1e-12, tEnd, tolerances(dim), tolerances(dim), null), preset, tEnd);
    assertSameSteps(library, fallback, false);
  }

  /**
   * With a secondary equation (not used by the runner) the library's own interpolation is used: the same complete,
   * primary and secondary states and derivatives as the library's interpolator. Without one, the state is the lazy
   * one (the fast path is taken).
   */
  @Test
  void withSecondaryEquationsTheLibrarysInterpolationIsUsed() {
    Preset preset = Preset.SMALL;
    int dim = 2 * preset.config().heads() * preset.config().tasks();
    BalancedSpectralField field = new BalancedSpectralField(new LeadingOrderLoss(preset.config()),
        preset.initialState());
    double[] y0 = field.toLog(preset.initialState());
    List<List<ODEStateInterpolator>> runs = new ArrayList<>();
    for (ODEIntegrator integrator : new ODEIntegrator[] {
        new DormandPrince853Integrator(1e-12, 200, tolerances(dim), tolerances(dim)),
        new LazyDerivativeDormandPrince853(1e-12, 200, tolerances(dim), tolerances(dim))}) {
      ExpandableODE expandable = new ExpandableODE(new ReducedFlowOde(field, 1_000_000));
      // s' = y_0' + s: a secondary state that depends on the primary derivative and on itself.
      expandable.addSecondaryEquations(new SecondaryODE() {
        @Override
        public int getDimension() {
          return 1;
        }

        @Override
        public double[] computeDerivatives(double t, double[] primary, double[] primaryDot, double[] secondary) {
          return new double[] {primaryDot[0] + secondary[0]};
        }
      });
      List<ODEStateInterpolator> steps = new ArrayList<>();
      integrator.addStepHandler(steps::add);
      integrator.integrate(expandable, new ODEState(0.0, y0, new double[][] {{0.25}}), 200);
      runs.add(steps);
    }
    assertEquals(runs.get(0).size(), runs.get(1).size());
    for (int s = 0; s < runs.get(0).size(); s++) {
      ODEStateInterpolator a = runs.get(0).get(s);
      ODEStateInterpolator b = runs.get(1).get(s);
      double t0 = a.getPreviousState().getTime();
      double t1 = a.getCurrentState().getTime();
      for (double theta : new double[] {0.2, 0.7}) {
        double t = t0 + theta * (t1 - t0);
        ODEStateAndDerivative x = a.getInterpolatedState(t);
        ODEStateAndDerivative z = b.getInterpolatedState(t);
        assertArrayEquals(x.getCompleteState(), z.getCompleteState(), 0.0);
        assertArrayEquals(x.getPrimaryState(), z.getPrimaryState(), 0.0);
        assertArrayEquals(x.getSecondaryState(1), z.getSecondaryState(1), 0.0);
        assertArrayEquals(x.getCompleteDerivative(), z.getCompleteDerivative(), 0.0);
        assertArrayEquals(x.getSecondaryDerivative(1), z.getSecondaryDerivative(1), 0.0);
      }
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
    assertTrue(s instanceof LazyDerivativeDormandPrince853.LazyDerivativeState, "the fast path without secondaries");
    assertThrows(IllegalArgumentException.class, () -> s.getSecondaryDerivative(1));
    assertEquals(dim, s.getPrimaryDerivative().length);
  }
}
