package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The integrator's bookkeeping on x' = −x (cheap: one dimension, a few dozen steps): the settings' smallest
 * accepted values, the end on the time grid, the step limit, an early stop by the predicate, the wall time, and
 * the first step against the step-size rule recomputed here from the closed-form Taylor coefficients.
 */
class IntegratorControlTest {
  private static final TaylorVectorField DECAY = TestFields.DECAY;
  private static final double Q = LohnerTaylorIntegrator.TIME_QUANTUM;

  @Test
  void theSmallestValidSettingsAreAccepted() {
    LohnerTaylorIntegrator.Settings s = new LohnerTaylorIntegrator.Settings(2, 1e-12, Q, 1);
    assertEquals(2, s.order());
    assertEquals(1, s.maxSteps());
    assertThrows(IllegalArgumentException.class, () -> new LohnerTaylorIntegrator.Settings(12, 1e-12, 1, 0));
    assertThrows(IllegalArgumentException.class,
        () -> LohnerTaylorIntegrator.integrate(DECAY, List.of(Interval.ONE), 0.0, s));
    assertThrows(IllegalArgumentException.class,
        () -> LohnerTaylorIntegrator.integrate(DECAY, List.of(Interval.ONE, Interval.ONE), 1.0, s));
  }

  /**
   * tEnd = 2.6 with steps of at most 0.25: the last step is cut to end exactly on the grid point at or above 2.6
   * (2.6 is not a multiple of 2^-20), the requested end stays 2.6, and the tube is complete.
   */
  @Test
  void theLastStepEndsOnTheGridAtOrAboveTheRequestedEnd() {
    double tEnd = 2.6;
    ValidatedTube t = LohnerTaylorIntegrator.integrate(DECAY, List.of(Interval.ONE), tEnd,
        new LohnerTaylorIntegrator.Settings(12, 1e-13, 0.25, 1_000));
    assertTrue(t.complete());
    assertEquals(Math.ceil(tEnd / Q) * Q, t.reached());
    assertEquals(tEnd, t.requestedEnd());
    for (TubeStep s : t.steps()) {
      assertTrue(s.t1() - s.t0() <= 0.25, "a step above maxStep at " + s.t0());
      assertEquals(0.0, (s.t1() - s.t0()) % Q, "a step off the grid at " + s.t0());
    }
  }

  @Test
  void theStepLimitStopsTheTubeWithAReason() {
    ValidatedTube t = LohnerTaylorIntegrator.integrate(DECAY, List.of(Interval.ONE), 5.0,
        new LohnerTaylorIntegrator.Settings(12, 1e-13, 0.25, 3));
    assertEquals(3, t.steps().size());
    assertFalse(t.complete());
    assertTrue(t.stopReason().orElseThrow().contains("step limit 3"), t.stopReason().toString());
    assertEquals(0.75, t.reached());
  }

  /**
   * A predicate true from t ≥ 1 on ends the tube at the first step end past 1; that end becomes the requested
   * end, so the tube counts as complete; the predicate is not asked after the last step.
   */
  @Test
  void thePredicateEndsTheTubeEarlyAndComplete() {
    long before = System.nanoTime();
    int[] asked = {0};
    ValidatedTube t = LohnerTaylorIntegrator.integrate(DECAY, List.of(Interval.ONE), 5.0,
        new LohnerTaylorIntegrator.Settings(12, 1e-13, 0.25, 1_000), s -> {
          asked[0]++;
          return s.t1() >= 1.0;
        });
    double elapsed = (System.nanoTime() - before) * 1e-9;
    assertTrue(t.complete());
    assertEquals(1.0, t.reached());
    assertEquals(1.0, t.requestedEnd());
    assertEquals(4, asked[0]);
    assertTrue(t.wallSeconds() >= 0 && t.wallSeconds() <= elapsed, t.wallSeconds() + " s of " + elapsed);
    // never true: asked after every step but the last
    int[] count = {0};
    ValidatedTube full = LohnerTaylorIntegrator.integrate(DECAY, List.of(Interval.ONE), 1.0,
        new LohnerTaylorIntegrator.Settings(12, 1e-13, 0.25, 1_000), s -> {
          count[0]++;
          return false;
        });
    assertEquals(full.steps().size() - 1, count[0]);
    assertEquals(1.0, full.requestedEnd());
  }

  /**
   * The first step from x = 1 follows the rule h = 0.9 min_{q ∈ {p−1, p}} (tol/|x_q|)^{1/q}, rounded down to the
   * grid, with x_q = (−1)^q/q! for x' = −x (the remainder test passes at this step: the remainder over the step
   * is h^{p+1}/(p+1)! ≈ 1e-14 wide, below tol). Budget: the integrator's |x_q| is the upper end of an interval
   * enclosure, a few ulps above 1/q!, and its pow and product round: the rule's value moves by ~1e-15 relative,
   * which can cross one grid point, so one quantum 2^-20.
   */
  @Test
  void theFirstStepFollowsTheStepSizeRule() {
    int p = 12;
    double tol = 1e-13;
    for (double maxStep : new double[] {1.0, 0.5}) {
      ValidatedTube t = LohnerTaylorIntegrator.integrate(DECAY, List.of(Interval.ONE), 5.0,
          new LohnerTaylorIntegrator.Settings(p, tol, maxStep, 1_000));
      double rule = Double.POSITIVE_INFINITY;
      for (int q = p - 1; q <= p; q++) {
        double factorial = 1;
        for (int k = 2; k <= q; k++) {
          factorial *= k;
        }
        rule = Math.min(rule, StrictMath.pow(tol * factorial, 1.0 / q));
      }
      double expected = Math.floor(Math.min(0.9 * rule, maxStep) / Q) * Q;
      double h = t.steps().get(0).t1();
      assertEquals(expected, h, Q, "maxStep " + maxStep);
    }
  }
}
