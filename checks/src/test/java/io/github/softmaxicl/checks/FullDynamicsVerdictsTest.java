package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.comparison.Comparison;
import io.github.softmaxicl.numerics.comparison.CriterionDrift;
import io.github.softmaxicl.numerics.comparison.ErrorBudget;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.SaddleEscape;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The P6 verdicts of {@link FullDynamicsChecks} as pure functions of hand-built comparisons, drift and saddle
 * measurements (no integration: the full-model runs behind them are the experiments' tests). Each test pins one
 * condition of a verdict: the value that passes, the value just past it that fails, and the measured number. The
 * numbers are chosen exactly representable (L = 8, ω = 0 so the rate error is 1/8) so that boundaries are hit
 * exactly.
 */
class FullDynamicsVerdictsTest {
  /** Blocks 2 + 2, H = 2, L = 8, σ = 0. */
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {2, 2}, 2, 8, 0.0, 1.0);
  /** 3 (sampling + tilt) = 0.375 exactly; warm-up budget expm1((0.375 + 1/8) · 1) = e^0.5 − 1. */
  private static final ErrorBudget BUDGET = new ErrorBudget(0.0625, 0.0625, 0.125, StrictMath.E / 8, 0.5, 1.0);
  private static final double NOISE = 0.375;
  /** Reduced half-signal times. */
  private static final double[] RED_HALF = {2.0, 4.0};

  private static SpectralState flat() {
    return HandBuilt.state(new double[2][2], new double[][] {{1, 0}, {0, 1}});
  }

  /** A reduced run with ω = 0 throughout: its time-averaged rate error is exactly 1/L = 0.125 on every task. */
  private static ReducedRun reduced() {
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, flat());
    r.half = RED_HALF.clone();
    r.samples(HandBuilt.sample(0, flat()), HandBuilt.sample(1, flat()), HandBuilt.sample(2, flat()),
        HandBuilt.sample(3, flat()), HandBuilt.sample(4, flat()), HandBuilt.sample(5, flat()));
    return r.build();
  }

  private static FullRun full(double offStructure) {
    return HandBuilt.full(C, flat(), offStructure, List.of(), Double.NaN);
  }

  /**
   * A comparison with warm-up deviation {@code dev} (ω; μ half of it), full half-signal times red · (1 + x_i),
   * allocations as given and the full run's off-structure norm.
   */
  private static Comparison comparison(double dev, double[] x, int[] fullAlloc, double offStructure) {
    double[] fullHalf = new double[2];
    for (int i = 0; i < 2; i++) {
      fullHalf[i] = RED_HALF[i] * (1 + x[i]);
    }
    return new Comparison(C, 1.0, 16, 3L, 10.0, 2.0, dev, 0.5 * dev, fullAlloc, new int[] {0, 1}, fullHalf,
        RED_HALF, 6.0, 6.0, BUDGET, full(offStructure), reduced());
  }

  private static Comparison comparison(double dev, double... x) {
    return comparison(dev, x, new int[] {0, 1}, 0.0);
  }

  // ---- the model error and the half-signal ratio ----

  @Test
  void rateErrorIsTheExpansionTermPlusTheMomentTerm() {
    ProblemConfig c = ProblemConfig.of(5, new int[] {2, 3}, 2, 10, 0.0, 1.0);
    SpectralState s = HandBuilt.state(new double[][] {{0.1, 0.3}, {0.5, 0.0}}, new double[2][2]);
    // q = 2 (0.01) + 3 (0.09) = 0.29; quartic = 2 (1e-4) + 3 (0.0081) = 0.0245.
    assertEquals(StrictMath.exp(0.29) / 10 + 0.0245, FullDynamicsChecks.rateError(c, s, 0), 1e-15);
    assertEquals(StrictMath.exp(0.5) / 10 + 2 * 0.0625, FullDynamicsChecks.rateError(c, s, 1), 1e-15);
  }

  @Test
  void modelErrorIsTheTrapezoidAverageUpToTheFirstSampleAtTheHalfSignalTime() {
    // Head 0 serves task 0 and its omega grows; samples after t_half must not count (the last one is absurd).
    SpectralState s0 = HandBuilt.state(new double[][] {{0.0, 0.0}, {0, 0}}, new double[2][2]);
    SpectralState s1 = HandBuilt.state(new double[][] {{0.2, 0.1}, {0, 0.3}}, new double[2][2]);
    SpectralState s2 = HandBuilt.state(new double[][] {{0.4, 0.1}, {0, 0.5}}, new double[2][2]);
    SpectralState wild = HandBuilt.state(new double[][] {{3, 3}, {3, 3}}, new double[2][2]);
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, s0);
    r.half = new double[] {2.0, 1.5};
    r.samples(HandBuilt.sample(0, s0), HandBuilt.sample(1, s1), HandBuilt.sample(3, s2), HandBuilt.sample(4, wild));
    double[] m = FullDynamicsChecks.halfSignalModelError(r.build());
    double[] e0 = {rate(s0, 0), rate(s1, 0), rate(s2, 0)};
    // Task 0: t_half = 2, the first sample at or after it is t = 3.
    double task0 = (0.5 * (e0[0] + e0[1]) * 1 + 0.5 * (e0[1] + e0[2]) * 2) / 3;
    assertEquals(task0, m[0], 1e-15);
    // Task 1 (head 1): t_half = 1.5, stops at t = 3 as well.
    double[] e1 = {rate(s0, 1), rate(s1, 1), rate(s2, 1)};
    assertEquals((0.5 * (e1[0] + e1[1]) + 0.5 * (e1[1] + e1[2]) * 2) / 3, m[1], 1e-15);
    assertTrue(m[0] > 0.125 && m[0] < 0.2, "between the warm-up's 1/L and the limit's: " + m[0]);
  }

  @Test
  void aHalfSignalTimeOnASampleStopsTheAverageThere() {
    SpectralState s0 = HandBuilt.state(new double[2][2], new double[2][2]);
    SpectralState wild = HandBuilt.state(new double[][] {{3, 3}, {3, 3}}, new double[2][2]);
    HandBuilt.Reduced r = new HandBuilt.Reduced(C, s0);
    r.half = new double[] {2.0, 2.0};
    r.samples(HandBuilt.sample(0, s0), HandBuilt.sample(1, s0), HandBuilt.sample(2, s0), HandBuilt.sample(3, wild));
    for (double m : FullDynamicsChecks.halfSignalModelError(r.build())) {
      assertEquals(0.125, m, 0.0, "omega = 0 up to t_half = 2: exactly 1/L");
    }
  }

  @Test
  void aMissingOrUnreachedHalfSignalTimeIsChargedTheLimitValue() {
    double limit = StrictMath.E / 8 + 0.5;
    for (double th : new double[] {Double.NaN, 0.0, -1.0, Double.POSITIVE_INFINITY, 7.0}) {
      HandBuilt.Reduced r = new HandBuilt.Reduced(C, flat());
      r.half = new double[] {th, 2.0};
      r.samples(HandBuilt.sample(0, flat()), HandBuilt.sample(2, flat()), HandBuilt.sample(5, flat()));
      double[] m = FullDynamicsChecks.halfSignalModelError(r.build());
      assertEquals(limit, m[0], 1e-15, "t_half = " + th);
      assertEquals(0.125, m[1], 0.0, "task 1 is unaffected");
    }
    HandBuilt.Reduced none = new HandBuilt.Reduced(C, flat());
    assertEquals(limit, FullDynamicsChecks.halfSignalModelError(none.build())[0], 1e-15, "no trajectory");
    HandBuilt.Reduced partial = new HandBuilt.Reduced(C, flat());
    partial.allocation = new int[] {0};
    partial.samples(HandBuilt.sample(0, flat()), HandBuilt.sample(20, flat()));
    assertEquals(limit, FullDynamicsChecks.halfSignalModelError(partial.build())[0], 1e-15,
        "an allocation that does not cover the tasks");
  }

  @Test
  void halfSignalRatioIsTheWorstTasksDeviationOverItsOwnBudget() {
    assertEquals(2.0, FullDynamicsChecks.halfSignalRatio(new double[] {1.0, 2.5}, new double[] {1.0, 2.0}, 0.125,
        new double[] {0.5, 0.0}), 1e-15);
    assertEquals(1.0, FullDynamicsChecks.halfSignalRatio(new double[] {0.5, 2.0}, new double[] {1.0, 2.0}, 0.25,
        new double[] {0.25, 0.125}), 0.0);
    assertTrue(Double.isNaN(FullDynamicsChecks.halfSignalRatio(new double[] {Double.NaN, 2.0},
        new double[] {1.0, 2.0}, 0.25, new double[] {0.25, 0.25})));
    assertEquals("[0.375 + 0.125, 0.375 + 0.500]", FullDynamicsChecks.budgets(0.375, new double[] {0.125, 0.5}));
  }

  // ---- P6-technique ----

  @Test
  void techniquePassesWithinBothBudgetsAndMeasuresTheLargerRatio() {
    double warm = BUDGET.warmupDeviation();
    assertEquals(StrictMath.expm1(0.5), warm, 1e-15);
    Verdict v = FullDynamicsChecks.technique("t", comparison(0.4 * warm, 0.25, -0.125));
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals(0.5, v.measured(), 1e-15, "time ratio 0.25 / (0.375 + 0.125)");
    Verdict w = FullDynamicsChecks.technique("t", comparison(0.8 * warm, 0.25, 0.0));
    assertEquals(0.8, w.measured(), 1e-12, "warm-up ratio");
    assertEquals(Verdict.Status.PASS, w.status());
  }

  @Test
  void techniqueHoldsAtItsBudgetsAndFailsPastThem() {
    double warm = BUDGET.warmupDeviation();
    Verdict atBoth = FullDynamicsChecks.technique("t", comparison(warm, 0.5, -0.5));
    assertEquals(Verdict.Status.PASS, atBoth.status(), atBoth.evidence().toString());
    assertEquals(1.0, atBoth.measured(), 0.0);
    Verdict warmOver = FullDynamicsChecks.technique("t", comparison(1.01 * warm, 0.0, 0.0));
    assertEquals(Verdict.Status.FAIL, warmOver.status());
    Verdict timeOver = FullDynamicsChecks.technique("t", comparison(0.0, 0.0, 0.51));
    assertEquals(Verdict.Status.FAIL, timeOver.status());
    assertEquals(1.02, timeOver.measured(), 1e-12);
  }

  @Test
  void techniqueFailsOnADifferentAllocationOrALostStructure() {
    Verdict swapped = FullDynamicsChecks.technique("t", comparison(0.0, new double[] {0, 0}, new int[] {1, 0}, 0));
    assertEquals(Verdict.Status.FAIL, swapped.status());
    assertTrue(swapped.evidence().contains("allocation full [2, 1], reduced [1, 2]"), swapped.evidence().toString());
    double r = FullDynamicsChecks.STRUCTURE_ROUND_OFF;
    assertEquals(Verdict.Status.FAIL, FullDynamicsChecks.technique("t",
        comparison(0.0, new double[] {0, 0}, new int[] {0, 1}, r)).status(), "at the round-off bound");
    assertEquals(Verdict.Status.PASS, FullDynamicsChecks.technique("t",
        comparison(0.0, new double[] {0, 0}, new int[] {0, 1}, 0.99 * r)).status(), "below it");
  }

  @Test
  void techniqueEvidenceStatesTheSampleAndTheBudgets() {
    Verdict v = FullDynamicsChecks.technique("t", comparison(0.1, 0.25, 0.0));
    String ev = String.join("\n", v.evidence());
    assertTrue(ev.contains("criterion omega(0) sqrt(L N) = 10.0 (N = 16 independent draws x 4 sign-flip images, "
        + "init scale k = 1.000)"), ev);
    assertTrue(ev.contains("largest relative deviation omega 0.100, mu 0.0500; budget 0.649"), ev);
    assertTrue(ev.contains("[0.375 + 0.125, 0.375 + 0.125]; deviation / budget 0.500"), ev);
  }

  // ---- P6-ladder ----

  /** A rung on config C: one comparison per sample, the sample's half-signal times off by x on both tasks. */
  private static List<Comparison> rung(double... x) {
    List<Comparison> out = new ArrayList<>();
    for (double xs : x) {
      out.add(comparison(0.0, xs, xs));
    }
    return out;
  }

  @Test
  void ladderPassesWhenTheSystematicDiscrepancyShrinks() {
    FullDynamicsChecks.PlottedVerdict p = FullDynamicsChecks.ladder(List.of(rung(0.25, 0.375), rung(0.125, 0.1875)));
    assertEquals(Verdict.Status.PASS, p.verdict().status(), p.verdict().evidence().toString());
    assertEquals(0.75, p.verdict().measured(), 1e-15, "largest deviation / budget: 0.375 / 0.5");
    Sweep.Series systematic = p.plot().series().get(0);
    assertEquals(8.0, systematic.x()[0]);
    assertEquals(0.3125, systematic.y()[0], 1e-15, "mean of the sample means");
    assertEquals(0.0625, systematic.yError()[0], 1e-15, "SE = spread / sqrt(samples)");
    assertEquals(0.15625, systematic.y()[1], 1e-15);
    assertEquals(0.15625, p.plot().series().get(1).y()[1], 1e-15, "mean largest half-signal deviation of rung 2");
    assertEquals(0.0, p.plot().series().get(2).y()[0], 0.0, "mean warm-up deviation");
  }

  @Test
  void ladderFailsWhenTheDiscrepancyGrowsOrStaysBeyondItsNoise() {
    Verdict grows = FullDynamicsChecks.ladder(List.of(rung(0.25, 0.25), rung(0.375, 0.3125))).verdict();
    assertEquals(Verdict.Status.FAIL, grows.status(), grows.evidence().toString());
    assertTrue(grows.evidence().stream().anyMatch(e -> e.contains("NOT smaller than the previous rung's")),
        grows.evidence().toString());
    Verdict same = FullDynamicsChecks.ladder(List.of(rung(0.25, 0.25), rung(0.25, 0.25))).verdict();
    assertEquals(Verdict.Status.FAIL, same.status(), "equal, with no spread: not smaller, not within noise");
  }

  @Test
  void ladderAcceptsAGrowthWithinTwoStandardErrorsOfZero() {
    // Rung 2's mean 0.03125 exceeds rung 1's 0.015625, but its SE is 0.34375: within noise of 0.
    Verdict v = FullDynamicsChecks.ladder(List.of(rung(0.015625, 0.015625), rung(0.375, -0.3125))).verdict();
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
  }

  @Test
  void ladderFailsOnAnyRunOutsideItsBudgetOrTooFewRungsOrSamples() {
    List<Comparison> bad = new ArrayList<>(rung(0.25, 0.25));
    bad.set(1, comparison(0.0, new double[] {0.25, 0.25}, new int[] {1, 0}, 0.0));
    Verdict v = FullDynamicsChecks.ladder(List.of(bad, rung(0.125, 0.125))).verdict();
    assertEquals(Verdict.Status.FAIL, v.status());
    assertTrue(v.evidence().stream().anyMatch(e -> e.contains("allocation DIFFERENT - outside the budget")),
        v.evidence().toString());
    Verdict late = FullDynamicsChecks.ladder(List.of(rung(0.25, 0.25), List.of(comparison(0.0, 0.125, 0.125),
        comparison(2 * BUDGET.warmupDeviation(), 0.125, 0.125)))).verdict();
    assertEquals(Verdict.Status.FAIL, late.status(), "a run past its warm-up budget on the last rung");
    assertEquals(2.0, late.measured(), 1e-15);
    Verdict one = FullDynamicsChecks.ladder(List.of(rung(0.25, 0.25))).verdict();
    assertEquals(Verdict.Status.FAIL, one.status());
    assertTrue(one.evidence().contains("a ladder needs at least two rungs"), one.evidence().toString());
    Verdict thin = FullDynamicsChecks.ladder(List.of(rung(0.25, 0.25), rung(0.125))).verdict();
    assertEquals(Verdict.Status.FAIL, thin.status());
    assertTrue(thin.evidence().contains("a rung needs at least two independent samples"));
  }

  // ---- P6-criterion ----

  /**
   * Samples at t = 1..8: measured ln(μ_full/μ_red) = a t + 0.01 t² on every head and task, predicted 0.05 t,
   * spread {@code spread} · t, useful growth as given.
   */
  private static CriterionDrift.Result drift(double a, double spread, double useful) {
    List<CriterionDrift.Sample> samples = new ArrayList<>();
    for (int k = 1; k <= 8; k++) {
      double y = a * k + 0.01 * k * k;
      samples.add(new CriterionDrift.Sample(k, new double[][] {{y, y}, {y, y}}, new double[] {0.05 * k, 0.05 * k},
          new double[] {spread * k, spread * k}));
    }
    return new CriterionDrift.Result(C, 5L, 4000, 0.5, samples, new double[] {useful, useful}, full(0.1));
  }

  @Test
  void criterionPassesOnTheFrozenTermsSlopeAndMeasuresTheGapInSpreadSlopes() {
    FullDynamicsChecks.PlottedVerdict p = FullDynamicsChecks.criterionDrift("c", drift(0.05, 0.1, 1.0));
    assertEquals(Verdict.Status.PASS, p.verdict().status(), p.verdict().evidence().toString());
    assertTrue(p.verdict().measured() < 1e-9, "exact quadratic data: " + p.verdict().measured());
    Verdict off = FullDynamicsChecks.criterionDrift("c", drift(0.058, 0.1, 1.0)).verdict();
    assertEquals(Verdict.Status.PASS, off.status(), "0.08 spread slopes: within 0.1");
    assertEquals(0.08, off.measured(), 1e-9);
    Verdict far = FullDynamicsChecks.criterionDrift("c", drift(0.062, 0.1, 1.0)).verdict();
    assertEquals(Verdict.Status.FAIL, far.status());
    assertEquals(0.12, far.measured(), 1e-9);
    Verdict below = FullDynamicsChecks.criterionDrift("c", drift(0.042, 0.1, 1.0)).verdict();
    assertEquals(Verdict.Status.PASS, below.status());
    assertEquals(0.08, below.measured(), 1e-9);
  }

  @Test
  void criterionFailsWhereTheCriterionIsNotViolated() {
    // Spread at t_end 0.8: violated while it exceeds half the useful growth; at exactly half it is not.
    assertEquals(Verdict.Status.PASS, FullDynamicsChecks.criterionDrift("c", drift(0.05, 0.1, 1.5)).verdict()
        .status());
    Verdict at = FullDynamicsChecks.criterionDrift("c", drift(0.05, 0.1, 1.6)).verdict();
    assertEquals(Verdict.Status.FAIL, at.status(), at.evidence().toString());
    assertTrue(at.evidence().stream().anyMatch(e -> e.contains("the criterion is not violated here")));
  }

  @Test
  void criterionPlotsEveryPairBesideThePredictionAndItsSpread() {
    Sweep plot = FullDynamicsChecks.criterionDrift("c", drift(0.05, 0.1, 1.0)).plot();
    assertEquals(4 + 3 * 2, plot.series().size(), "2 x 2 measured pairs, 3 curves per task");
    Sweep.Series measured = plot.series().get(0);
    assertFalse(measured.theory());
    assertEquals(8, measured.x().length);
    assertEquals(0.05 * 8 + 0.64, measured.y()[7], 1e-12);
    Sweep.Series pred = plot.series().get(4);
    Sweep.Series lo = plot.series().get(5);
    Sweep.Series hi = plot.series().get(6);
    assertEquals("task 1: frozen-term prediction", pred.name());
    assertEquals(0.0, pred.y()[0], 0.0, "starts at the origin");
    assertEquals(0.4, pred.y()[8], 1e-12);
    assertEquals(0.4 - 0.8, lo.y()[8], 1e-12);
    assertEquals(0.4 + 0.8, hi.y()[8], 1e-12);
  }

  // ---- P6-saddle ----

  /**
   * A saddle measurement with {@code count} linear-regime intervals of rate and prediction 0.2 (gap 0), the
   * curvature and slope given, g at the limit equal to the closed form; trajectory with the pair's μ negative at
   * t = 5 only.
   */
  private static SaddleEscape.Result saddle(int count, double curvature, double slope, double curvatureBudget,
      double escapeTime) {
    List<SaddleEscape.Interval> intervals = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      double t0 = 2 + 0.5 * k;
      intervals.add(new SaddleEscape.Interval(t0, t0 + 0.5, 1e-4 * StrictMath.exp(0.2 * (t0 + 0.5 - 2)), 0.2, 0.2,
          0.1));
    }
    SpectralState neg = HandBuilt.state(new double[2][2], new double[][] {{1, 0}, {-0.001, 1}});
    SpectralState pos = HandBuilt.state(new double[2][2], new double[][] {{1, 0}, {0.001, 1}});
    SpectralState zero = HandBuilt.state(new double[2][2], new double[][] {{1, 0}, {0, 1}});
    List<TrajectorySample> traj = List.of(HandBuilt.sample(4, pos), HandBuilt.sample(5, neg),
        HandBuilt.sample(6, pos), HandBuilt.sample(7, zero));
    FullRun run = HandBuilt.full(C, neg, 0.0, traj, escapeTime);
    return new SaddleEscape.Result(C, 1, 0, 9L, 96, curvature, slope, curvatureBudget, 0.15, 0.01, 0.15, 0.1,
        intervals, run);
  }

  @Test
  void saddlePassesAtTheCurvatureBudgetAndFailsPastIt() {
    Verdict exact = FullDynamicsChecks.saddle("s", saddle(20, -0.5, 0.5, 0.25, Double.NaN)).verdict();
    assertEquals(Verdict.Status.PASS, exact.status(), exact.evidence().toString());
    assertEquals(0.0, exact.measured(), 0.0);
    Verdict at = FullDynamicsChecks.saddle("s", saddle(20, -0.25, 0.5, 0.25, Double.NaN)).verdict();
    assertEquals(Verdict.Status.PASS, at.status(), "|curvature + g| = budget");
    assertEquals(1.0, at.measured(), 0.0);
    Verdict past = FullDynamicsChecks.saddle("s", saddle(20, -0.125, 0.5, 0.25, Double.NaN)).verdict();
    assertEquals(Verdict.Status.FAIL, past.status());
    assertEquals(1.5, past.measured(), 0.0);
  }

  @Test
  void saddleNeedsTwentyIntervals() {
    assertEquals(Verdict.Status.PASS, FullDynamicsChecks.saddle("s", saddle(20, -0.5, 0.5, 0.25, Double.NaN))
        .verdict().status());
    Verdict v = FullDynamicsChecks.saddle("s", saddle(19, -0.5, 0.5, 0.25, Double.NaN)).verdict();
    assertEquals(Verdict.Status.FAIL, v.status());
    assertTrue(v.evidence().contains("too few intervals in the linear regime to measure the rate"));
  }

  @Test
  void saddleFailsOnALocalRateOrClosedFormOffItsBudget() {
    SaddleEscape.Result ok = saddle(20, -0.5, 0.5, 0.25, Double.NaN);
    List<SaddleEscape.Interval> intervals = new ArrayList<>(ok.intervals());
    SaddleEscape.Interval i = intervals.get(7);
    intervals.set(7, new SaddleEscape.Interval(i.t0(), i.t1(), i.absMu(), 0.25, 0.2, 0.1));
    Verdict local = FullDynamicsChecks.saddle("s", new SaddleEscape.Result(C, 1, 0, 9L, 96, -0.5, 0.5, 0.25, 0.1,
        0.01, 0.1, 0.1, intervals, ok.run())).verdict();
    assertEquals(Verdict.Status.FAIL, local.status());
    assertEquals(2.5, local.measured(), 1e-12, "gap 0.25 over budget 0.1");
    // g at the limit 0.15 against the closed form 0.1: gap 0.05 over 4 (0.01) + 0.1 (0.1) = 0.05.
    Verdict closed = FullDynamicsChecks.saddle("s", new SaddleEscape.Result(C, 1, 0, 9L, 96, -0.5, 0.5, 0.25,
        0.15, 0.01, 0.1, 0.1, ok.intervals(), ok.run())).verdict();
    assertEquals(1.0, closed.measured(), 1e-12);
    Verdict closedFar = FullDynamicsChecks.saddle("s", new SaddleEscape.Result(C, 1, 0, 9L, 96, -0.5, 0.5, 0.25,
        0.2, 0.01, 0.1, 0.1, ok.intervals(), ok.run())).verdict();
    assertEquals(Verdict.Status.FAIL, closedFar.status());
  }

  @Test
  void saddleEvidenceSaysWhetherThePairEscaped() {
    String none = String.join("\n", FullDynamicsChecks.saddle("s", saddle(20, -0.5, 0.5, 0.25, Double.NaN))
        .verdict().evidence());
    assertTrue(none.contains("no escape past -1e-3 mu*"), none);
    String escaped = String.join("\n", FullDynamicsChecks.saddle("s", saddle(20, -0.5, 0.5, 0.25, 12.0))
        .verdict().evidence());
    assertTrue(escaped.contains("escape (off-task mu < -1e-3 mu*) at t = 12.00"), escaped);
    assertFalse(escaped.contains("no escape"), escaped);
  }

  @Test
  void saddlePlotsTheNegativeMuAndTheProbedAndClosedFormGrowth() {
    Sweep plot = FullDynamicsChecks.saddle("s", saddle(20, -0.5, 0.5, 0.25, Double.NaN)).plot();
    Sweep.Series measured = plot.series().get(0);
    assertEquals("full flow, head 2 on task 1", measured.name());
    assertEquals(1, measured.x().length, "only the sample with mu < 0 (not the one at 0)");
    assertEquals(5.0, measured.x()[0]);
    assertEquals(0.001, measured.y()[0], 0.0);
    Sweep.Series probed = plot.series().get(1);
    assertEquals(21, probed.x().length);
    assertEquals(2.0, probed.x()[0]);
    assertEquals(1e-4, probed.y()[0], 1e-18, "the first interval's mu at its start");
    assertEquals(12.0, probed.x()[20]);
    assertEquals(1e-4 * StrictMath.exp(0.2 * 10), probed.y()[20], 1e-17);
    Sweep.Series closed = plot.series().get(2);
    assertEquals(2, closed.x().length);
    assertEquals(2.0, closed.x()[0]);
    assertEquals(12.0, closed.x()[1]);
    assertEquals(1e-4 * StrictMath.exp(2 * 0.15 * 10), closed.y()[1], 1e-16);
    Sweep empty = FullDynamicsChecks.saddle("s", saddle(0, -0.5, 0.5, 0.25, Double.NaN)).plot();
    assertEquals(0, empty.series().get(1).x().length, "no intervals, no prediction");
  }

  @Test
  void saddleEvidenceStatesTheCurvatureAgainstMinusG() {
    String line = FullDynamicsChecks.saddle("s", saddle(20, -0.25, 0.5, 0.25, Double.NaN)).verdict().evidence()
        .get(0);
    assertEquals("curvature of the sample loss along o = -v at the limit -0.250000 against -g = -0.500000: gap 0.25, "
        + "budget 0.25 (s^4 term and round-off)", line);
  }

  @Test
  void ladderCountsARunOnItsBudgetsAsWithinAndStatesEachRung() {
    double warm = BUDGET.warmupDeviation();
    // Sample 1 sits on both budgets (warm-up deviation = its budget, time ratio 1); sample 2 at a quarter of them.
    List<Comparison> first = List.of(comparison(warm, 0.5, 0.5), comparison(0.25 * warm, 0.25, 0.25));
    FullDynamicsChecks.PlottedVerdict p = FullDynamicsChecks.ladder(List.of(first, rung(0.125, 0.125)));
    Verdict v = p.verdict();
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals(1.0, v.measured(), 0.0);
    String line = v.evidence().get(0);
    assertTrue(line.startsWith("blocks [2, 2], L = 8 (d_i/L = 0.250), N = 16, criterion 10.0, 2 samples: systematic "
        + "half-signal discrepancy +0.3750 +- "), line);
    assertTrue(line.endsWith("(SE); mean largest half-signal deviation 0.375 (mean budget 0.500), mean warm-up "
        + "deviation " + ReducedRunChecks.fmt("%.3g", 0.625 * warm) + " (budget 0.649); 2 of 2 samples within the "
        + "budget with the same allocation"), line);
    assertFalse(String.join("\n", v.evidence()).contains("NOT smaller"), v.evidence().toString());
    assertFalse(v.evidence().contains("a ladder needs at least two rungs"));
    assertEquals(0.625 * warm, p.plot().series().get(2).y()[0], 1e-15, "mean warm-up deviation of rung 1");
    assertEquals(0.375, p.plot().series().get(1).y()[0], 0.0, "mean largest half-signal deviation of rung 1");
  }

  @Test
  void ladderCountsARunAtTheStructureRoundOffAsOutside() {
    List<Comparison> first = List.of(comparison(0.0, new double[] {0.25, 0.25}, new int[] {0, 1},
        FullDynamicsChecks.STRUCTURE_ROUND_OFF), comparison(0.0, 0.25, 0.25));
    Verdict v = FullDynamicsChecks.ladder(List.of(first, rung(0.125, 0.125))).verdict();
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertTrue(v.evidence().get(0).contains("allocation same - outside the budget"), v.evidence().get(0));
  }

  @Test
  void ladderAcceptsADiscrepancyOfExactlyTwoStandardErrors() {
    // Rung 2: m = 0.25 > rung 1's 0.125, SE = 0.125, so |m| = 2 SE exactly.
    Verdict v = FullDynamicsChecks.ladder(List.of(rung(0.125, 0.125), rung(0.375, 0.125))).verdict();
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
  }

  @Test
  void criterionEvidenceStatesEachTaskAndPair() {
    FullDynamicsChecks.PlottedVerdict p = FullDynamicsChecks.criterionDrift("c", drift(0.05, 0.1, 1.0));
    List<String> ev = p.verdict().evidence();
    assertEquals("plain sample of N = 4000 prompts (seed 5), paper init: criterion omega(0) sqrt(L N) = 0.500; "
        + "off-structure norm at t = 8.000: 0.100 (a plain sample leaves the decomposable set)", ev.get(0));
    assertEquals("task 1 at t = 8.000: predicted drift 0.4000, spread over samples 0.8000, reduced flow's own growth "
        + "of ln mu 1.0000", ev.get(1));
    assertTrue(ev.get(3).startsWith("head 2, task 1: ln(mu_full/mu_red) at t_end 1.0400 against the first-order "
        + "prediction 0.4000; fit a t + b t^2 over t <= 4.00: a = 0.05000 against the predicted slope 0.05000, gap "),
        ev.get(3));
    assertTrue(ev.get(3).endsWith("spread/t; over the whole run a = 0.05000, b t_end^2 = 0.6400 (second order)"),
        ev.get(3));
    assertTrue(ev.get(4).startsWith("task 2 at t = 8.000"), ev.get(4));
    assertTrue(ev.get(6).startsWith("head 2, task 2:"), ev.get(6));
    List<String> names = new ArrayList<>();
    for (Sweep.Series s : p.plot().series()) {
      names.add(s.name());
    }
    assertEquals(List.of("head 1, task 1: measured", "head 2, task 1: measured", "head 1, task 2: measured",
        "head 2, task 2: measured", "task 1: frozen-term prediction", "task 1: prediction - spread",
        "task 1: prediction + spread", "task 2: frozen-term prediction", "task 2: prediction - spread",
        "task 2: prediction + spread"), names);
  }

  // ---- the end state ----

  @Test
  void endStateListsOffTaskMuBelowTheDebiasingThreshold() {
    double edge = -1e-3 * ClosedForms.muStar(C, 0);
    SpectralState atEdge = HandBuilt.state(new double[2][2], new double[][] {{1, 0}, {edge, 1}});
    assertTrue(FullDynamicsChecks.endState(HandBuilt.full(C, atEdge, 0, List.of(), Double.NaN))
        .endsWith("no off-task mu below -1e-3 mu*"), "at the threshold is not below it");
    SpectralState justBelow = HandBuilt.state(new double[2][2], new double[][] {{1, 0}, {1.1 * edge, 1}});
    assertTrue(FullDynamicsChecks.endState(HandBuilt.full(C, justBelow, 0, List.of(), Double.NaN))
        .contains("negative off-task mu"), "10 % past -1e-3 mu*");
    SpectralState below = HandBuilt.state(new double[2][2], new double[][] {{1, -0.5}, {2 * edge, 1}});
    String s = FullDynamicsChecks.endState(HandBuilt.full(C, below, 0, List.of(), Double.NaN));
    assertTrue(s.contains("negative off-task mu"), s);
    assertTrue(s.contains("mu_2^1 = -0.500, mu_1^2 = "), s);
    assertTrue(s.startsWith("end state: loss 0.50000 in-sample, 0.55000 +- 0.010 fresh (F* = 0.50000); "), s);
  }

  private static double rate(SpectralState s, int head) {
    return FullDynamicsChecks.rateError(C, s, head);
  }

  @Test
  void criterionHoldsWithTheGapExactlyAtItsTolerance() {
    double tol = io.github.softmaxicl.theory.Claims.P6_CRITERION.tolerance();
    // Fitted slope 0.13 against the predicted 0.05; the spread's slope is solved so that the gap is tol exactly.
    CriterionDrift.Result probe = drift(0.13, 0.8, 1.0);
    double d = Math.abs(probe.fit(0, 0, 4.0)[0] - probe.predictedSlope(0));
    double sp = Exact.solve(x -> d / ((x * 8) / 8), 0.8, tol);
    Verdict v = FullDynamicsChecks.criterionDrift("c", drift(0.13, sp, 1.0)).verdict();
    assertEquals(tol, v.measured(), 0.0);
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
  }

  @Test
  void ladderStandardErrorUsesTheSampleVarianceOverTheSamples() {
    // Three samples 1/8, 1/4, 3/8: m = 1/4, sample variance (2 / 64) / 2 = 1/64, SE = sqrt(1/64 / 3).
    Sweep plot = FullDynamicsChecks.ladder(List.of(rung(0.125, 0.25, 0.375), rung(0.125, 0.125))).plot();
    assertEquals(0.25, plot.series().get(0).y()[0], 0.0);
    assertEquals(Math.sqrt(1.0 / 64 / 3), plot.series().get(0).yError()[0], 1e-16);
  }
}
