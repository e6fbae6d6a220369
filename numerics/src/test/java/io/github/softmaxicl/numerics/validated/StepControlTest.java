package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The step control of {@link LohnerTaylorIntegrator} where its rules bind, on fields with closed-form solutions
 * chosen so that each rule decides the step: no Taylor curvature (the rule puts no limit, so maxStep and the
 * growth cap 2·h_prev decide), the smallest step one quantum, a constant solution from a point (the a-priori box
 * is then only the inflation margin), the remainder target {@code width(h^{p+1} x_{p+1}(B)) ≤ tol} cutting the
 * step by 0.7 down to one quantum, and a step across a blow-up halved until the a-priori test passes.
 */
class StepControlTest {
  private static final double Q = LohnerTaylorIntegrator.TIME_QUANTUM;

  /** x' = y, y' = 0: x(t) = x0 + y0 t. Every Taylor coefficient of order ≥ 2 is 0. */
  private static final TaylorVectorField DRIFT = TestFields.of(2, x -> List.of(x.get(1), x.get(1).multiply(0.0)));

  /** x' = 0: every solution is constant. */
  private static final TaylorVectorField ZERO = TestFields.of(1, x -> List.of(x.get(0).multiply(0.0)));

  /** x' = y + x², y' = 0: from (0, 1), x(t) = tan t, whose Taylor coefficients of even order vanish. */
  private static final TaylorVectorField TANGENT =
      TestFields.of(2, x -> List.of(x.get(1).add(x.get(0).sqr()), x.get(1).multiply(0.0)));

  /**
   * Order p = 11 from (0, 1): x_{10} = 0 (tan is odd) and x_{11} = 1382/155925, y's coefficients of order ≥ 1 are
   * 0, so the rule's order-p term alone sets the step: h = 0.9 (tol/x_{11})^{1/11} ≈ 0.09, on the grid (budget one
   * quantum, as in IntegratorControlTest). A rule from the order p − 1 term alone would find no limit and start
   * from maxStep = 1.
   */
  @Test
  void theOrderPTermSetsTheStepWhenTheOrderPMinusOneTermVanishes() {
    double tol = 1e-13;
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(TANGENT, List.of(Interval.ZERO, Interval.ONE), 1.0,
        new LohnerTaylorIntegrator.Settings(11, tol, 1.0, 1));
    double expected = Math.floor(0.9 * StrictMath.pow(tol * 155925.0 / 1382.0, 1.0 / 11) / Q) * Q;
    double h = tube.steps().get(0).t1();
    assertEquals(expected, h, Q);
    assertTrue(tube.steps().get(0).atEnd().get(0).contains(StrictMath.tan(h)), "tan " + h);
  }

  /**
   * The rule (tol/‖x_q‖)^{1/q} of q ∈ {p−1, p} puts no limit when both coefficients vanish (x_q = 0 for q ≥ 2), so
   * the step is min(2·h_prev, maxStep) = maxStep with h_prev = maxStep before the first step: from t = 0 to 16 with
   * maxStep 4, four steps of 4 (a cap of 2/h_prev instead would give 0.5 for the first). The a-priori test passes
   * at any h: the remainder x_{p+1} is 0. Every end box holds x0 + t.
   */
  @Test
  void withoutCurvatureEveryStepIsMaxStep() {
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(DRIFT, List.of(Interval.ZERO, Interval.ONE), 16.0,
        new LohnerTaylorIntegrator.Settings(12, 1e-13, 4.0, 100));
    assertTrue(tube.complete(), tube.stopReason().toString());
    assertEquals(4, tube.steps().size());
    for (TubeStep s : tube.steps()) {
      assertEquals(4.0, s.t1() - s.t0(), "step at " + s.t0());
      assertTrue(s.atEnd().get(0).contains(s.t1()) && s.atEnd().get(1).contains(1.0), "t = " + s.t1());
    }
  }

  /** maxStep = 2^-20, the smallest valid one: every step is one quantum, and the tube is complete. */
  @Test
  void stepsOfOneQuantumAreTaken() {
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(TestFields.DECAY, List.of(Interval.ONE),
        4 * Q, new LohnerTaylorIntegrator.Settings(12, 1e-13, Q, 10));
    assertTrue(tube.complete(), tube.stopReason().toString());
    assertEquals(4, tube.steps().size());
    for (TubeStep s : tube.steps()) {
      assertEquals(Q, s.t1() - s.t0());
      assertTrue(s.atEnd().get(0).contains(StrictMath.exp(-s.t1())), "t = " + s.t1());
    }
  }

  /**
   * x' = 0 from the point 1 and from the point 2: S = x0 is a point, so the a-priori box B is S widened by the
   * absolute and relative margin alone, and x0 lies in its interior: every step is accepted (no Taylor limit:
   * maxStep), and the end box holds x0.
   */
  @Test
  void aConstantSolutionFromAPointIsFollowed() {
    for (double x0 : new double[] {1.0, 2.0}) {
      ValidatedTube tube = LohnerTaylorIntegrator.integrate(ZERO, List.of(Interval.point(x0)), 3.0,
          new LohnerTaylorIntegrator.Settings(12, 1e-13, 1.0, 10));
      assertTrue(tube.complete(), tube.stopReason().toString());
      assertEquals(3, tube.steps().size());
      for (TubeStep s : tube.steps()) {
        assertTrue(s.atEnd().get(0).contains(x0) && s.overStep().get(0).contains(x0), "t = " + s.t1());
      }
    }
  }

  /**
   * x' = x² from [−1, 1]: the centre 0 is an equilibrium, so the step rule puts no limit and the first candidate is
   * min(2·maxStep, maxStep, 8 quanta) = 8 quanta. With tol the smallest double every non-zero remainder
   * {@code h^{13} x_{13}(B)} exceeds it (B holds ±1, so x_{13}(B) = B^{14} is not 0), so the step is cut by 0.7 on
   * the grid (8, 5, 3, 2, 1 quanta) until the next cut would be 0: every step is one quantum, and the tube reaches
   * 8 quanta. The solutions x0/(1 − x0 t) fill [−1/(1 + t), 1/(1 − t)], which every end box holds.
   */
  @Test
  void aRemainderAboveTheToleranceCutsTheStepToOneQuantum() {
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(TestFields.SQUARE, List.of(Interval.of(-1.0, 1.0)), 8 * Q,
        new LohnerTaylorIntegrator.Settings(12, Double.MIN_VALUE, 1.0 / 64, 100));
    assertTrue(tube.complete(), tube.stopReason().toString());
    assertEquals(8, tube.steps().size());
    for (TubeStep s : tube.steps()) {
      assertEquals(Q, s.t1() - s.t0(), "step at " + s.t0());
      double t = s.t1();
      assertTrue(s.atEnd().get(0).contains(-1.0 / (1.0 + t)) && s.atEnd().get(0).contains(1.0 / (1.0 - t)),
          "t = " + t);
    }
  }

  /**
   * x' = x² from [−1, 1] towards t = 2 with maxStep 2: no rule limits the first candidate (centre 0), so it is 2,
   * but the solution from 1 blows up at t = 1, so no a-priori box exists for a step of 1 or more; the step is
   * halved (then cut for the remainder) and the first step ends before 1. Every end box holds the closed-form
   * range; three steps are taken (the step limit).
   */
  @Test
  void aStepAcrossTheBlowUpIsHalvedUntilTheAPrioriTestPasses() {
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(TestFields.SQUARE, List.of(Interval.of(-1.0, 1.0)), 2.0,
        new LohnerTaylorIntegrator.Settings(12, 1e-13, 2.0, 3));
    assertEquals(3, tube.steps().size(), tube.stopReason().toString());
    assertTrue(tube.steps().get(0).t1() < 1.0, "first step to " + tube.steps().get(0).t1());
    for (TubeStep s : tube.steps()) {
      double t = s.t1();
      assertTrue(t < 1.0 && s.atEnd().get(0).contains(-1.0 / (1.0 + t))
          && s.atEnd().get(0).contains(1.0 / (1.0 - t)), "t = " + t);
    }
  }
}
