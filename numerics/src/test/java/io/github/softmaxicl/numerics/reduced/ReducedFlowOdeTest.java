package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The flow's guards at their limits: the evaluation limit (exactly max evaluations allowed), the blow-up bound (a
 * log coordinate exactly at 60 is sound), a non-finite derivative with a finite loss, the loss cache, and the
 * coordinate named in a failure. Single evaluations of a 3-head, 2-task field: milliseconds.
 */
class ReducedFlowOdeTest {
  // H = 3 ≠ n = 2, so a name built with the wrong divisor (r / H instead of r / n) is visible.
  private static final ProblemConfig C = ProblemConfig.of(8, new int[] {4, 4}, 3, 40, 0.0, 1.0);
  private static final BalancedSpectralField FIELD =
      new BalancedSpectralField(new LeadingOrderLoss(C), Initialisations.paper(C));
  private static final double[] Y0 = FIELD.toLog(Initialisations.paper(C));

  @Test
  void exactlyMaxEvaluationsAreAllowed() {
    ReducedFlowOde ode = new ReducedFlowOde(FIELD, 3);
    double[] yDot = new double[Y0.length];
    for (int k = 0; k < 3; k++) {
      ode.derivative(0.0, Y0, yDot);
    }
    assertEquals(3, ode.evaluations());
    ReducedFlowFailure e = assertThrows(ReducedFlowFailure.class, () -> ode.derivative(2.5, Y0, yDot));
    assertEquals("evaluations", e.quantity());
    assertEquals(2.5, e.time(), 0.0);
    assertTrue(e.getMessage().contains("evaluation limit 3 reached"), e.getMessage());
  }

  @Test
  void aLogCoordinateExactlyAtTheBoundIsSound() {
    // μ[0][0] = e^60 ≈ 1.1e26: F stays finite (it is quadratic in μ, ≈ 1e52), so the state is evaluated, cached and
    // accepted; only a coordinate above the bound is a probe to reject.
    ReducedFlowOde ode = new ReducedFlowOde(FIELD, 100);
    double[] y = Y0.clone();
    int mu00 = Y0.length / 2;
    y[mu00] = ReducedFlowOde.LOG_BLOW_UP;
    double[] yDot = new double[y.length];
    double f = ode.derivative(0.0, y, yDot);
    assertTrue(Double.isFinite(f) && f > 1e40, "F = " + f);
    assertEquals(0, ode.probeRejections());
    ode.checkAccepted(1.0, y);
    y[mu00] = Math.nextUp(ReducedFlowOde.LOG_BLOW_UP);
    assertEquals(Double.POSITIVE_INFINITY, ode.derivative(0.0, y, yDot));
    assertEquals(1, ode.probeRejections());
    ReducedFlowFailure e = assertThrows(ReducedFlowFailure.class, () -> ode.checkAccepted(1.0, y));
    assertEquals("log|mu[0][0]|", e.quantity());
  }

  @Test
  void aNonFiniteDerivativeWithAFiniteLossIsRejectedAndNotCached() {
    LogField nanSlope = new LogField() {
      @Override
      public int dimension() {
        return FIELD.dimension();
      }

      @Override
      public double derivative(double[] y, double[] yDot) {
        Arrays.fill(yDot, 0.0);
        yDot[yDot.length - 1] = Double.NaN;
        return 1.0;
      }
    };
    ReducedFlowOde ode = new ReducedFlowOde(FIELD, nanSlope, 100);
    double[] yDot = new double[Y0.length];
    assertEquals(Double.POSITIVE_INFINITY, ode.derivative(0.0, Y0, yDot));
    assertEquals(ReducedFlowOde.PROBE_REJECTION, yDot[0], 0.0);
    assertEquals(1, ode.probeRejections());
    // Not cached: asking for the loss there evaluates again.
    ode.loss(0.0, Y0);
    assertEquals(2, ode.evaluations());
  }

  @Test
  void theLossAtTheLastEvaluatedStateIsReusedAndOnlyThere() {
    ReducedFlowOde ode = new ReducedFlowOde(FIELD, 100);
    double[] yDot = new double[Y0.length];
    double f = ode.derivative(0.0, Y0, yDot);
    assertEquals(1, ode.evaluations());
    assertEquals(f, ode.loss(3.0, Y0.clone()), 0.0);
    assertEquals(1, ode.evaluations(), "same state: cached");
    double[] other = Y0.clone();
    other[0] += 0.5;
    double g = ode.loss(3.0, other);
    assertEquals(2, ode.evaluations(), "another state: evaluated");
    assertTrue(g != f);
    // The reference evaluator gives the same F at the first state (fresh instance; 2·10⁻¹⁶-level agreement is not
    // needed: it is the same code path, so exact).
    assertEquals(f, new ReducedFlowOde(FIELD, 10).loss(0.0, Y0), 0.0);
  }

  /**
   * The last {@link ReducedFlowOde#REMEMBERED} evaluated states are remembered, each with its own F, and no older
   * one: after evaluating states 0..R (R + 1 of them), state 0 is evaluated again (counted) and states 2..R are not;
   * a rejected probe is never remembered. A cache that kept only the last state, kept one slot too few, or returned
   * another slot's F fails here.
   */
  @Test
  void theLossesOfTheLastFewEvaluatedStatesAreReused() {
    int r = ReducedFlowOde.REMEMBERED;
    ReducedFlowOde ode = new ReducedFlowOde(FIELD, 100);
    double[] yDot = new double[Y0.length];
    double[][] ys = new double[r + 1][];
    double[] fs = new double[r + 1];
    for (int k = 0; k <= r; k++) {
      ys[k] = Y0.clone();
      ys[k][k % Y0.length] += 0.01 * (k + 1);
      fs[k] = ode.derivative(0.0, ys[k], yDot);
    }
    assertEquals(r + 1, ode.evaluations());
    for (int k = r; k >= 2; k--) {
      assertEquals(fs[k], ode.loss(1.0, ys[k].clone()), 0.0, "state " + k + " remembered with its own F");
      assertTrue(k == r || fs[k] != fs[k + 1], "distinct losses, so a wrong slot shows");
    }
    assertEquals(r + 1, ode.evaluations(), "the last " + r + " states: no evaluation");
    assertEquals(fs[0], ode.loss(1.0, ys[0].clone()), 0.0);
    assertEquals(r + 2, ode.evaluations(), "the state " + (r + 1) + " evaluations back is evaluated again");
    // That evaluation took the oldest slot (state 1's): state 1 is gone, state 2 still there.
    ode.loss(1.0, ys[2].clone());
    assertEquals(r + 2, ode.evaluations());
    ode.loss(1.0, ys[1].clone());
    assertEquals(r + 3, ode.evaluations(), "state 1 was overwritten");
  }

  @Test
  void aFailureNamesTheCoordinate() {
    // Layout (H = 3, n = 2): k = h·n + j for log|ω[h][j]|, then H·n + h·n + i for log|μ[h][i]|.
    String[] expected = {"log|omega[0][0]|", "log|omega[0][1]|", "log|omega[1][0]|", "log|omega[1][1]|",
        "log|omega[2][0]|", "log|omega[2][1]|", "log|mu[0][0]|", "log|mu[0][1]|", "log|mu[1][0]|", "log|mu[1][1]|",
        "log|mu[2][0]|", "log|mu[2][1]|"};
    assertEquals(expected.length, Y0.length);
    for (int k = 0; k < Y0.length; k++) {
      ReducedFlowOde ode = new ReducedFlowOde(FIELD, 100);
      double[] y = Y0.clone();
      y[k] = Double.NaN;
      ReducedFlowFailure e = assertThrows(ReducedFlowFailure.class, () -> ode.derivative(7.0, y, new double[12]));
      assertEquals(expected[k], e.quantity());
      assertTrue(e.getMessage().contains("state is NaN"), e.getMessage());
    }
  }
}
