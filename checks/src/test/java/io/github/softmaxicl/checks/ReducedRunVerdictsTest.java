package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.WarmupTimes;
import org.junit.jupiter.api.Test;

/**
 * The per-run verdicts of {@link ReducedRunChecks} as pure functions of hand-built runs: the reduced flow is not
 * integrated, so each condition of a verdict is pinned by a run that meets it exactly and one that misses it
 * (the integrated runs are in {@link ReducedRunChecksTest} and {@link ConvergenceTailTest}).
 */
class ReducedRunVerdictsTest {
  /** Blocks 2 + 2, H = 2, L = 8, σ = 0. */
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {2, 2}, 2, 8, 0.0, 1.0);
  /** Blocks 2 + 2, H = 3 (one idle head), L = 8. */
  private static final ProblemConfig IDLE = ProblemConfig.of(4, new int[] {2, 2}, 3, 8, 0.0, 1.0);

  private static SpectralState any() {
    return HandBuilt.state(new double[][] {{0.1, 0.1}, {0.1, 0.1}}, new double[][] {{2, 1}, {1, 2}});
  }

  // ---- helpers of the checks ----

  @Test
  void oneHeadPerTaskComparesEveryPairOnce() {
    assertTrue(ReducedRunChecks.oneHeadPerTask(new int[] {0, 1, 2}));
    assertTrue(ReducedRunChecks.oneHeadPerTask(new int[] {2}));
    assertTrue(ReducedRunChecks.oneHeadPerTask(new int[] {}));
    assertFalse(ReducedRunChecks.oneHeadPerTask(new int[] {1, 1}));
    assertFalse(ReducedRunChecks.oneHeadPerTask(new int[] {2, 0, 1, 0}));
    assertFalse(ReducedRunChecks.oneHeadPerTask(new int[] {0, 1, 2, 3, 0}));
  }

  @Test
  void stateAtOrBeforeIsTheLastSampleNotAfterT() {
    SpectralState a = any();
    SpectralState b = any().scaled(2);
    SpectralState c = any().scaled(3);
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any().scaled(0.5));
    r.samples(HandBuilt.sample(1, a), HandBuilt.sample(2, b), HandBuilt.sample(3, c));
    ReducedRun run = r.build();
    assertSame(b, ReducedRunChecks.stateAtOrBefore(run, 2.0), "a sample at t itself");
    assertSame(b, ReducedRunChecks.stateAtOrBefore(run, 2.5));
    assertSame(a, ReducedRunChecks.stateAtOrBefore(run, 0.5), "none before: the first");
    assertSame(c, ReducedRunChecks.stateAtOrBefore(run, 10));
    HandBuilt.Reduced empty = new HandBuilt.Reduced(C, any().scaled(0.5));
    ReducedRun none = empty.build();
    assertSame(none.init(), ReducedRunChecks.stateAtOrBefore(none, 2.0), "no samples: the start");
  }

  @Test
  void limitEstimateMovesOnlyTheServingHeadsOnTaskMuToTheLimitsAttention() {
    // Head 0 serves task 0 with an off-task omega 0.05 on task 1: its attention factor is e^(1 + 2 (0.0025)).
    double w0 = ClosedForms.omegaStar(C, 0);
    SpectralState s = HandBuilt.state(new double[][] {{w0, 0.05}, {0.0, w0}}, new double[][] {{0.7, 0.01},
        {0.02, 0.6}});
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any());
    r.finalState = s;
    SpectralState est = ReducedRunChecks.limitEstimate(r.build());
    double factor0 = ClosedForms.muStar(C, 0) / ClosedForms.muAtAttention(C, 0, StrictMath.exp(1 + 2 * 0.0025));
    assertEquals(0.7 * factor0, est.mu(0, 0), 1e-14);
    assertTrue(factor0 > 1 + 1e-4, "a sharper head sits below mu*: the estimate moves it up, " + factor0);
    assertEquals(0.6 * ClosedForms.muStar(C, 1) / ClosedForms.muAtAttention(C, 1, StrictMath.E), est.mu(1, 1),
        1e-14);
    assertEquals(0.01, est.mu(0, 1), 0.0, "off-task mu untouched");
    assertEquals(0.02, est.mu(1, 0), 0.0);
    assertEquals(0.05, est.omega(0, 1), 0.0, "omega untouched");
    // An allocation shorter than the task list moves only the tasks it names.
    r.allocation = new int[] {0};
    SpectralState part = ReducedRunChecks.limitEstimate(r.build());
    assertEquals(0.7 * factor0, part.mu(0, 0), 1e-14);
    assertEquals(0.6, part.mu(1, 1), 0.0);
  }

  @Test
  void predictedAllocationTakesTheFirstLargestMu() {
    SpectralState s = HandBuilt.state(new double[3][3], new double[][] {{1, 5, 2}, {3, 5, 2}, {3, 1, 2}});
    assertArrayEquals(new int[] {1, 0, 0}, ReducedRunChecks.predictedAllocation(s));
  }

  @Test
  void allocationCountsTheWrongTasksAndNeedsDistinctHeads() {
    SpectralState init = HandBuilt.state(new double[2][2], new double[][] {{2, 1}, {1, 2}});
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, init);
    Verdict ok = ReducedRunChecks.allocation("a", r.build());
    assertEquals(Verdict.Status.PASS, ok.status());
    assertEquals(0.0, ok.measured());
    r.allocation = new int[] {1, 0};
    Verdict swapped = ReducedRunChecks.allocation("a", r.build());
    assertEquals(Verdict.Status.FAIL, swapped.status());
    assertEquals(2.0, swapped.measured());
    assertEquals("allocation (head per task, 1-based) [2, 1], predicted [1, 2]", swapped.evidence().get(0));
    r.allocation = new int[] {0, 0};
    assertEquals(1.0, ReducedRunChecks.allocation("a", r.build()).measured());
    // Both tasks favour head 0 and both end on it: it matches the rule but is not one head per task.
    HandBuilt.Reduced shared = new HandBuilt.Reduced(C, HandBuilt.state(new double[2][2],
        new double[][] {{2, 2}, {1, 1}}));
    shared.allocation = new int[] {0, 0};
    Verdict v = ReducedRunChecks.allocation("a", shared.build());
    assertEquals(0.0, v.measured());
    assertEquals(Verdict.Status.FAIL, v.status());
  }

  @Test
  void inclinationOfATaskIsItsFavouriteOverTheLargestOtherMagnitude() {
    assertEquals(0.5, ReducedRunChecks.inclination(new double[] {2, -4, 1}, 0), 0.0);
    assertEquals(2.0, ReducedRunChecks.inclination(new double[] {2, -4, 1}, 1), 0.0);
    assertEquals(0.25, ReducedRunChecks.inclination(new double[] {-1, 4, 3}, 0), 0.0);
    assertArrayEquals(new double[] {1, 2}, ReducedRunChecks.muOfTask(HandBuilt.state(new double[2][2],
        new double[][] {{2, 1}, {1, 2}}), 1));
  }

  // ---- P1-off-task ----

  @Test
  void offTaskMeasuresTheLargestOffTaskLogRatioAgainstLog10OfTheTolerance() {
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any());
    double ln10 = StrictMath.log(10);
    r.logAbsMu = new double[][] {{0.0, StrictMath.log(ClosedForms.muStar(C, 1)) - 8 * ln10},
        {StrictMath.log(ClosedForms.muStar(C, 0)) - 7 * ln10, 0.0}};
    Verdict v = ReducedRunChecks.offTask("o", r.build());
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals(-7.0, v.measured(), 1e-12, "task 1's pair on head 2, not the on-task 0");
    assertEquals(StrictMath.log10(Claims.P1_OFF_TASK.tolerance()), v.threshold(), 0.0);
    r.logAbsMu[1][0] = StrictMath.log(ClosedForms.muStar(C, 0)) - 5.9 * ln10;
    Verdict f = ReducedRunChecks.offTask("o", r.build());
    assertEquals(Verdict.Status.FAIL, f.status());
    assertEquals(-5.9, f.measured(), 1e-12);
  }

  @Test
  void offTaskStatesTheServingHeadsOmegaTailButNotTheIdleHeads() {
    HandBuilt.Reduced r = new HandBuilt.Reduced(IDLE, HandBuilt.state(new double[3][2], new double[3][2]));
    r.finalState = HandBuilt.state(new double[][] {{0.7, 0.001}, {0.002, 0.7}, {5, 5}}, new double[3][2]);
    r.logAbsMu = new double[][] {{0, -50}, {-50, 0}, {-40, -40}};
    r.tEnd = 100;
    Verdict v = ReducedRunChecks.offTask("o", r.build());
    assertTrue(v.evidence().contains("off-task omega of serving heads decay like 1/t: max |omega| t_end = 0.2000"),
        v.evidence().toString());
    assertTrue(v.evidence().contains("heads serving no task keep non-zero omega (they freeze; interval certificate "
        + "finding)"), v.evidence().toString());
    double worst = (-40 - StrictMath.log(ClosedForms.muStar(IDLE, 0))) / StrictMath.log(10);
    assertEquals(worst, v.measured(), 1e-12, "the idle head's mu count as off-task");
    HandBuilt.Reduced two = new HandBuilt.Reduced(C, any());
    assertFalse(ReducedRunChecks.offTask("o", two.build()).evidence().stream()
        .anyMatch(e -> e.contains("heads serving no task")), "H = n: no idle head");
  }

  @Test
  void offTaskIsNotApplicableWithoutAnOffTaskPair() {
    ProblemConfig one = ProblemConfig.of(2, new int[] {2}, 1, 8, 0.0, 1.0);
    HandBuilt.Reduced r = new HandBuilt.Reduced(one, HandBuilt.state(new double[][] {{0.5}}, new double[][] {{1}}));
    Verdict v = ReducedRunChecks.offTask("o", r.build());
    assertEquals(Verdict.Status.NOT_APPLICABLE, v.status());
    assertEquals("not applicable: no off-task pair: H = 1, n = 1", v.evidence().get(0));
  }

  // ---- P2-phases ----

  private static final WarmupTimes W = new WarmupTimes(new double[] {15, 15}, new double[] {0.5, 0.5});

  @Test
  void halfSignalBudgetIsTauPlusTheTimeErrorsOfPredictionAndMarkers() {
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any());
    r.eventTimeAccuracy = 0.125;
    assertEquals(0.5 + Claims.P2_TIME_REL_ERROR * 15 + 0.25, ReducedRunChecks.halfSignalBudget(r.build(), W, 1),
        1e-15);
  }

  @Test
  void phasesPassOnOrderedMarkersAtThePredictedTime() {
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any());
    Verdict v = ReducedRunChecks.phases("p", r.build(), W);
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals(0.0, v.measured(), 0.0);
    assertEquals(1.0, v.threshold());
    r.half = new double[] {15.25, 15};
    double budget = 0.5 + Claims.P2_TIME_REL_ERROR * 15 + 2e-9;
    Verdict off = ReducedRunChecks.phases("p", r.build(), W);
    assertEquals(Verdict.Status.PASS, off.status());
    assertEquals(0.25 / budget, off.measured(), 1e-12);
    r.half = new double[] {15, 14.25};
    Verdict far = ReducedRunChecks.phases("p", r.build(), W);
    assertEquals(Verdict.Status.FAIL, far.status(), "0.75 off against tau 0.5");
    assertEquals(0.75 / budget, far.measured(), 1e-12);
  }

  @Test
  void phasesNeedTheHalfSignalStrictlyAfterTheWarmupAndAtMostAtTheEmergenceEnd() {
    WarmupTimes at = new WarmupTimes(new double[] {10, 20.5}, new double[] {100, 100});
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any());
    r.eventTimeAccuracy = 0.5;
    r.half = new double[] {15, 20.5};
    assertEquals(Verdict.Status.PASS, ReducedRunChecks.phases("p", r.build(), at).status(),
        "t_half = t_e + accuracy is in order");
    r.half = new double[] {15, 20.75};
    Verdict late = ReducedRunChecks.phases("p", r.build(), at);
    assertEquals(Verdict.Status.FAIL, late.status(), "past t_e + accuracy");
    assertTrue(late.evidence().stream().anyMatch(e -> e.contains("NOT IN ORDER")), late.evidence().toString());
    assertTrue(late.evidence().get(late.evidence().size() - 1).startsWith("markers out of order"));
    r.half = new double[] {10, 20};
    assertEquals(Verdict.Status.FAIL, ReducedRunChecks.phases("p", r.build(), at).status(), "t_half = t_w");
    r.half = new double[] {Double.NaN, 20};
    Verdict missing = ReducedRunChecks.phases("p", r.build(), at);
    assertEquals(Verdict.Status.FAIL, missing.status());
    assertTrue(Double.isNaN(missing.measured()));
  }

  // ---- P2-emergence ----

  @Test
  void emergenceComparesTheWindowsAtHalfScaleWithinTheirBudget() {
    // W = 10 at both scales, tau/T = 0.5/15: budget 8/30 + 4 (1e-9)/10.
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any());
    HandBuilt.Reduced half = new HandBuilt.Reduced(C, any());
    half.warmupEnds = new double[] {20, 20};
    half.emergenceEnds = new double[] {30, 30};
    Verdict same = ReducedRunChecks.emergence("e", r.build(), W, half.build());
    assertEquals(Verdict.Status.PASS, same.status(), same.evidence().toString());
    assertEquals(0.0, same.measured(), 0.0);
    double budget = Claims.P2_WINDOW_CONSTANT * 0.5 / 15 + 4e-9 / 10;
    half.emergenceEnds = new double[] {32, 31};
    Verdict within = ReducedRunChecks.emergence("e", r.build(), W, half.build());
    assertEquals(0.2 / budget, within.measured(), 1e-12);
    assertEquals(Verdict.Status.PASS, within.status());
    half.emergenceEnds = new double[] {30, 27};
    Verdict out = ReducedRunChecks.emergence("e", r.build(), W, half.build());
    assertEquals(0.3 / budget, out.measured(), 1e-12);
    assertEquals(Verdict.Status.FAIL, out.status());
    assertTrue(out.evidence().get(2).contains("relative change -0.300"), out.evidence().toString());
  }

  @Test
  void emergenceChargesTheMarkersAccuracyAgainstTheWindow() {
    // With tau = 0 only the marker term 4 acc / W is left: 0.4 of a window of 10 for acc = 1.
    WarmupTimes exact = new WarmupTimes(new double[] {15, 15}, new double[] {0, 0});
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any());
    r.eventTimeAccuracy = 1;
    HandBuilt.Reduced half = new HandBuilt.Reduced(C, any());
    half.warmupEnds = new double[] {20, 20};
    half.emergenceEnds = new double[] {32, 30};
    Verdict v = ReducedRunChecks.emergence("e", r.build(), exact, half.build());
    assertEquals(0.5, v.measured(), 1e-12);
    assertEquals(Verdict.Status.PASS, v.status());
  }

  // ---- P2-inclination ----

  /** A run whose trajectory holds the state {@code atTw} at both tasks' warm-up end t = 10. */
  private static ReducedRun inclinationRun(SpectralState atTw) {
    SpectralState init = HandBuilt.state(new double[2][2], new double[][] {{2, 1}, {1, 2}});
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, init);
    r.samples(HandBuilt.sample(0, init), HandBuilt.sample(5, init), HandBuilt.sample(10, atTw),
        HandBuilt.sample(12, init));
    return r.build();
  }

  @Test
  void inclinationComparesTheLogGrowthWithThePrediction() {
    SpectralState atTw = HandBuilt.state(new double[2][2], new double[][] {{8, 1}, {1, 4}});
    ReducedRun run = inclinationRun(atTw);
    // Start inclinations 2 and 2; at t_w: 8 and 4, i.e. log-growth ln 4 and ln 2.
    Verdict exact = ReducedRunChecks.inclination("i", run, new PhaseReference(run,
        new double[][] {{8, 1}, {1, 4}}));
    assertEquals(Verdict.Status.PASS, exact.status(), exact.evidence().toString());
    assertEquals(0.0, exact.measured(), 0.0);
    double tol = Claims.P2_INCLINATION.tolerance();
    // Predicted growth x16 on task 1 (ln 8 vs measured ln 4: ratio 0.5).
    Verdict wrong = ReducedRunChecks.inclination("i", run, new PhaseReference(run,
        new double[][] {{32, 1}, {1, 4}}));
    assertEquals(0.5 / tol, wrong.measured(), 1e-12);
    assertEquals(Verdict.Status.FAIL, wrong.status());
    // A growth 4 % below the prediction on task 1: 0.8 of the tolerance 5 %.
    Verdict close = ReducedRunChecks.inclination("i", run, new PhaseReference(run,
        new double[][] {{2 * Math.exp(Math.log(4) / 1.04), 1}, {1, 4}}));
    assertEquals(0.04 / tol, close.measured(), 1e-9);
    assertEquals(Verdict.Status.PASS, close.status());
    Verdict none = ReducedRunChecks.inclination("i", run, new PhaseReference(run,
        new double[][] {{2, 1}, {1, 2}}));
    assertEquals(Verdict.Status.FAIL, none.status(), "no predicted growth: the ratio is infinite");
  }

  @Test
  void inclinationNeedsTheWarmupEndAndItsSample() {
    SpectralState atTw = HandBuilt.state(new double[2][2], new double[][] {{8, 1}, {1, 4}});
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, HandBuilt.state(new double[2][2],
        new double[][] {{2, 1}, {1, 2}}));
    r.samples(HandBuilt.sample(9.5, atTw), HandBuilt.sample(10.5, atTw));
    PhaseReference ref = new PhaseReference(r.build(), new double[][] {{8, 1}, {1, 4}});
    Verdict missing = ReducedRunChecks.inclination("i", r.build(), ref);
    assertEquals(Verdict.Status.ERROR, missing.status());
    assertTrue(missing.evidence().get(0).contains("no trajectory sample at task 1's warm-up end"),
        missing.evidence().toString());
    r.samples(HandBuilt.sample(10, atTw));
    r.warmupEnds = new double[] {10, Double.POSITIVE_INFINITY};
    Verdict unreached = ReducedRunChecks.inclination("i", r.build(), ref);
    assertEquals(Verdict.Status.FAIL, unreached.status());
    assertTrue(Double.isNaN(unreached.measured()));
    assertTrue(unreached.evidence().get(1).startsWith("task 2: its warm-up end was not reached"),
        unreached.evidence().toString());
  }

  // ---- P7-saturation ----

  /** Samples of a flow whose serving heads reach d ω² = 1 + over at t = 2 and the idle head's sharpness q. */
  private static ReducedRun saturationRun(double over1, double over2, double idleSharpness) {
    double w = Math.sqrt((1 + over1) / 2);
    double w2 = Math.sqrt((1 + over2) / 2);
    double idle = Math.sqrt(idleSharpness / 4);
    double s = 0.7;
    HandBuilt.Reduced r = new HandBuilt.Reduced(IDLE, HandBuilt.state(new double[3][2], new double[3][2]));
    r.samples(HandBuilt.sample(1, HandBuilt.state(new double[][] {{0.1, 0}, {0, 0.1}, {idle, idle}},
            new double[3][2])),
        HandBuilt.sample(2, HandBuilt.state(new double[][] {{w, 0}, {0, s}, {idle, idle}}, new double[3][2])),
        HandBuilt.sample(3, HandBuilt.state(new double[][] {{s, 0}, {0, w2}, {idle, idle}}, new double[3][2])));
    return r.build();
  }

  @Test
  void saturationMeasuresTheOnTaskOvershootInUnitsOfItsBudget() {
    double budget = 2 * Claims.P1_CONVERGENCE.tolerance();
    double tol = Claims.P7_SATURATION.tolerance();
    Verdict none = ReducedRunChecks.saturation("s", saturationRun(-0.5, -0.5, 0.1));
    assertEquals(Verdict.Status.PASS, none.status(), none.evidence().toString());
    assertEquals(0.0, none.measured(), 0.0, "below the limit's sharpness is no overshoot");
    Verdict small = ReducedRunChecks.saturation("s", saturationRun(0.5 * tol * budget, 0.0, 0.1));
    assertEquals(0.5 * tol, small.measured(), 1e-6);
    assertEquals(Verdict.Status.PASS, small.status());
    Verdict big = ReducedRunChecks.saturation("s", saturationRun(0.0, 2 * tol * budget, 0.1));
    assertEquals(2 * tol, big.measured(), 1e-6);
    assertEquals(Verdict.Status.FAIL, big.status());
    assertTrue(big.evidence().get(0).contains("(task 2, head 2, t = 3.000)"), big.evidence().get(0));
  }

  @Test
  void saturationReportsTheFirstLargestOvershootAndTheLargestTotalSharpness() {
    Verdict v = ReducedRunChecks.saturation("s", saturationRun(1e-3, 1e-3, 0.25));
    assertTrue(v.evidence().get(0).contains("(task 1, head 1, t = 2.000)"), v.evidence().get(0));
    String total = v.evidence().get(1);
    assertTrue(total.startsWith("max total sharpness sum_j d_j omega_j^2 = 1.00100 at t = 2.000; half of ln L = "
        + ReducedRunChecks.fmt("%.4g", 0.5 * Math.log(8))), total);
  }

  @Test
  void saturationFailsOutsideTheExponentialRegime() {
    double half = 0.5 * Math.log(8);
    Verdict inside = ReducedRunChecks.saturation("s", saturationRun(-0.5, -0.5, 0.99 * half));
    assertEquals(Verdict.Status.PASS, inside.status(), inside.evidence().toString());
    Verdict outside = ReducedRunChecks.saturation("s", saturationRun(-0.5, -0.5, 1.01 * half));
    assertEquals(Verdict.Status.FAIL, outside.status());
    assertEquals(0.0, outside.measured(), 0.0, "the overshoot alone would pass");
    assertTrue(outside.evidence().get(1).contains("[outside the exponential regime]"));
  }

  // ---- P1-convergence ----

  /**
   * A final state on the closed form at its measured attention: serving head i on task i with ω* and an off-task
   * ω {@code tail} on the other task, μ at {@link ClosedForms#muAtAttention}; F(t_end) the matching loss. The
   * trajectory holds the same state with off-task ω {@code tailAt30} at t = 30 and {@code tailAt22} at t = 22.
   */
  private static HandBuilt.Reduced converged(double tail, double tailAt22, double tailAt30) {
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any());
    r.finalState = onAttention(tail);
    double f = 0;
    for (int i = 0; i < 2; i++) {
      f += ClosedForms.taskLossAtAttention(C, i, ClosedForms.attentionFactor(C, r.finalState, i)) / 2;
    }
    r.fFinal = f;
    r.fStar = ClosedForms.fStar(C);
    r.tEnd = 100;
    r.emergenceEnds = new double[] {20, 15};
    r.samples(HandBuilt.sample(22, onAttention(tailAt22)), HandBuilt.sample(30, onAttention(tailAt30)),
        HandBuilt.sample(100, r.finalState));
    return r;
  }

  private static SpectralState onAttention(double tail) {
    double w = ClosedForms.omegaStar(C, 0);
    double[][] omega = {{w, tail}, {tail, w}};
    SpectralState s = HandBuilt.state(omega, new double[2][2]);
    double[][] mu = new double[2][2];
    for (int i = 0; i < 2; i++) {
      mu[i][i] = ClosedForms.muAtAttention(C, i, ClosedForms.attentionFactor(C, s, i));
    }
    return HandBuilt.state(omega, mu);
  }

  @Test
  void convergencePassesOnTheClosedFormAtTheMeasuredAttention() {
    Verdict exact = ReducedRunChecks.convergence("c", converged(0, 0, 0).build());
    assertEquals(Verdict.Status.PASS, exact.status(), exact.evidence().toString());
    assertTrue(exact.measured() < 1e-15, "at the limit itself: " + exact.measured());
    Verdict tail = ReducedRunChecks.convergence("c", converged(1e-3, 5e-3, 2e-3).build());
    assertEquals(Verdict.Status.PASS, tail.status(), tail.evidence().toString());
    assertTrue(tail.measured() < 1e-14, "on the moved point: " + tail.measured());
  }

  @Test
  void convergenceComparesTheTailWithTheStateAtTwiceTheLastEmergenceEnd() {
    // t_ref = max(100/4, 2 x 20) = 40: the sample at t = 30 (tail 5e-4, below the final 1e-3) decides, not the
    // one at t = 22.
    Verdict grows = ReducedRunChecks.convergence("c", converged(1e-3, 5e-3, 5e-4).build());
    assertEquals(Verdict.Status.FAIL, grows.status(), grows.evidence().toString());
    assertTrue(grows.evidence().stream().anyMatch(e -> e.contains("task 1 (head 1): the off-task sharpness is not "
        + "decaying")), grows.evidence().toString());
    Verdict equal = ReducedRunChecks.convergence("c", converged(1e-3, 5e-3, 1e-3).build());
    assertEquals(Verdict.Status.FAIL, equal.status(), "a tail that stays is not decaying");
    // With the horizon at 200, t_ref = 50 >= 40 and the sample at t = 30 still decides.
    HandBuilt.Reduced far = converged(1e-3, 5e-3, 5e-4);
    far.tEnd = 200;
    assertEquals(Verdict.Status.FAIL, ReducedRunChecks.convergence("c", far.build()).status());
    // A quarter of a horizon of 90 is 22.5 > 2 x 10: then the sample at t = 22 decides.
    HandBuilt.Reduced early = converged(1e-3, 5e-3, 5e-4);
    early.emergenceEnds = new double[] {10, 5};
    early.tEnd = 90;
    Verdict e = ReducedRunChecks.convergence("c", early.build());
    assertEquals(Verdict.Status.PASS, e.status(), e.evidence().toString());
  }

  @Test
  void convergenceFailsOffTheClosedFormOrOnASharedHead() {
    HandBuilt.Reduced f = converged(0, 0, 0);
    f.fFinal *= 1 + 3 * Claims.P1_CONVERGENCE.tolerance();
    Verdict v = ReducedRunChecks.convergence("c", f.build());
    assertEquals(Verdict.Status.FAIL, v.status());
    assertEquals(3 * Claims.P1_CONVERGENCE.tolerance(), v.measured(), 1e-12);
    HandBuilt.Reduced w = converged(0, 0, 0);
    double[][] omega = w.finalState.omegaArray();
    omega[1][1] *= 1 + 2 * Claims.P1_CONVERGENCE.tolerance();
    w.finalState = HandBuilt.state(omega, w.finalState.muArray());
    Verdict wv = ReducedRunChecks.convergence("c", w.build());
    assertEquals(Verdict.Status.FAIL, wv.status(), "sqrt(d) omega off 1");
    HandBuilt.Reduced shared = converged(0, 0, 0);
    shared.allocation = new int[] {1, 1};
    Verdict s = ReducedRunChecks.convergence("c", shared.build());
    assertEquals(Verdict.Status.FAIL, s.status());
    assertEquals(Double.POSITIVE_INFINITY, s.measured());
    assertEquals("allocation [1, 1] is not one head per task", s.evidence().get(0));
  }

  // ---- the thresholds themselves, hit exactly ----

  @Test
  void offTaskFailsAtItsThresholdItself() {
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any());
    double ln10 = StrictMath.log(10);
    double tol = StrictMath.log10(Claims.P1_OFF_TASK.tolerance());
    double logMuStar = StrictMath.log(ClosedForms.muStar(C, 0));
    double x = Exact.solve(v -> (v - logMuStar) / StrictMath.log(10), logMuStar + tol * ln10, tol);
    r.logAbsMu = new double[][] {{0.0, logMuStar - 8 * ln10}, {x, 0.0}};
    Verdict v = ReducedRunChecks.offTask("o", r.build());
    assertEquals(tol, v.measured(), 0.0);
    assertEquals(Verdict.Status.FAIL, v.status(), "strictly below the threshold");
  }

  @Test
  void convergenceEvidenceStatesTheGapsToBothClosedForms() {
    HandBuilt.Reduced r = converged(1e-3, 5e-3, 2e-3);
    ReducedRun run = r.build();
    Verdict v = ReducedRunChecks.convergence("c", run);
    String first = v.evidence().get(0);
    assertTrue(first.endsWith(ReducedRunChecks.fmt("F* = %.12g (closed form, relative gap %.3g)", run.fStar(),
        Math.abs(run.fFinal() - run.fStar()) / run.fStar())), first);
    SpectralState s = run.finalState();
    String task2 = v.evidence().get(2);
    assertTrue(task2.startsWith("task 2 (head 2): sqrt(d_i) omega = "), task2);
    assertTrue(task2.contains(ReducedRunChecks.fmt("mu/mu* = %.12g;", s.mu(1, 1) / ClosedForms.muStar(C, 1))), task2);
    assertTrue(task2.endsWith(ReducedRunChecks.fmt("off-task sharpness %.3e at t_end (%.3e at t = 40.00)",
        2 * 1e-3 * 1e-3, 2 * 2e-3 * 2e-3)), task2);
  }

  @Test
  void phasesHoldAtTheirBudgetItselfAndStateEachTask() {
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any());
    r.eventTimeAccuracy = 0;
    r.half = new double[] {15.5, 15};
    double tau = Exact.solve(t -> 0.5 / (t + Claims.P2_TIME_REL_ERROR * 15 + 2 * 0.0), 0.5 - 1.5e-5, 1.0);
    Verdict v = ReducedRunChecks.phases("p", r.build(), new WarmupTimes(new double[] {15, 15},
        new double[] {tau, tau}));
    assertEquals(1.0, v.measured(), 0.0);
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals("global markers (F of all tasks; they bracket the tasks' emergences): t_w = 10.0000, t_e = 20.0000",
        v.evidence().get(0));
    assertTrue(v.evidence().get(1).startsWith("task 1: t_w,i = 10.0000 < t_half,i = 15.5000 <= t_e,i = 20.0000 (in "
        + "order); predicted warm-up T_i = 15.0000, |t_half,i - T_i| = 0.500 against tau_i = 0.500"),
        v.evidence().get(1));
    assertTrue(v.evidence().get(2).startsWith("task 2: "), v.evidence().get(2));
    assertFalse(String.join("\n", v.evidence()).contains("NOT IN ORDER"));
  }

  @Test
  void emergenceHoldsAtItsBudgetItselfAndStatesEachTask() {
    // W = 8, at half scale 10: relative change 1/4; budget 8 (0.5/16) = 1/4 exactly (markers exact).
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, any());
    r.eventTimeAccuracy = 0;
    r.emergenceEnds = new double[] {18, 18};
    HandBuilt.Reduced half = new HandBuilt.Reduced(C, any());
    half.warmupEnds = new double[] {20, 20};
    half.emergenceEnds = new double[] {30, 26};
    Verdict v = ReducedRunChecks.emergence("e", r.build(), new WarmupTimes(new double[] {16, 16},
        new double[] {0.5, 0.5}), half.build());
    assertEquals(1.0, v.measured(), 0.0);
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals("task 1: W_i = 8.00000 (W_i/t_w,i = 0.800), at half scale 10.0000 (W_i/t_w,i = 0.500): relative "
        + "change 0.250, budget 0.250; t_w,i grew x2.0000", v.evidence().get(1));
    assertTrue(v.evidence().get(2).startsWith("task 2: W_i = 8.00000 (W_i/t_w,i = 0.800), at half scale 6.00000"),
        v.evidence().get(2));
  }

  @Test
  void inclinationEvidenceStatesTheGrowthOfEachTask() {
    SpectralState atTw = HandBuilt.state(new double[2][2], new double[][] {{8, 1}, {1, 4}});
    ReducedRun run = inclinationRun(atTw);
    Verdict v = ReducedRunChecks.inclination("i", run, new PhaseReference(run, new double[][] {{8, 1}, {1, 4}}));
    assertEquals("task 1 (head 1): inclination grew x4.000 by t_w,i = 10.0000, predicted x4.000 by the "
        + "small-amplitude system: log-growth ratio 1.0000", v.evidence().get(0));
    assertTrue(v.evidence().get(1).startsWith("task 2 (head 2): inclination grew x2.000"), v.evidence().get(1));
  }

  @Test
  void saturationHoldsWithTheTotalSharpnessAtHalfOfLnL() {
    double half = 0.5 * Math.log(8);
    double w1 = Math.sqrt((half - 1e-3) / 2);
    double w2 = Exact.solve(w -> ClosedForms.sharpness(IDLE, HandBuilt.state(new double[][] {{0, 0}, {0, 0},
        {w1, w}}, new double[3][2]), 2), Math.sqrt(1e-3 / 2), half);
    HandBuilt.Reduced r = new HandBuilt.Reduced(IDLE, HandBuilt.state(new double[3][2], new double[3][2]));
    r.samples(HandBuilt.sample(1, HandBuilt.state(new double[][] {{0.5, 0}, {0, 0.5}, {w1, w2}}, new double[3][2])));
    Verdict v = ReducedRunChecks.saturation("s", r.build());
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertFalse(v.evidence().get(1).contains("[outside"), v.evidence().get(1));
  }

  @Test
  void saturationEvidenceGivesTheBudgetAndTheAttendedTokens() {
    Verdict v = ReducedRunChecks.saturation("s", saturationRun(1e-3, 0, 0.25));
    assertTrue(v.evidence().get(0).endsWith("(task 1, head 1, t = 2.000); budget 2 x 1e-06"), v.evidence().get(0));
    assertTrue(v.evidence().get(1).endsWith(ReducedRunChecks.fmt("; effective attended tokens >= %.4g of L = 8",
        8 * Math.exp(-(1 + 1e-3)))), v.evidence().get(1));
  }

  @Test
  void checkGivesOneVerdictPerClaimInTheOrderOfClaims() {
    io.github.softmaxicl.theory.Preset p = io.github.softmaxicl.theory.Preset.SMALL;
    ProblemConfig c = p.config();
    SpectralState init = p.initialState();
    io.github.softmaxicl.theory.Instance instance = new io.github.softmaxicl.theory.Instance(c, init,
        p.defaultTEnd(), io.github.softmaxicl.numerics.reduced.WarmupPredictor.predict(c, init));
    HandBuilt.Reduced r = new HandBuilt.Reduced(c, init);
    r.tEnd = p.defaultTEnd();
    ReducedRun run = r.build();
    double[][] mu = new double[c.tasks()][];
    for (int i = 0; i < mu.length; i++) {
      mu[i] = ReducedRunChecks.muOfTask(init, i);
    }
    java.util.List<Verdict> verdicts = ReducedRunChecks.check("x", run, instance,
        java.util.Optional.of(new PhaseReference(run, mu)));
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (Verdict v : verdicts) {
      ids.add(v.claimId());
    }
    java.util.List<String> expected = new java.util.ArrayList<>();
    for (io.github.softmaxicl.theory.Claim claim : ReducedRunChecks.claims()) {
      expected.add(claim.id());
    }
    assertEquals(expected, ids);
    assertEquals(java.util.List.of("P1-convergence", "P1-off-task", "P2-phases", "P2-emergence", "P2-inclination",
        "P3-allocation", "P7-saturation"), ids);
  }

  @Test
  void convergenceHasNoDecayToCompareWhenTheReferenceTimeIsTheEnd() {
    // 2 x the last emergence end 50 is t_end = 100 itself: the tail cannot be compared with an earlier one.
    HandBuilt.Reduced r = converged(1e-3, 5e-3, 5e-4);
    r.emergenceEnds = new double[] {50, 10};
    Verdict v = ReducedRunChecks.convergence("c", r.build());
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
  }
}
