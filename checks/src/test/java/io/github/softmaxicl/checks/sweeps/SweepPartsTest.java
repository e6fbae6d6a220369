package io.github.softmaxicl.checks.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.checks.Exact;
import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The P4 and model-error verdicts at their edges, the few-heads observation plot, and the sweep entry point, on
 * hand-made measurements (the consistent cases and the gross failures are in {@link SweepChecksTest}).
 */
class SweepPartsTest {
  // ---- P6-model-error ----

  /** Rungs at L = 100, 200, ... with leading order 1.05, Monte Carlo 1 ± se, refined 1 + e. */
  private static ModelErrorMeasurements ladder(double se, double... refinedErrors) {
    List<ModelErrorMeasurements.Rung> rungs = new ArrayList<>();
    int l = 100;
    for (double e : refinedErrors) {
      rungs.add(new ModelErrorMeasurements.Rung(l, 1.05, 1 + e, 1.0, se));
      l *= 2;
    }
    return new ModelErrorMeasurements(ProblemConfig.of(16, new int[] {8, 8}, 2, 100, 0.0, 1.0), 0.35, 2.5, 10_000,
        refinedErrors.length, rungs, null);
  }

  private static Verdict modelError(ModelErrorMeasurements m) {
    return ModelErrorCheck.check(m).verdicts().get(0);
  }

  @Test
  void modelErrorEvidenceStatesEachRungsErrors() {
    Part p = ModelErrorCheck.check(ladder(0.001, 0.04, 0.02));
    Verdict v = p.verdicts().get(0);
    assertEquals("L=100: MC 1.00000 +- 0.00100, leading order 1.05000 (error +0.05000, 5.0%), refined 1.04000 "
        + "(error +0.04000, 4.0%)", v.evidence().get(0));
    assertEquals("L=200: MC 1.00000 +- 0.00100, leading order 1.05000 (error +0.05000, 5.0%), refined 1.02000 "
        + "(error +0.02000, 2.0%)", v.evidence().get(1));
    assertEquals("L=100: |e_LO| - |e_ref| = 0.01000 vs 4 SE = 0.00400", v.evidence().get(2));
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    Sweep.Series lo = p.plot().series().get(0);
    assertEquals(200.0, lo.x()[1]);
    assertEquals(0.05, lo.y()[1], 1e-12);
    assertEquals(0.001, lo.yError()[1], 0.0);
    assertEquals(0.02, p.plot().series().get(1).y()[1], 1e-12);
  }

  @Test
  void modelErrorToleratesAnEqualErrorButNeedsAFallOverTheLadder() {
    // Without Monte Carlo noise (se = 0): an error that stays is no significant rise, but no fall either.
    Verdict stays = modelError(ladder(0.0, 0.04, 0.04, 0.01));
    assertEquals(Verdict.Status.PASS, stays.status(), stays.evidence().toString());
    Verdict flat = modelError(ladder(0.0, 0.04, 0.04));
    assertEquals(Verdict.Status.FAIL, flat.status());
    assertTrue(flat.evidence().contains("refined error does not fall significantly from the first to the last L"),
        flat.evidence().toString());
    assertFalse(flat.evidence().stream().anyMatch(e -> e.startsWith("refined error rises")), flat.evidence()
        .toString());
  }

  @Test
  void modelErrorNamesTheRungsOfASignificantRise() {
    Verdict v = modelError(ladder(0.001, 0.04, 0.01, 0.02, 0.005));
    assertEquals(Verdict.Status.FAIL, v.status());
    assertTrue(v.evidence().contains("refined error rises significantly from L=200 to L=400"), v.evidence()
        .toString());
    // A rise just below 2 standard errors of the difference (0.001 sqrt 2) is not significant.
    Verdict within = modelError(ladder(0.001, 0.04, 0.01, 0.01 + 2 * Math.sqrt(2) * 0.001 - 1e-6, 0.005));
    assertEquals(Verdict.Status.PASS, within.status(), within.evidence().toString());
  }

  @Test
  void modelErrorNeedsTheRefinedLossSignificantlyBetterOnTheLastTwoRungs() {
    // Dyadic values, exact: leading-order error 1/16, refined 7/128 on the last two rungs, so |e_LO| - |e_ref| =
    // 1/128 = 4 SE exactly, which is not beyond 4 SE.
    double se = 1.0 / 512;
    List<ModelErrorMeasurements.Rung> rungs = List.of(new ModelErrorMeasurements.Rung(100, 1.0625, 1.25, 1.0, se),
        new ModelErrorMeasurements.Rung(200, 1.0625, 1.0546875, 1.0, se),
        new ModelErrorMeasurements.Rung(400, 1.0625, 1.0546875, 1.0, se));
    Verdict v = modelError(new ModelErrorMeasurements(ProblemConfig.of(16, new int[] {8, 8}, 2, 100, 0.0, 1.0),
        0.35, 2.5, 10_000, 3, rungs, null));
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertEquals("L=400: |e_LO| - |e_ref| = 0.00781 vs 4 SE = 0.00781 [refined not significantly better]",
        v.evidence().get(v.evidence().size() - 1));
    assertTrue(v.evidence().get(v.evidence().size() - 2).startsWith("L=200: "), v.evidence().toString());
    assertEquals(0.875, v.measured(), 0.0);
    assertFalse(v.evidence().stream().anyMatch(e -> e.startsWith("refined error")), v.evidence().toString());
  }

  @Test
  void modelErrorErrsOnATooShortLadder() {
    ModelErrorMeasurements one = ladder(0.001, 0.04);
    Verdict v = modelError(one);
    assertEquals(Verdict.Status.ERROR, v.status());
    assertTrue(v.evidence().get(v.evidence().size() - 1).contains("the ladder has 1 of 1 rungs; at least two are "
        + "needed"), v.evidence().toString());
    assertEquals(Verdict.Status.PASS, modelError(ladder(0.001, 0.04, 0.005)).status(), "two rungs suffice");
  }

  // ---- P4-optimality ----

  private static final int[] LENGTHS = {8, 80, 800};

  private static ProblemConfig blocks44(int l) {
    return ProblemConfig.of(8, new int[] {4, 4}, 2, l, 0.0, 1.0);
  }

  /** Runs at the limit, with task 0's loss scaled by {@code factor} at L = 80. */
  private static OptimalityMeasurements optimality(double tolerance, double factor) {
    List<OptimalityMeasurements.Run> runs = new ArrayList<>();
    for (int l : LENGTHS) {
      ProblemConfig c = blocks44(l);
      double fStar = ClosedForms.fStar(c);
      double t0 = ClosedForms.taskLossStar(c, 0) * (l == 80 ? factor : 1);
      runs.add(new OptimalityMeasurements.Run(c, null, fStar, fStar, 3.0e5, List.of(t0,
          ClosedForms.taskLossStar(c, 1))));
    }
    return new OptimalityMeasurements(tolerance, List.of(new OptimalityMeasurements.BlockSet(List.of(4, 4), runs)));
  }

  private static Verdict optimalityVerdict(OptimalityMeasurements m) {
    return OptimalityCheck.check(m).verdicts().get(0);
  }

  @Test
  void optimalityMeasuresThePerTaskDeviationInUnitsOfItsTolerance() {
    // Task 0's loss 1e-6 high at L = 80: its tolerance is n tol F*/L_0* + 1e-12 = 2e-6 + 1e-12 (equal tasks).
    Verdict v = optimalityVerdict(optimality(1e-6, 1 + 1e-6));
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals(1e-6 / (2e-6 + 1e-12), v.measured(), 1e-6);
    Verdict w = optimalityVerdict(optimality(1e-6, 1 + 3e-6));
    assertEquals(Verdict.Status.FAIL, w.status());
    assertEquals(3e-6 / (2e-6 + 1e-12), w.measured(), 1e-6);
    assertTrue(w.evidence().get(1).endsWith(" [per-task mismatch]"), w.evidence().get(1));
    assertFalse(w.evidence().get(0).contains("[per-task mismatch]"), w.evidence().get(0));
  }

  @Test
  void optimalityEvidenceStatesEachRunAndTheLargestRatio() {
    Verdict v = optimalityVerdict(optimality(1e-6, 1.0));
    ProblemConfig c = blocks44(80);
    double ratio = ClosedForms.fStar(c) / ClosedForms.signedInfimum(c);
    assertTrue(v.evidence().get(1).startsWith(String.format(java.util.Locale.ROOT, "blocks 4,4 L=80 (L/d=10.0): "
        + "F_final/inf = %.9f, closed form %.9f, |F-F*|/F* = 0.00e+00, t_end = 3.00e+05, worst deviation (per task "
        + "and of F) / tolerance = ", ratio, ClosedForms.optimalityRatio(c))), v.evidence().get(1));
    assertFalse(String.join("\n", v.evidence()).contains("[gap not decreasing"), v.evidence().toString());
    assertFalse(String.join("\n", v.evidence()).contains("[NOT below e"), v.evidence().toString());
    double max = ClosedForms.fStar(blocks44(800)) / ClosedForms.signedInfimum(blocks44(800));
    assertEquals(String.format(java.util.Locale.ROOT, "largest F_final / signed infimum %.9f (< e = %.9f: evidence, "
        + "an identity of the closed form)", max, StrictMath.E), v.evidence().get(3));
    Sweep plot = OptimalityCheck.check(optimality(1e-6, 1.0)).plot();
    assertEquals(2, plot.series().size());
    assertEquals(10.0, plot.series().get(0).x()[1], 0.0);
    assertEquals(ratio, plot.series().get(0).y()[1], 1e-12);
    assertEquals(ClosedForms.optimalityRatio(c), plot.series().get(1).y()[1], 0.0);
    assertEquals(100.0, plot.series().get(1).x()[2], 0.0);
  }

  @Test
  void optimalityMarksAGapThatDoesNotShrinkAndARatioAtE() {
    List<OptimalityMeasurements.Run> runs = new ArrayList<>();
    for (int l : new int[] {80, 8}) {
      ProblemConfig c = blocks44(l);
      double fStar = ClosedForms.fStar(c);
      runs.add(new OptimalityMeasurements.Run(c, null, fStar, fStar, 1.0, List.of(ClosedForms.taskLossStar(c, 0),
          ClosedForms.taskLossStar(c, 1))));
    }
    ProblemConfig c = blocks44(8);
    double atE = 1.01 * StrictMath.E * ClosedForms.signedInfimum(c);
    runs.add(new OptimalityMeasurements.Run(c, null, atE, ClosedForms.fStar(c), 1.0, List.of(1.0, 1.0)));
    Verdict v = optimalityVerdict(new OptimalityMeasurements(1e-6, List.of(new OptimalityMeasurements.BlockSet(
        List.of(4, 4), runs))));
    assertFalse(v.evidence().get(0).contains("[gap not decreasing"), "the first run has nothing to follow");
    assertTrue(v.evidence().get(1).endsWith(" [gap not decreasing (evidence)]"), v.evidence().get(1));
    assertTrue(v.evidence().get(2).contains(" [NOT below e (evidence)]"), v.evidence().get(2));
    assertEquals(Verdict.Status.FAIL, v.status());
  }

  @Test
  void optimalityErrsWithTheFirstFailureAndLeavesAGap() {
    List<OptimalityMeasurements.Run> runs = new ArrayList<>();
    runs.add(OptimalityMeasurements.Run.failed(blocks44(8), "not converged"));
    runs.add(OptimalityMeasurements.Run.failed(blocks44(80), "diverged"));
    Part p = OptimalityCheck.check(new OptimalityMeasurements(1e-6, List.of(new OptimalityMeasurements.BlockSet(
        List.of(4, 4), runs))));
    Verdict v = p.verdicts().get(0);
    assertEquals(Verdict.Status.ERROR, v.status());
    assertEquals("ERROR: not converged", v.evidence().get(v.evidence().size() - 1));
    assertEquals("blocks 4,4 L=80: not computed (diverged)", v.evidence().get(1));
    assertEquals(10.0, p.plot().series().get(0).x()[1], 0.0);
    assertTrue(Double.isNaN(p.plot().series().get(0).y()[1]));
  }

  // ---- the few-heads observation ----

  @Test
  void fewHeadsPlotStatesWhichHeadServesWhichTask() {
    ProblemConfig base = ProblemConfig.of(12, new int[] {4, 4, 4}, 3, 40, 0.0, 1.0);
    double fStar = ClosedForms.fStar(base);
    List<FewHeadsMeasurements.HeadCount> runs = List.of(
        new FewHeadsMeasurements.HeadCount(2, null, 1.5 * fStar, 3e4, List.of(List.of(0, 2), List.of()),
            List.of(0.5, 0.25), 1.25 * fStar),
        FewHeadsMeasurements.HeadCount.failed(1, "stiff"),
        new FewHeadsMeasurements.HeadCount(3, null, fStar, 3e4, List.of(List.of(0), List.of(1), List.of(2)),
            List.of(1.0, 1.0, 1.0), fStar));
    Sweep plot = FewHeadsPlot.of(new FewHeadsMeasurements(base, 2.5, "no optimum", runs));
    String[] notes = plot.note().split("\n");
    assertEquals("problem " + base + " (H varied), paper init; F* (one head per task) = " + SweepLabels.f(fStar)
        + "; observation only, no verdict", notes[0]);
    assertEquals("single-head optimum failed: no optimum", notes[1]);
    assertEquals(String.format(java.util.Locale.ROOT, "H=2: F_final = %.6g = 1.50000 F* (t_end = 3.00e+04); head 1 "
        + "serves task 1, 3 (sharpness 0.500000); head 2 serves none (sharpness 0.250000); a head serves two or more "
        + "tasks; tasks served by none: [2]; prediction from single-head optima of the served groups: 1.25000 F*",
        1.5 * fStar), notes[2]);
    assertEquals("H=1: not computed (stiff)", notes[3]);
    assertTrue(notes[4].contains("head 1 serves task 1 (sharpness 1.000000); head 2 serves task 2 (sharpness "
        + "1.000000); head 3 serves task 3 (sharpness 1.000000); no head serves two tasks; prediction"), notes[4]);
    Sweep.Series flow = plot.series().get(0);
    assertEquals(2.0, flow.x()[0], 0.0);
    assertEquals(1.5, flow.y()[0], 1e-15);
    assertTrue(Double.isNaN(flow.y()[1]));
    Sweep.Series predicted = plot.series().get(1);
    assertEquals(2, predicted.x().length, "no prediction for the failed run");
    assertEquals(1.25, predicted.y()[0], 1e-15);
    assertEquals(2, plot.references().size());
    assertEquals(2.5, plot.references().get(1).value(), 0.0);
    Sweep without = FewHeadsPlot.of(new FewHeadsMeasurements(base, Double.NaN, null, runs.subList(2, 3)));
    assertEquals(1, without.references().size(), "no single-head ratio, no line");
    assertFalse(without.note().contains("single-head optimum failed"), without.note());
  }

  // ---- the entry point ----

  @Test
  void checkRunsEveryPartInTheDocumentedOrder() {
    SweepOutcome o = SweepChecks.check(new SweepMeasurements(optimality(1e-6, 1.0), new SeparationMeasurements(
        List.of(new SeparationMeasurements.BlockSet(List.of(4, 4), List.of(new SeparationMeasurements.Optimum(
            blocks44(8), null, 1.25 * ClosedForms.fStar(blocks44(8)), ClosedForms.fStar(blocks44(8)), 1.0,
            List.of(0.35, 0.35), 0, 1))))), lengthForEntry(), ladder(0.001, 0.04, 0.005),
        new FewHeadsMeasurements(blocks44(8), Double.NaN, null, List.of())));
    List<String> ids = new ArrayList<>();
    for (Verdict v : o.verdicts()) {
      ids.add(v.claimId());
    }
    assertEquals(List.of("P4-optimality", "P5-separation", "P5-single-head-stationarity", "P7-length-generalisation",
        "P7-length-refined", "P7-length-calibration", "P6-model-error"), ids);
    List<String> plots = new ArrayList<>();
    for (Sweep s : o.plots()) {
      plots.add(s.id());
    }
    assertEquals(List.of("p4-optimality", "p5-separation", "p7-length-generalisation", "p6-model-error",
        "observation-few-heads"), plots);
    assertEquals("p6-model-error", o.result("p6-model-error").orElseThrow().id());
    assertTrue(o.result("p9").isEmpty());
  }

  private static LengthMeasurements lengthForEntry() {
    ProblemConfig c = ProblemConfig.of(32, new int[] {16, 16}, 2, 50, 0.0, 1.0);
    double cf = ClosedForms.lengthGeneralisationLoss(c, 800);
    return new LengthMeasurements(c, 3000, 0.02, 0.5, List.of(new LengthMeasurements.TestLength(800, cf, cf, 1000,
        cf, 1e-4, null)));
  }

  @Test
  void labelsJoinBlocksWithCommas() {
    assertEquals("blocks 8,8,8", SweepLabels.label(List.of(8, 8, 8)));
    assertEquals("blocks 5", SweepLabels.label(List.of(5)));
    assertEquals("blocks 4,2", SweepLabels.label(List.of(4, 2)));
    assertEquals("0.333333", SweepLabels.f(1.0 / 3));
    assertEquals(12, SweepLabels.dimension(List.of(4, 6, 2)));
  }

  @Test
  void modelErrorStatesPercentagesOfTheMonteCarloMean() {
    List<ModelErrorMeasurements.Rung> rungs = List.of(new ModelErrorMeasurements.Rung(100, 2.1, 2.08, 2.0, 0.001),
        new ModelErrorMeasurements.Rung(200, 2.1, 2.01, 2.0, 0.001));
    Verdict v = modelError(new ModelErrorMeasurements(ProblemConfig.of(16, new int[] {8, 8}, 2, 100, 0.0, 1.0),
        0.35, 2.5, 10_000, 2, rungs, null));
    assertEquals("L=100: MC 2.00000 +- 0.00100, leading order 2.10000 (error +0.10000, 5.0%), refined 2.08000 "
        + "(error +0.08000, 4.0%)", v.evidence().get(0));
  }

  @Test
  void modelErrorNeedsTheFallToExceedTwoStandardErrors() {
    // 0.04 to 0.039 with SE 0.001: a fall of 0.001 < 2 sqrt(2) 0.001.
    Verdict v = modelError(ladder(0.001, 0.04, 0.039));
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertTrue(v.evidence().contains("refined error does not fall significantly from the first to the last L"));
  }

  @Test
  void optimalityHoldsWithAPerTaskDeviationExactlyAtItsTolerance() {
    // Tolerance tol_i = n tol F* / L_i* + 1e-12 made exactly 2^-20 (the run's F* is a quarter of L_0*, so the
    // search over tol has slope 1/2), and task 0's loss put exactly 2^-20 above its closed form.
    ProblemConfig c = blocks44(80);
    double target = Math.scalb(1.0, -20);
    double l0 = ClosedForms.taskLossStar(c, 0);
    double runFStar = 0.25 * l0;
    double tol = Exact.solve(t -> c.tasks() * t * runFStar / l0 + 1e-12, (target - 1e-12) * 2, target);
    double inf0 = OptimalityCheck.taskInfimum(c, 0);
    double cf0 = OptimalityCheck.taskRatio(80, 4);
    double loss0 = Exact.solve(x -> Math.abs(x / inf0 / cf0 - 1), l0 * (1 + target), target);
    double fStar = ClosedForms.fStar(c);
    OptimalityMeasurements.Run run = new OptimalityMeasurements.Run(c, null, fStar, runFStar, 1.0, List.of(loss0,
        ClosedForms.taskLossStar(c, 1)));
    Verdict v = optimalityVerdict(new OptimalityMeasurements(tol, List.of(new OptimalityMeasurements.BlockSet(
        List.of(4, 4), List.of(run)))));
    assertEquals(1.0, v.measured(), 0.0);
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
  }

  @Test
  void optimalityHoldsWithTheWholeLossExactlyAtItsTolerance() {
    ProblemConfig c = blocks44(80);
    double target = Math.scalb(1.0, -20);
    double tol = Exact.solve(t -> t + 1e-12, target - 1e-12, target);
    double inf = ClosedForms.signedInfimum(c);
    double cf = ClosedForms.optimalityRatio(c);
    double fStar = ClosedForms.fStar(c);
    double fFinal = Exact.solve(x -> Math.abs(x / inf / cf - 1), fStar * (1 + target), target);
    OptimalityMeasurements.Run run = new OptimalityMeasurements.Run(c, null, fFinal, fStar, 1.0, List.of(
        ClosedForms.taskLossStar(c, 0), ClosedForms.taskLossStar(c, 1)));
    Verdict v = optimalityVerdict(new OptimalityMeasurements(tol, List.of(new OptimalityMeasurements.BlockSet(
        List.of(4, 4), List.of(run)))));
    assertEquals(1.0, v.measured(), 0.0);
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertTrue(v.evidence().get(0).contains(String.format(java.util.Locale.ROOT, "|F-F*|/F* = %.2e,",
        Math.abs(fFinal - fStar) / fStar)), v.evidence().get(0));
  }

  @Test
  void optimalityMeasuresTheWholeLossAgainstItsTolerancePlusRoundOff() {
    ProblemConfig c = blocks44(80);
    double fStar = ClosedForms.fStar(c);
    OptimalityMeasurements.Run run = new OptimalityMeasurements.Run(c, null, fStar * (1 + 5e-7), fStar, 1.0,
        List.of(ClosedForms.taskLossStar(c, 0), ClosedForms.taskLossStar(c, 1)));
    Verdict v = optimalityVerdict(new OptimalityMeasurements(1e-6, List.of(new OptimalityMeasurements.BlockSet(
        List.of(4, 4), List.of(run)))));
    assertEquals(5e-7 / (1e-6 + 1e-12), v.measured(), 1e-8);
  }

  @Test
  void optimalityMarksARatioOfExactlyEAndAnUnchangedGap() {
    ProblemConfig c = blocks44(8);
    double inf = ClosedForms.signedInfimum(c);
    double atE = Exact.solve(x -> x / inf, StrictMath.E * inf, StrictMath.E);
    double fStar = ClosedForms.fStar(c);
    List<Double> tasks = List.of(ClosedForms.taskLossStar(c, 0), ClosedForms.taskLossStar(c, 1));
    List<OptimalityMeasurements.Run> runs = List.of(new OptimalityMeasurements.Run(c, null, fStar, fStar, 1.0, tasks),
        new OptimalityMeasurements.Run(c, null, fStar, fStar, 1.0, tasks),
        new OptimalityMeasurements.Run(c, null, atE, fStar, 1.0, tasks));
    Verdict v = optimalityVerdict(new OptimalityMeasurements(1e-6, List.of(new OptimalityMeasurements.BlockSet(
        List.of(4, 4), runs))));
    assertTrue(v.evidence().get(1).endsWith(" [gap not decreasing (evidence)]"), "an equal gap: " + v.evidence());
    assertTrue(v.evidence().get(2).contains(" [NOT below e (evidence)]"), v.evidence().get(2));
  }
}
