package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The linearly implicit extrapolation tail on a stiff linear system with a closed-form solution, y_k' = −λ_k (y_k −
 * c), λ from 0.5 to 5·10⁴ (stiffness ratio 10⁵), in place of the flow's field (same dimension and layout as the
 * small preset, so the recorder can read states). Checked: accuracy against e^{−λt}, the cost accounting of every
 * step attempt, samples landing exactly on the recorder's schedule, and the step-size floor. ≈ 100 steps of an
 * 8-dimensional system: milliseconds.
 */
class LinearlyImplicitExtrapolationTest {
  private static final ProblemConfig C = Preset.SMALL.config();
  private static final BalancedSpectralField FIELD =
      new BalancedSpectralField(new LeadingOrderLoss(C), Initialisations.paper(C));
  private static final double[] Y0 = FIELD.toLog(Initialisations.paper(C));
  private static final double[] LAMBDA = {0.5, 1, 2, 5, 50, 500, 5000, 50_000};
  private static final double CENTRE = -1.0;
  private static final double TOL = 1e-8;
  /**
   * Evaluation limit of the test systems. The stiff run below takes 2,337 evaluations (72 steps, 6 rejections, 24
   * samples; measured) and is asserted to take fewer than 500 steps, each ≤ 30 evaluations (8 Jacobian columns,
   * 21 substeps for 7 rows, 1 at its end) plus its samples' short attempts: 50,000 leaves every run here ≥ 20× room.
   * A wrong step-size control then fails at the limit in milliseconds (a ReducedFlowFailure) instead of crawling
   * through 10⁷ evaluations, which is what made most of the tail's PIT mutants time out.
   */
  private static final int MAX_EVALUATIONS = 50_000;

  private static ReducedFlowOde linearOde() {
    LogField linear = new LogField() {
      @Override
      public int dimension() {
        return LAMBDA.length;
      }

      @Override
      public double derivative(double[] y, double[] yDot) {
        double f = 0;
        for (int k = 0; k < y.length; k++) {
          yDot[k] = -LAMBDA[k] * (y[k] - CENTRE);
          f += (y[k] - CENTRE) * (y[k] - CENTRE);
        }
        return f;
      }
    };
    return new ReducedFlowOde(FIELD, linear, MAX_EVALUATIONS);
  }

  private static double exact(int k, double t) {
    return CENTRE + (Y0[k] - CENTRE) * Math.exp(-LAMBDA[k] * t);
  }

  @Test
  void stiffLinearDecayMatchesTheClosedFormOnTheRecordersSchedule() {
    assertEquals(LAMBDA.length, Y0.length);
    ReducedFlowOde ode = linearOde();
    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, 20.0, 4, 10, ReducedFlowProgress.SILENT);
    recorder.record(0.0, Y0);
    LinearlyImplicitExtrapolation lie = new LinearlyImplicitExtrapolation(TOL, TOL);
    double[] y = lie.integrate(ode, 0.0, Y0, 20.0, 1e-3, recorder);

    // Error budget: each accepted step's local error is ≤ 1 in the RMS norm scaled by TOL·(1 + |y|) ≤ 7e-8 here
    // (|y| ≤ 6), i.e. ≤ √8·7e-8 = 2e-7 per component; the system is contractive (|R(−λh)| ≤ 1 for an L-stable
    // method), so local errors add without growth: ≤ steps · 2e-7 at any time.
    double budget = lie.steps() * 2e-7;
    for (int k = 0; k < y.length; k++) {
      assertEquals(exact(k, 20.0), y[k], budget, "component " + k + " at t = 20");
    }
    // Every sample sits on the grid 2e-5·10^(j/4) (t_end = 20: tFirst = 2e-5), one per grid point in (0, 20), and
    // holds the solution there.
    List<TrajectorySample> samples = recorder.samples();
    int expectedCount = 1 + (int) Math.ceil(4 * Math.log10(20.0 / 2e-5)); // t = 0 and j = 0..23
    assertEquals(expectedCount, samples.size());
    for (int s = 1; s < samples.size(); s++) {
      double t = samples.get(s).t();
      double j = 4 * Math.log10(t / 2e-5);
      assertEquals(s - 1, j, 1e-9, "sample " + s + " at t = " + t);
      double[] ys = FIELD.toLog(samples.get(s).state());
      for (int k = 0; k < ys.length; k++) {
        // toLog(fromLog(y)) returns y to ≈ 1 ulp of |y| ≤ 6: negligible beside the budget.
        assertEquals(exact(k, t), ys[k], budget, "component " + k + " at t = " + t);
      }
    }
    // The step grows with the slow time scale, not the fast one (1/5e4): far fewer than t/h_fast = 10⁶ steps.
    assertTrue(lie.steps() < 500, "steps " + lie.steps());

    // Cost: a forward-difference Jacobian (8 evaluations) at each step start (a rejected attempt reuses it: the
    // system is autonomous and y has not moved), plus Σ_{m=1..r} (m − 1) = r(r − 1)/2 substep evaluations for the r
    // table rows each attempt built (r = ROWS = 7, i.e. 21, unless a step shortened to land on its end converged earlier);
    // each accepted step adds one at its end (reused by the acceptance check and a sample there), the start one, the
    // test's own sample at t = 0 one more (recorded before any evaluation), and the samples inside steps theirs
    // (the loss at each interpolated one, one directional difference per step holding any). No attempt here is cut
    // short (the states stay far below the blow-up bound, and I − (h/m)J is nonsingular for J = −diag(λ)).
    long attempts = 0;
    long substeps = 0;
    for (int r = 1; r <= LinearlyImplicitExtrapolation.ROWS; r++) {
      attempts += lie.attemptsWithRows(r);
      substeps += lie.attemptsWithRows(r) * r * (r - 1) / 2;
    }
    assertEquals(lie.steps() + lie.rejected(), attempts);
    // One Jacobian serves at most JACOBIAN_STEPS accepted steps, and none is computed twice at one point.
    assertTrue(lie.jacobians() <= attempts
        && lie.jacobians() * LinearlyImplicitExtrapolation.JACOBIAN_STEPS >= lie.steps(), "jacobians " + lie.jacobians());
    assertEquals(2 + lie.jacobians() * 8 + substeps + lie.steps() + lie.sampleEvaluations(), ode.evaluations());
    // Every full-length step builds all ROWS rows; only steps shortened to land on their end may stop earlier, and
    // never below the 3 rows whose error estimate is of order 2.
    assertEquals(0, lie.attemptsWithRows(1) + lie.attemptsWithRows(2));
    // Each of the 24 samples inside a step is reached either by one short attempt or, if that fails its error
    // test, by a fallback integration: at most 24 by attempt. The attempts run from the previous sample with the
    // step's own Jacobian over a fraction of a step that passed, so here they pass (measured: all 24); at least one
    // must, or the count is not being kept.
    assertTrue(lie.samplesByAttempt() >= 1 && lie.samplesByAttempt() <= expectedCount - 1,
        "samples by attempt " + lie.samplesByAttempt());
  }

  @Test
  void aFirstStepTooSmallForTheTimeIsAnUnderflow() {
    // The floor is 1e-13·max(1, |t|): at t = 0 a step of 1e-13 is allowed, at t = 10 it is below 1e-12.
    ReducedFlowOde ode = linearOde();
    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, 1e3, 4, 10, ReducedFlowProgress.SILENT);
    double[] y = new LinearlyImplicitExtrapolation(TOL, TOL).integrate(ode, 0.0, Y0, 1e-3, 1e-13, recorder);
    assertEquals(exact(0, 1e-3), y[0], 1e-9);
    ReducedFlowFailure e = assertThrows(ReducedFlowFailure.class,
        () -> new LinearlyImplicitExtrapolation(TOL, TOL).integrate(linearOde(), 10.0, Y0, 11.0, 1e-13,
            new TrajectoryRecorder(linearOde(), 1e3, 4, 10, ReducedFlowProgress.SILENT)));
    assertEquals("step size", e.quantity());
    assertEquals(10.0, e.time(), 0.0);
    assertTrue(e.getMessage().contains("step-size underflow"), e.getMessage());
  }

  /**
   * A linear system with given rates (component k relaxes to CENTRE at rate rates[k]; rate 0 keeps it still), same
   * dimension and layout as {@link #linearOde()}.
   */
  private static ReducedFlowOde linearOde(double[] rates) {
    return linearOde(rates, MAX_EVALUATIONS);
  }

  /** {@link #linearOde(double[])} with its own evaluation limit. */
  private static ReducedFlowOde linearOde(double[] rates, long maxEvaluations) {
    LogField linear = new LogField() {
      @Override
      public int dimension() {
        return rates.length;
      }

      @Override
      public double derivative(double[] y, double[] yDot) {
        double f = 0;
        for (int k = 0; k < y.length; k++) {
          yDot[k] = -rates[k] * (y[k] - CENTRE);
          f += (y[k] - CENTRE) * (y[k] - CENTRE);
        }
        return f;
      }
    };
    return new ReducedFlowOde(FIELD, linear, maxEvaluations);
  }

  @Test
  void aCoordinateRestingExactlyOnTheAdmissibleBoundIsAdmissible() {
    // Component 0 sits still at ln|ω| = LOG_BLOW_UP − 1 = 59 (rate 0), the highest value a substep may reach; the
    // others relax. Its Jacobian row is exactly zero (f_0 ≡ 0 and the other columns do not touch it), so every
    // substep and every extrapolated entry keeps it at 59 bit for bit, and the run must go through: refusing the
    // bound itself would reject every attempt down to the step-size floor.
    double[] rates = {0, 1, 2, 5, 0.5, 1, 2, 5};
    double[] y0 = Y0.clone();
    y0[0] = ReducedFlowOde.LOG_BLOW_UP - 1.0;
    ReducedFlowOde ode = linearOde(rates);
    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, 1.0, 4, 10, ReducedFlowProgress.SILENT);
    LinearlyImplicitExtrapolation lie = new LinearlyImplicitExtrapolation(TOL, TOL);
    double[] y = lie.integrate(ode, 0.0, y0, 1.0, 1e-3, recorder);
    assertEquals(ReducedFlowOde.LOG_BLOW_UP - 1.0, y[0], 0.0);
    // The moving components as in the stiff test (budget: steps · 2e-7, see there).
    for (int k = 1; k < y.length; k++) {
      double exact = CENTRE + (y0[k] - CENTRE) * Math.exp(-rates[k]);
      assertEquals(exact, y[k], lie.steps() * 2e-7, "component " + k);
    }
  }

  @Test
  void aStepEndingExactlyOnASampleTimeIsOneStep() {
    // The recorder (t_end 1, one sample per decade) asks first for t = 1e-6; the run goes to 2e-6 from a first
    // trial step of exactly 1e-6, so 0 + h lands on the sample time exactly. The sample is that step's own end
    // (recorded there, no extra attempt), and the next step (the controller's growth is ≥ 1 after an accepted step
    // of error ≪ 1: λh ≤ 5e-6) reaches t_end: two accepted steps, none rejected, and no sample evaluation.
    double[] rates = {0.5, 1, 2, 5, 0.5, 1, 2, 5};
    ReducedFlowOde ode = linearOde(rates);
    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, 1.0, 1, 10, ReducedFlowProgress.SILENT);
    recorder.record(0.0, Y0);
    assertEquals(1e-6, recorder.nextSampleTime(), 0.0);
    LinearlyImplicitExtrapolation lie = new LinearlyImplicitExtrapolation(TOL, TOL);
    lie.integrate(ode, 0.0, Y0, 2e-6, 1e-6, recorder);
    assertEquals(2, lie.steps());
    assertEquals(0, lie.rejected());
    assertEquals(0, lie.sampleEvaluations());
    List<TrajectorySample> samples = recorder.samples();
    assertEquals(2, samples.size(), "t = 0 and the sample at 1e-6");
    assertEquals(1e-6, samples.get(1).t(), 0.0);
    // The first step (1e-6 of 2e-6) is a full-length step: all ROWS rows. The second is cut to land on t_end, so it
    // stops at the first row from MIN_ROWS on whose error estimate passes; with λh ≤ 5e-6 the order-2 estimate of
    // row MIN_ROWS is ≈ (λh)³ ≈ 1e-16 against a tolerance of 1e-8: it passes there, at the fewest rows allowed.
    assertEquals(1, lie.attemptsWithRows(LinearlyImplicitExtrapolation.ROWS));
    assertEquals(1, lie.attemptsWithRows(LinearlyImplicitExtrapolation.MIN_ROWS));
  }

  /** A field given by its derivative alone (F = 1 everywhere), same dimension and layout as the other systems. */
  private static ReducedFlowOde ode(java.util.function.BiConsumer<double[], double[]> derivative) {
    LogField field = new LogField() {
      @Override
      public int dimension() {
        return LAMBDA.length;
      }

      @Override
      public double derivative(double[] y, double[] yDot) {
        derivative.accept(y, yDot);
        return 1.0;
      }
    };
    return new ReducedFlowOde(FIELD, field, MAX_EVALUATIONS);
  }

  @Test
  void aFailureInsideAStepCarriesATimeInsideThatStep() {
    // Evaluations before the first substep: f(y0) (1) and the 8 Jacobian columns; the first row (one substep) reuses
    // f(y0), so the 10th evaluation is the second row's midpoint substep, which a limit of 9 refuses. The failure's
    // time is the time of the refused evaluation, inside the first step (0, h0]: the field is autonomous, so the time
    // is read by nothing but this report, and only here can a wrong substep time show.
    ReducedFlowOde ode = linearOde(LAMBDA, 9);
    ReducedFlowFailure e = assertThrows(ReducedFlowFailure.class,
        () -> new LinearlyImplicitExtrapolation(TOL, TOL).integrate(ode, 0.0, Y0, 20.0, 0.5,
            new TrajectoryRecorder(ode, 20.0, 4, 10, ReducedFlowProgress.SILENT)));
    assertEquals("evaluations", e.quantity(), e.getMessage());
    assertTrue(e.time() > 0 && e.time() <= 0.5, "failure time " + e.time());
  }

  @Test
  void aSolutionRisingThroughTheAdmissibleBoundFailsWhereItReachesIt() {
    // y_0' = 1 from y_0 = LOG_BLOW_UP − 2 = 58 (the others still): the admissible region ends at y_0 = 59, reached at
    // t = 1. The field is constant, so every linearly implicit Euler substep is exact (J = 0), every error estimate
    // is 0, and no step is ever refused for accuracy: only the bound refuses the steps that would pass 59, so the
    // steps shrink onto t = 1 until the step-size floor (1e-13) ends the run there. The failure must be at t = 1 (to
    // the floor's scale, 1e-9 allowed), not later: a substep or a step end above 59 accepted would carry the run
    // on towards the blow-up bound 60 (t = 2).
    double[] y0 = Y0.clone();
    y0[0] = ReducedFlowOde.LOG_BLOW_UP - 2.0;
    ReducedFlowOde ode = ode((y, yDot) -> {
      java.util.Arrays.fill(yDot, 0.0);
      yDot[0] = 1.0;
    });
    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, 3.0, 4, 10, ReducedFlowProgress.SILENT);
    ReducedFlowFailure e = assertThrows(ReducedFlowFailure.class,
        () -> new LinearlyImplicitExtrapolation(TOL, TOL).integrate(ode, 0.0, y0, 3.0, 0.1, recorder));
    assertEquals("step size", e.quantity(), e.getMessage());
    assertEquals(1.0, e.time(), 1e-9);
  }

  @Test
  void aSingularIterationMatrixRejectsTheAttempt() {
    // y' = y: the forward-difference Jacobian is the identity exactly (f(y + δe_b) − f(y) is the same subtraction as
    // the step δ actually taken), so the first row's matrix I − h·J of a first trial step h = 1 is exactly zero.
    // That attempt must be refused before any row is built (no table entry exists to accept), then the run goes on
    // with a shorter step to y0·e² at t = 2.
    ReducedFlowOde ode = ode((y, yDot) -> System.arraycopy(y, 0, yDot, 0, y.length));
    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, 2.0, 4, 10, ReducedFlowProgress.SILENT);
    recorder.record(0.0, Y0);
    LinearlyImplicitExtrapolation lie = new LinearlyImplicitExtrapolation(TOL, TOL);
    double[] y = lie.integrate(ode, 0.0, Y0, 2.0, 1.0, recorder);
    assertTrue(lie.rejected() >= 1, "rejected " + lie.rejected());
    // Every attempt but the refused one built its rows (no other matrix here is singular: 1 − h/m = 0 needs h = m,
    // and after the refusal the steps stay below 1 by the error control at this growth rate).
    long counted = 0;
    for (int r = 1; r <= LinearlyImplicitExtrapolation.ROWS; r++) {
      counted += lie.attemptsWithRows(r);
    }
    assertEquals(lie.steps() + lie.rejected() - 1, counted);
    // Budget: per step a local error ≤ TOL·(1 + |y|) ≤ 1e-8·(1 + 53) in the RMS norm (|y| ≤ 7.2·e² ≈ 53), i.e.
    // ≤ √8·5.4e-7 = 1.6e-6 per component, amplified by at most e² ≈ 7.4 by the growth: steps · 1.2e-5.
    for (int k = 0; k < y.length; k++) {
      assertEquals(Y0[k] * Math.exp(2.0), y[k], lie.steps() * 1.2e-5, "component " + k);
    }
  }

  @Test
  void aPivotThatUnderflowsRefusesTheAttemptBeforeAnyRow() {
    // y_0' = ε y_1, y_1' = y_0/2 + y_1 + c (the others still), ε = 1e-310 (subnormal), c = 2⁻⁵, from y_0 = 0,
    // y_1 = −32. The forward-difference Jacobian's J_11 is 1 exactly: y_1 + δ and c are multiples of ulp(32)/2, so
    // f_1(y + δe_1) − f_1(y) is the subtraction the step δ actually taken is. A first trial step h = 1 therefore
    // gives the first row's matrix I − J a zero at (1, 1) but a non-zero column below the first pivot 1, so no
    // pivot is exactly 0 (not the singular refusal): after eliminating row 0 the second pivot is −J_10·J_01/1 ≈
    // −0.5·ε, a non-zero subnormal, and the solve divides f_1 ≈ −32 by it: Δ overflows to +∞. That attempt must be
    // refused at once, before any row is built and before the field is asked at an infinite state (a solve left
    // unchecked would build all ROWS rows on it, and be counted as such), then the run goes on with a shorter step.
    double eps = 1e-310;
    double c = 0x1p-5;
    double[] y0 = Y0.clone();
    y0[0] = 0.0;
    y0[1] = -32.0;
    boolean[] sawNonFinite = {false};
    ReducedFlowOde ode = ode((y, yDot) -> {
      for (double v : y) {
        sawNonFinite[0] |= !Double.isFinite(v);
      }
      java.util.Arrays.fill(yDot, 0.0);
      yDot[0] = eps * y[1];
      yDot[1] = 0.5 * y[0] + y[1] + c;
    });
    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, 2.0, 4, 10, ReducedFlowProgress.SILENT);
    recorder.record(0.0, y0);
    LinearlyImplicitExtrapolation lie = new LinearlyImplicitExtrapolation(TOL, TOL);
    double[] y = lie.integrate(ode, 0.0, y0, 2.0, 1.0, recorder);
    assertTrue(!sawNonFinite[0], "the field was evaluated at a non-finite state");
    assertTrue(lie.rejected() >= 1, "rejected " + lie.rejected());
    // Every attempt but the refused one built its rows (no later matrix has a pivot this small: that needs a
    // substep of exactly 1 from a point where J_11 is exactly 1).
    long counted = 0;
    for (int r = 1; r <= LinearlyImplicitExtrapolation.ROWS; r++) {
      counted += lie.attemptsWithRows(r);
    }
    assertEquals(lie.steps() + lie.rejected() - 1, counted);
    // Closed form: y_0 moves by at most ε·∫|y_1| < 1e-300, so y_1 = (y_1(0) + c)e^t − c to far below the budget:
    // per step a local error ≤ TOL·(1 + |y|) in the RMS norm with |y| ≤ 32e² ≈ 237, i.e. ≤ √8·2.4e-6 = 6.7e-6 per
    // component, amplified by at most e² ≈ 7.4 by the growth: steps · 5e-5. The entries the field leaves still are
    // untouched (their rows of the solves and of the extrapolation are exact zeros).
    assertEquals((-32.0 + c) * Math.exp(2.0) - c, y[1], lie.steps() * 5e-5);
    assertTrue(Math.abs(y[0]) < 1e-300, "y_0 = " + y[0]);
    for (int k = 2; k < y.length; k++) {
      assertEquals(y0[k], y[k], 0.0, "component " + k);
    }
  }

  @Test
  void aSampleWhoseShortAttemptFailsIsTheSameMethodIntegratedToIt() {
    // y_0' = 1, except 2 in the band 0.49 ≤ y_0 ≤ 0.51 (the others still), from y_0 = 0; the recorder's first sample
    // is at t = 1 (t_first = 1e-6·1e6), the next at 10^¼ > 1.6. One step, [0, 1.6], cut to land on t_end: J = 0
    // (the difference at y_0 = 1.5e-8 sees no band), every row exact outside the band, and its substep points 1.6/2,
    // 1.6/3, 2·1.6/3 (it stops at MIN_ROWS, the error being 0) and its end miss the band: accepted. The short attempt
    // to the sample at 1 puts its second row's midpoint 1/2 in the band, so its rows disagree by O(1) against a
    // tolerance of 1e-8 and it fails: the sample must then be reached by the fallback, documented as this same
    // adaptive method integrated from the step start to the sample, i.e. bit for bit what integrating to t = 1 gives.
    double[] y0 = Y0.clone();
    y0[0] = 0.0;
    java.util.function.BiConsumer<double[], double[]> band = (y, yDot) -> {
      java.util.Arrays.fill(yDot, 0.0);
      yDot[0] = y[0] >= 0.49 && y[0] <= 0.51 ? 2.0 : 1.0;
    };
    ReducedFlowOde ode = ode(band);
    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, 1e6, 4, 10, ReducedFlowProgress.SILENT);
    recorder.record(0.0, y0);
    assertEquals(1.0, recorder.nextSampleTime(), 0.0);
    LinearlyImplicitExtrapolation lie = new LinearlyImplicitExtrapolation(TOL, TOL);
    lie.integrate(ode, 0.0, y0, 1.6, 1.6, recorder);
    assertEquals(1, lie.steps());
    assertEquals(0, lie.samplesByAttempt());
    List<TrajectorySample> samples = recorder.samples();
    assertEquals(2, samples.size());
    assertEquals(1.0, samples.get(1).t(), 0.0);

    ReducedFlowOde direct = ode(band);
    double[] atOne = new LinearlyImplicitExtrapolation(TOL, TOL).integrate(direct, 0.0, y0, 1.0, 1.0,
        new TrajectoryRecorder(direct, 1e6, 4, 10, ReducedFlowProgress.SILENT));
    org.junit.jupiter.api.Assertions.assertArrayEquals(FIELD.toLog(FIELD.fromLog(atOne)),
        FIELD.toLog(samples.get(1).state()));
    // And it is the solution there: y_0(1) = 1 + 0.01 (the band, 0.02 wide, is crossed in 0.01 instead of 0.02) if
    // the integration resolves the band, 1 if it steps over it; either within 1e-6.
    double reached = FIELD.toLog(samples.get(1).state())[0];
    assertTrue(Math.abs(reached - 1.01) < 1e-6 || Math.abs(reached - 1.0) < 1e-6, "y_0(1) = " + reached);
  }

  @Test
  void anAcceptedStateWithANonFiniteLossIsAFailure() {
    // Component 0 moves at unit speed from 0 and the loss is +∞ once it passes 0.5 (the others stand still). From
    // t = 0 with a first step of 0.55 every substep point stays below 0.5 (they sit at multiples of 0.55/m, at most
    // 0.55·(ROWS − 1)/ROWS = 0.47 for 7 rows), and the step is exact (y' is constant), so it is accepted at y_0 =
    // 0.55, where F is +∞. That accepted state must be reported as such (quantity "F", at t = 0.55), not left for
    // the next steps to stall on.
    LogField overflowing = new LogField() {
      @Override
      public int dimension() {
        return LAMBDA.length;
      }

      @Override
      public double derivative(double[] y, double[] yDot) {
        java.util.Arrays.fill(yDot, 0.0);
        yDot[0] = 1.0;
        return y[0] > 0.5 ? Double.POSITIVE_INFINITY : 1.0;
      }
    };
    ReducedFlowOde ode = new ReducedFlowOde(FIELD, overflowing, MAX_EVALUATIONS);
    double[] y0 = Y0.clone();
    y0[0] = 0.0;
    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, 1e6, 4, 10, ReducedFlowProgress.SILENT);
    recorder.record(0.0, y0);
    ReducedFlowFailure e = assertThrows(ReducedFlowFailure.class,
        () -> new LinearlyImplicitExtrapolation(TOL, TOL).integrate(ode, 0.0, y0, 1.0, 0.55, recorder));
    assertTrue(0.55 * (LinearlyImplicitExtrapolation.ROWS - 1) / LinearlyImplicitExtrapolation.ROWS < 0.5);
    assertEquals("F", e.quantity());
    assertEquals(0.55, e.time(), 1e-15);
  }
}
