package io.github.softmaxicl.checks.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.RefinedLoss;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sweep verdicts as pure functions of hand-made results: consistent results pass, and one deliberately wrong
 * input per verdict fails (never passes); a failed measurement gives ERROR.
 */
class SweepChecksTest {
  private static final int[] LENGTHS = {8, 80, 800};

  private static ProblemConfig equalBlocks(int promptLength) {
    return ProblemConfig.of(8, new int[] {4, 4}, 2, promptLength, 0.0, 1.0);
  }

  /** Flows exactly at the closed-form limit, F_final = F*, per-task losses L_i*. */
  private static OptimalityMeasurements optimality(double wrongFactorAtLast) {
    return optimality(wrongFactorAtLast, 0.0);
  }

  /** As {@link #optimality(double)}, with task 0's loss raised and task 1's lowered by {@code shift} (F kept). */
  private static OptimalityMeasurements optimality(double wrongFactorAtLast, double shift) {
    List<OptimalityMeasurements.Run> runs = new ArrayList<>();
    for (int l : LENGTHS) {
      ProblemConfig c = equalBlocks(l);
      double fStar = ClosedForms.fStar(c);
      List<Double> tasks = List.of(ClosedForms.taskLossStar(c, 0) + shift, ClosedForms.taskLossStar(c, 1) - shift);
      double fFinal = l == LENGTHS[LENGTHS.length - 1] ? wrongFactorAtLast * fStar : fStar;
      runs.add(new OptimalityMeasurements.Run(c, null, fFinal, fStar, 3.0e5, tasks));
    }
    return new OptimalityMeasurements(1e-6, List.of(new OptimalityMeasurements.BlockSet(List.of(4, 4), runs)));
  }

  /** Symmetric single-head optima of equal blocks: ratio n(1 + x)/(1 + n x), x = e d_b/L, sharpness 1. */
  private static SeparationMeasurements separation(double ratioAtFirst, double sharpnessAtLast) {
    List<SeparationMeasurements.Optimum> optima = new ArrayList<>();
    for (int l : LENGTHS) {
      ProblemConfig c = equalBlocks(l);
      double x = StrictMath.E * 4 / l;
      double ratio = l == LENGTHS[0] && !Double.isNaN(ratioAtFirst) ? ratioAtFirst : 2 * (1 + x) / (1 + 2 * x);
      double fStar = ClosedForms.fStar(c);
      double sharpness = l == LENGTHS[LENGTHS.length - 1] ? sharpnessAtLast : 1.0;
      double w = Math.sqrt(1.0 / 8);
      optima.add(new SeparationMeasurements.Optimum(c, null, ratio * fStar, fStar, sharpness, List.of(w, w), 1e-13,
          1.0));
    }
    return new SeparationMeasurements(List.of(new SeparationMeasurements.BlockSet(List.of(4, 4), optima)));
  }

  private static final ProblemConfig LENGTH_CONFIG = ProblemConfig.of(32, new int[] {16, 16}, 2, 50, 0.0, 1.0);
  private static final int[] TEST_LENGTHS = {25, 50, 200, 800};

  /**
   * Monte Carlo equal to the refined loss (SE 1e-4 of it) at L' = 25 .. 800, with the mean at L' = 800 scaled by
   * {@code meanFactorAtLast}; linear attention worst at the ends (its loss at L' = 800 scaled by
   * {@code linearFactorAtLast}).
   */
  private static LengthMeasurements length(double meanFactorAtLast, double linearFactorAtLast) {
    return length(meanFactorAtLast, linearFactorAtLast,
        lp -> ClosedForms.lengthGeneralisationLoss(LENGTH_CONFIG, lp));
  }

  /** As {@link #length(double, double)}, with the closed form at L' given by {@code closedForm}. */
  private static LengthMeasurements length(double meanFactorAtLast, double linearFactorAtLast,
      java.util.function.IntToDoubleFunction closedForm) {
    SpectralState limit = ClosedForms.limit(LENGTH_CONFIG);
    List<LengthMeasurements.TestLength> rows = new ArrayList<>();
    double first = Double.NaN;
    for (int lp : TEST_LENGTHS) {
      double cf = closedForm.applyAsDouble(lp);
      double ref = new RefinedLoss(LENGTH_CONFIG.withPromptLength(lp)).value(limit);
      first = Double.isNaN(first) ? ref : first;
      boolean last = lp == TEST_LENGTHS[TEST_LENGTHS.length - 1];
      double mean = last ? meanFactorAtLast * ref : ref;
      double linear = lp == 50 ? 0.5 * first : last ? linearFactorAtLast * 1000 * first : first;
      rows.add(new LengthMeasurements.TestLength(lp, cf, ref, linear, mean, 1e-4 * ref, null));
    }
    return new LengthMeasurements(LENGTH_CONFIG, 3000, 0.02, 0.5 * first, rows);
  }

  /** Monte Carlo mean 1 ± 0.001, leading-order error 0.05, refined errors as given. */
  private static ModelErrorMeasurements modelError(double... refinedErrors) {
    List<ModelErrorMeasurements.Rung> rungs = new ArrayList<>();
    int l = 100;
    for (double e : refinedErrors) {
      rungs.add(new ModelErrorMeasurements.Rung(l, 1.05, 1 + e, 1.0, 0.001));
      l *= 2;
    }
    return new ModelErrorMeasurements(ProblemConfig.of(16, new int[] {8, 8}, 2, 100, 0.0, 1.0), 0.35, 2.5, 10_000,
        refinedErrors.length, rungs, null);
  }

  private static Verdict only(SweepOutcome o, String claimId) {
    return o.verdict(claimId).orElseThrow(() -> new AssertionError("no verdict " + claimId));
  }

  @Test
  void optimalityPassesAtTheLimitAndFailsAboveE() {
    SweepOutcome ok = SweepChecks.optimality(optimality(1.0));
    assertEquals(Verdict.Status.PASS, only(ok, "P4-optimality").status(), only(ok, "P4-optimality").evidence()
        .toString());
    // F_final above e times the infimum at the largest L: F_final does not match the closed form.
    double wrong = 1.01 * StrictMath.E * ClosedForms.signedInfimum(equalBlocks(800)) / ClosedForms.fStar(
        equalBlocks(800));
    assertEquals(Verdict.Status.FAIL, only(SweepChecks.optimality(optimality(wrong)), "P4-optimality").status());
  }

  @Test
  void optimalityFailsOnPerTaskLossesThatDoNotMatchTheirClosedForm() {
    // F_final is exact and every ratio stays below e (the identity the old verdict checked), but the flow split the
    // loss between the tasks wrongly by 1e-4 (50 times the per-task tolerance 2e-6 F*/L_i*).
    Verdict v = only(SweepChecks.optimality(optimality(1.0, 1e-4)), "P4-optimality");
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertTrue(v.measured() > 1, "measured " + v.measured());
  }

  @Test
  void optimalityErrsOnAFlowNotComputed() {
    OptimalityMeasurements m = new OptimalityMeasurements(1e-6, List.of(new OptimalityMeasurements.BlockSet(
        List.of(4, 4), List.of(OptimalityMeasurements.Run.failed(equalBlocks(8), "not converged")))));
    Verdict v = only(SweepChecks.optimality(m), "P4-optimality");
    assertEquals(Verdict.Status.ERROR, v.status());
  }

  @Test
  void separationAndStationarityPassOnSymmetricOptima() {
    SweepOutcome ok = SweepChecks.separation(separation(Double.NaN, 1.0));
    assertEquals(Verdict.Status.PASS, only(ok, "P5-separation").status(), only(ok, "P5-separation").evidence()
        .toString());
    assertEquals(Verdict.Status.PASS, only(ok, "P5-single-head-stationarity").status());
    assertEquals("p5-separation", ok.plots().get(0).id());
  }

  @Test
  void separationFailsWhenTheSingleHeadBeatsTheLimit() {
    SweepOutcome o = SweepChecks.separation(separation(0.9, 1.0));
    assertEquals(Verdict.Status.FAIL, only(o, "P5-separation").status());
  }

  @Test
  void stationarityFailsOffTheSharpnessOne() {
    SweepOutcome o = SweepChecks.separation(separation(Double.NaN, 1.01));
    assertEquals(Verdict.Status.FAIL, only(o, "P5-single-head-stationarity").status());
  }

  @Test
  void separationErrsOnAFailedOptimiser() {
    SeparationMeasurements m = new SeparationMeasurements(List.of(new SeparationMeasurements.BlockSet(
        List.of(4, 4), List.of(SeparationMeasurements.Optimum.failed(equalBlocks(8), "no minimum")))));
    SweepOutcome o = SweepChecks.separation(m);
    assertEquals(Verdict.Status.ERROR, only(o, "P5-separation").status());
    assertEquals(Verdict.Status.ERROR, only(o, "P5-single-head-stationarity").status());
  }

  @Test
  void lengthVerdictsPassOnConsistentLosses() {
    SweepOutcome o = SweepChecks.length(length(1.0, 1.0));
    for (String id : List.of("P7-length-generalisation", "P7-length-refined", "P7-length-calibration")) {
      assertEquals(Verdict.Status.PASS, only(o, id).status(), id + ": " + only(o, id).evidence());
    }
  }

  @Test
  void lengthVerdictsFailOnAMonteCarloFarFromTheLosses() {
    SweepOutcome o = SweepChecks.length(length(3.0, 1.0));
    assertEquals(Verdict.Status.FAIL, only(o, "P7-length-generalisation").status());
    assertEquals(Verdict.Status.FAIL, only(o, "P7-length-refined").status());
  }

  @Test
  void lengthGeneralisationFailsOnAClosedFormOffByFour() {
    // The refined loss and Monte Carlo are right; only the closed form is wrong. Its budget no longer contains
    // |refined - closed form|, so the closed-form check fails on its own, while the refined check still passes.
    SweepOutcome o = SweepChecks.length(length(1.0, 1.0,
        lp -> 4 * ClosedForms.lengthGeneralisationLoss(LENGTH_CONFIG, lp)));
    assertEquals(Verdict.Status.FAIL, only(o, "P7-length-generalisation").status(),
        only(o, "P7-length-generalisation").evidence().toString());
    assertEquals(Verdict.Status.PASS, only(o, "P7-length-refined").status());
  }

  @Test
  void lengthGeneralisationFailsOnTheModelRetrainedAtTheTestLength() {
    // Issue 14's hole: the closed form of the model retrained at L' (its mu* is larger) in place of the one
    // trained at L, which is what Monte Carlo evaluates.
    SweepOutcome o = SweepChecks.length(length(1.0, 1.0,
        lp -> ClosedForms.lengthGeneralisationLoss(LENGTH_CONFIG.withPromptLength(lp), lp)));
    assertEquals(Verdict.Status.FAIL, only(o, "P7-length-generalisation").status(),
        only(o, "P7-length-generalisation").evidence().toString());
  }

  @Test
  void closedFormModelErrorBoundsTheRefinedCorrectionWithLittleSlack() {
    // The budget's two terms bound refined - closed form (both corrections are >= 0), and are tight: the only
    // slack is the expansion coefficient's (1 - mu omega)^2 <= 1.
    SpectralState limit = ClosedForms.limit(LENGTH_CONFIG);
    for (int lp : new int[] {200, 800, 3200}) {
      double gap = new RefinedLoss(LENGTH_CONFIG.withPromptLength(lp)).value(limit)
          - ClosedForms.lengthGeneralisationLoss(LENGTH_CONFIG, lp);
      double bound = LengthGeneralisationCheck.closedFormModelError(LENGTH_CONFIG, limit, lp);
      assertTrue(gap > 0 && gap <= bound && bound <= 1.5 * gap, lp + ": gap " + gap + ", bound " + bound);
    }
  }

  @Test
  void calibrationFailsWhenLinearAttentionEndsBelowSoftmax() {
    SweepOutcome o = SweepChecks.length(length(1.0, 0.0));
    assertEquals(Verdict.Status.FAIL, only(o, "P7-length-calibration").status());
  }

  @Test
  void lengthVerdictsErrOnAFailedMonteCarlo() {
    LengthMeasurements ok = length(1.0, 1.0);
    List<LengthMeasurements.TestLength> rows = new ArrayList<>(ok.lengths());
    LengthMeasurements.TestLength r = rows.get(1);
    rows.set(1, new LengthMeasurements.TestLength(r.promptLength(), r.closedForm(), r.refined(), r.linear(),
        Double.NaN, Double.NaN, "non-finite loss"));
    SweepOutcome o = SweepChecks.length(new LengthMeasurements(ok.config(), ok.prompts(), ok.expansionLimit(),
        ok.linearAtTrainingLength(), rows));
    assertEquals(3, o.verdicts().size());
    assertTrue(o.verdicts().stream().allMatch(v -> v.status() == Verdict.Status.ERROR));
  }

  @Test
  void modelErrorPassesWhenTheRefinedErrorShrinks() {
    Verdict v = only(SweepChecks.modelError(modelError(0.04, 0.02, 0.01, 0.005)), "P6-model-error");
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals(0.005 / 0.05, v.measured(), 1e-9);
  }

  @Test
  void modelErrorFailsWhenTheRefinedErrorGrows() {
    Verdict v = only(SweepChecks.modelError(modelError(0.005, 0.01, 0.02, 0.04)), "P6-model-error");
    assertEquals(Verdict.Status.FAIL, v.status());
  }

  @Test
  void modelErrorErrsOnALadderThatStopped() {
    ModelErrorMeasurements ok = modelError(0.04, 0.02);
    ModelErrorMeasurements stopped = new ModelErrorMeasurements(ok.config(), ok.omega(), ok.mu(), ok.prompts(), 4,
        ok.rungs(), "Monte Carlo at L = 400: non-finite loss");
    assertEquals(Verdict.Status.ERROR, only(SweepChecks.modelError(stopped), "P6-model-error").status());
    ModelErrorMeasurements short4 = new ModelErrorMeasurements(ok.config(), ok.omega(), ok.mu(), ok.prompts(), 4,
        ok.rungs(), null);
    assertEquals(Verdict.Status.ERROR, only(SweepChecks.modelError(short4), "P6-model-error").status());
  }
}
