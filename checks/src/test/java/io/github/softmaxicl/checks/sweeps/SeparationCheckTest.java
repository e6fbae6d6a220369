package io.github.softmaxicl.checks.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SeparationCheck} on hand-made optima: each inequality of P5-separation (above 1, below the limit,
 * increasing) and the stationarity bound pinned at its edge, the bound's formula and the symmetric closed form.
 */
class SeparationCheckTest {
  private static final double ULP = Math.ulp(1.0);

  private static ProblemConfig blocks44(int l) {
    return ProblemConfig.of(8, new int[] {4, 4}, 2, l, 0.0, 1.0);
  }

  /** An optimum of blocks 4+4 at L with the ratio, sharpness, gradient and Hessian eigenvalue given. */
  private static SeparationMeasurements.Optimum optimum(int l, double ratio, double sharpness, double grad,
      double lambda) {
    ProblemConfig c = blocks44(l);
    double fStar = ClosedForms.fStar(c);
    double w = Math.sqrt(1.0 / 8);
    return new SeparationMeasurements.Optimum(c, null, ratio * fStar, fStar, sharpness, List.of(w, w), grad, lambda);
  }

  private static SeparationMeasurements one(SeparationMeasurements.Optimum... optima) {
    return new SeparationMeasurements(List.of(new SeparationMeasurements.BlockSet(List.of(4, 4), List.of(optima))));
  }

  private static Verdict separation(SeparationMeasurements m) {
    return SeparationCheck.check(m).verdicts().get(0);
  }

  private static Verdict stationarity(SeparationMeasurements m) {
    return SeparationCheck.check(m).verdicts().get(1);
  }

  @Test
  void sharpnessBoundIsDistanceTimesLipschitzPlusRoundOff() {
    ProblemConfig c = ProblemConfig.of(5, new int[] {2, 3}, 2, 10, 0.0, 1.0);
    SeparationMeasurements.Optimum o = new SeparationMeasurements.Optimum(c, null, 1, 1, 1, List.of(0.1, 0.2), 1e-6,
        0.5);
    // sum d_j^2 omega_j^2 = 4 (0.01) + 9 (0.04) = 0.4.
    assertEquals(2 * Math.sqrt(0.4) * 1e-6 / 0.5 + 4 * ULP, SeparationCheck.sharpnessBound(c, o), 1e-20);
  }

  @Test
  void symmetricRatioOnlyForEqualBlocksWithoutNoise() {
    double x = StrictMath.E * 4 / 8;
    assertEquals(2 * (1 + x) / (1 + 2 * x), SeparationCheck.symmetricRatio(blocks44(8)), 1e-15);
    ProblemConfig three = ProblemConfig.of(6, new int[] {2, 2, 2}, 3, 10, 0.0, 1.0);
    double x3 = StrictMath.E * 2 / 10;
    assertEquals(3 * (1 + x3) / (1 + 3 * x3), SeparationCheck.symmetricRatio(three), 1e-15);
    assertTrue(Double.isNaN(SeparationCheck.symmetricRatio(ProblemConfig.of(7, new int[] {4, 3}, 2, 8, 0, 1))));
    assertTrue(Double.isNaN(SeparationCheck.symmetricRatio(ProblemConfig.of(7, new int[] {3, 2, 2}, 3, 8, 0, 1))),
        "a later block differs");
    assertTrue(Double.isNaN(SeparationCheck.symmetricRatio(ProblemConfig.of(8, new int[] {4, 4}, 2, 8, 0.1, 1))));
    assertTrue(Double.isNaN(SeparationCheck.symmetricRatio(ProblemConfig.of(8, new int[] {4, 4}, 2, 8, 0, 2))));
  }

  @Test
  void separationNeedsEachRatioStrictlyAboveOneBelowTheLimitAndIncreasing() {
    // Limit for 4+4: d sum d_i / sum d_i^2 = 2.
    Verdict ok = separation(one(optimum(8, 1.25, 1, 0, 1), optimum(80, 1.5, 1, 0, 1), optimum(800, 1.75, 1, 0, 1)));
    assertEquals(Verdict.Status.PASS, ok.status(), ok.evidence().toString());
    assertEquals(1.25, ok.measured(), 1e-15, "the smallest ratio");
    Verdict one = separation(one(optimum(8, 1.0, 1, 0, 1), optimum(80, 1.5, 1, 0, 1)));
    assertEquals(Verdict.Status.FAIL, one.status(), "a ratio of 1 is not a separation");
    assertTrue(one.evidence().get(0).endsWith("[NOT > 1]"), one.evidence().get(0));
    Verdict atLimit = separation(one(optimum(8, 1.5, 1, 0, 1), optimum(80, 2.0, 1, 0, 1)));
    assertEquals(Verdict.Status.FAIL, atLimit.status());
    assertTrue(atLimit.evidence().get(1).endsWith("[NOT below the limit]"), atLimit.evidence().get(1));
    Verdict flat = separation(one(optimum(8, 1.5, 1, 0, 1), optimum(80, 1.5, 1, 0, 1)));
    assertEquals(Verdict.Status.FAIL, flat.status(), "equal ratios are not increasing");
    assertTrue(flat.evidence().get(1).endsWith("[not increasing]"), flat.evidence().get(1));
    assertFalse(flat.evidence().get(0).contains("[not increasing]"), "the first point has nothing to follow");
  }

  @Test
  void separationEvidenceGivesTheSymmetricClosedFormForEqualBlocks() {
    String line = separation(one(optimum(8, 1.25, 1, 0, 1))).evidence().get(0);
    assertTrue(line.startsWith("blocks 4,4 L=8 (L/d=1.00): F_single*/F* = 1.250000 (limit 2.000000, gap 0.7500)"),
        line);
    assertTrue(line.contains(String.format(java.util.Locale.ROOT, "symmetric closed form n(1+x)/(1+nx) = %.6f",
        SeparationCheck.symmetricRatio(blocks44(8)))), line);
    ProblemConfig c = ProblemConfig.of(7, new int[] {4, 3}, 2, 8, 0.0, 1.0);
    double fStar = ClosedForms.fStar(c);
    SeparationMeasurements unequal = new SeparationMeasurements(List.of(new SeparationMeasurements.BlockSet(
        List.of(4, 3), List.of(new SeparationMeasurements.Optimum(c, null, 1.2 * fStar, fStar, 1.0,
            List.of(0.3, 0.3), 0, 1)))));
    String u = separation(unequal).evidence().get(0);
    assertFalse(u.contains("symmetric"), u);
  }

  @Test
  void stationarityHoldsUpToItsBoundAndNeedsAPositiveDefiniteHessian() {
    // With zero residual gradient the bound is the round-off 2n ulp = 4 ulp: 1 + 4 ulp is on it.
    Verdict at = stationarity(one(optimum(8, 1.25, 1 + 4 * ULP, 0, 1)));
    assertEquals(Verdict.Status.PASS, at.status(), at.evidence().toString());
    assertEquals(1.0, at.measured(), 0.0);
    Verdict past = stationarity(one(optimum(8, 1.25, 1 + 6 * ULP, 0, 1)));
    assertEquals(Verdict.Status.FAIL, past.status());
    assertEquals(1.5, past.measured(), 0.0);
    Verdict below = stationarity(one(optimum(8, 1.25, 1 - 2 * ULP, 0, 1)));
    assertEquals(Verdict.Status.PASS, below.status());
    Verdict saddle = stationarity(one(optimum(8, 1.25, 1, 0, 0.0)));
    assertEquals(Verdict.Status.FAIL, saddle.status(), "lambda_min = 0 certifies nothing");
    assertTrue(saddle.evidence().get(0).endsWith("[Hessian not positive definite]"), saddle.evidence().get(0));
    Verdict certified = stationarity(one(optimum(8, 1.25, 1, 0, 1)));
    assertFalse(certified.evidence().get(0).contains("[Hessian"), certified.evidence().get(0));
    // The gradient term: |grad| 1e-10 at lambda 0.5 allows 2 sqrt(2 (16/8)) 1e-10 / 0.5 = 8e-10.
    Verdict loose = stationarity(one(optimum(8, 1.25, 1 + 7e-10, 1e-10, 0.5)));
    assertEquals(Verdict.Status.PASS, loose.status(), loose.evidence().toString());
    assertEquals(Verdict.Status.FAIL, stationarity(one(optimum(8, 1.25, 1 + 9e-10, 1e-10, 0.5))).status());
  }

  @Test
  void theWorstStationarityOverThePointsIsMeasured() {
    Verdict v = stationarity(one(optimum(8, 1.25, 1 + 2 * ULP, 0, 1), optimum(80, 1.5, 1 + 3 * ULP, 0, 1),
        optimum(800, 1.75, 1, 0, 1)));
    assertEquals(0.75, v.measured(), 0.0);
  }

  @Test
  void aFailedOptimumMakesBothVerdictsErrorsAndLeavesAGapInThePlot() {
    SeparationMeasurements m = one(optimum(8, 1.25, 1, 0, 1), SeparationMeasurements.Optimum.failed(blocks44(80),
        "no minimum"), optimum(800, 1.75, 1, 0, 1));
    Part p = SeparationCheck.check(m);
    assertEquals(Verdict.Status.ERROR, p.verdicts().get(0).status());
    assertEquals(Verdict.Status.ERROR, p.verdicts().get(1).status());
    assertTrue(p.verdicts().get(0).evidence().contains("blocks 4,4 L=80: not computed (no minimum)"));
    assertTrue(p.verdicts().get(0).evidence().contains("ERROR: no minimum"), p.verdicts().get(0).evidence()
        .toString());
    Sweep.Series s = p.plot().series().get(0);
    assertEquals(10.0, s.x()[1], 0.0, "L/d");
    assertTrue(Double.isNaN(s.y()[1]));
    assertEquals(1.75, s.y()[2], 1e-15);
  }

  @Test
  void thePlotHasOneSeriesAndOneLimitLinePerBlockSet() {
    List<SeparationMeasurements.BlockSet> sets = new ArrayList<>();
    sets.add(new SeparationMeasurements.BlockSet(List.of(4, 4), List.of(optimum(8, 1.25, 1, 0, 1))));
    ProblemConfig c = ProblemConfig.of(6, new int[] {4, 2}, 2, 12, 0.0, 1.0);
    double fStar = ClosedForms.fStar(c);
    sets.add(new SeparationMeasurements.BlockSet(List.of(4, 2), List.of(new SeparationMeasurements.Optimum(c, null,
        1.1 * fStar, fStar, 1.0, List.of(0.3, 0.3), 0, 1))));
    Part p = SeparationCheck.check(new SeparationMeasurements(sets));
    assertEquals(2, p.plot().series().size());
    assertEquals(2, p.plot().references().size());
    assertEquals(2.0, p.plot().references().get(0).value(), 1e-15);
    // 4+2: d sum d_i / sum d_i^2 = 6 (6) / 20 = 1.8.
    assertEquals(1.8, p.plot().references().get(1).value(), 1e-15);
    assertEquals(2.0, p.plot().series().get(1).x()[0], 0.0, "L/d = 12/6");
    assertEquals(Verdict.Status.PASS, p.verdicts().get(0).status(), p.verdicts().get(0).evidence().toString());
  }
}
