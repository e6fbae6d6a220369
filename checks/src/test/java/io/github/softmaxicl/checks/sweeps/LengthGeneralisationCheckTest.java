package io.github.softmaxicl.checks.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.checks.Exact;
import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.RefinedLoss;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * {@link LengthGeneralisationCheck} on hand-made losses: the moments and budget terms against their formulas,
 * the z-values of the asserted lengths, which lengths are asserted, and each condition of the calibration verdict
 * at the value that passes and the value that fails.
 */
class LengthGeneralisationCheckTest {
  /** Blocks 16 + 16, L = 50: m(L') ≤ 0.02 from L' ≈ 740 on. */
  private static final ProblemConfig C = ProblemConfig.of(32, new int[] {16, 16}, 2, 50, 0.0, 1.0);
  private static final SpectralState LIMIT = ClosedForms.limit(C);

  /** One row, mutable: consistent losses (Monte Carlo = refined, SE 1e-4 of it), linear attention 1. */
  private static final class Row {
    int lp;
    double cf;
    double ref;
    double linear = 1.0;
    double mean;
    double se;
    String failure;

    Row(int lp) {
      this.lp = lp;
      cf = ClosedForms.lengthGeneralisationLoss(C, lp);
      ref = new RefinedLoss(C.withPromptLength(lp)).value(LIMIT);
      mean = ref;
      se = 1e-4 * ref;
    }

    LengthMeasurements.TestLength build() {
      return new LengthMeasurements.TestLength(lp, cf, ref, linear, mean, se, failure);
    }
  }

  private static List<Row> rows(int... lengths) {
    List<Row> out = new ArrayList<>();
    for (int lp : lengths) {
      out.add(new Row(lp));
    }
    // Linear attention, tuned at L = 50 (loss 0.5 there): worse at both ends of the ladder.
    out.get(out.size() - 1).linear = 1000;
    return out;
  }

  private static Part check(List<Row> rows, double expansionLimit) {
    List<LengthMeasurements.TestLength> built = new ArrayList<>();
    for (Row r : rows) {
      built.add(r.build());
    }
    return LengthGeneralisationCheck.check(new LengthMeasurements(C, 3000, expansionLimit, 0.5, built));
  }

  private static Verdict verdict(Part p, String id) {
    return p.verdicts().stream().filter(v -> v.claimId().equals(id)).findFirst().orElseThrow();
  }

  private static double own(int lp) {
    return LengthGeneralisationCheck.closedFormModelError(C, LIMIT, lp);
  }

  private static double next(int lp) {
    return LengthGeneralisationCheck.expansionParameter(C, LIMIT, lp) * LengthGeneralisationCheck.varianceTerm(C,
        LIMIT, lp);
  }

  // ---- the budget's terms ----

  @Test
  void momentIsTheGaussianExponentialMomentAndInfiniteWhereItDoesNotExist() {
    ProblemConfig c = ProblemConfig.of(4, new int[] {2, 2}, 2, 10, 0.0, 1.0);
    SpectralState s = SpectralState.of(new double[][] {{0.1, 0.2}, {0.5, 0.0}}, new double[2][2]);
    assertEquals(1 / (0.98 * 0.92), LengthGeneralisationCheck.moment(c, s, 0, 1), 1e-14);
    assertEquals(1 / (0.94 * 0.76), LengthGeneralisationCheck.moment(c, s, 0, 3), 1e-14);
    assertEquals(1 / 0.5, LengthGeneralisationCheck.moment(c, s, 1, 1), 1e-14);
    assertEquals(Double.POSITIVE_INFINITY, LengthGeneralisationCheck.moment(c, s, 1, 2), "1 - 4 (0.25) = 0");
    assertEquals(Double.POSITIVE_INFINITY, LengthGeneralisationCheck.moment(c, s, 1, 3));
    ProblemConfig unequal = ProblemConfig.of(5, new int[] {2, 3}, 2, 10, 0.0, 1.0);
    assertEquals(Math.pow(0.98, -1) * Math.pow(0.92, -1.5), LengthGeneralisationCheck.moment(unequal, s, 0, 1),
        1e-14);
  }

  @Test
  void expansionParameterIsTheLargestRatioOverHeadsWithSomeMu() {
    ProblemConfig c = ProblemConfig.of(4, new int[] {2, 2}, 3, 10, 0.0, 1.0);
    // Head 2 has mu = 0 and a sharpness at which M3 does not exist: it does not count.
    SpectralState s = SpectralState.of(new double[][] {{0.1, 0.0}, {0.0, 0.2}, {0.5, 0.5}},
        new double[][] {{1, 0}, {0, -1}, {0, 0}});
    double m0 = LengthGeneralisationCheck.moment(c, s, 0, 3) / LengthGeneralisationCheck.moment(c, s, 0, 1);
    double m1 = LengthGeneralisationCheck.moment(c, s, 1, 3) / LengthGeneralisationCheck.moment(c, s, 1, 1);
    assertTrue(m1 > m0);
    assertEquals(m1 / 40, LengthGeneralisationCheck.expansionParameter(c, s, 40), 1e-15);
    SpectralState none = SpectralState.of(new double[3][2], new double[3][2]);
    assertEquals(0.0, LengthGeneralisationCheck.expansionParameter(c, none, 40), 0.0);
  }

  @Test
  void varianceTermSumsEveryHeadsOwnMoment() {
    ProblemConfig c = ProblemConfig.of(5, new int[] {2, 3}, 2, 10, 0.5, 2.0);
    SpectralState s = SpectralState.of(new double[][] {{0.1, 0.0}, {0.0, 0.2}}, new double[][] {{1.5, 0.25},
        {0.5, 2}});
    double m0 = 1 / 0.98;
    double m1 = Math.pow(0.92, -1.5);
    double c0 = 2.0 * 2 + 0.25;
    double c1 = 2.0 * 3 + 0.25;
    double expected = (c0 / 40 * (1.5 * 1.5 * m0 + 0.5 * 0.5 * m1) + c1 / 40 * (0.25 * 0.25 * m0 + 4 * m1)) / 2;
    assertEquals(expected, LengthGeneralisationCheck.varianceTerm(c, s, 40), 1e-14);
  }

  @Test
  void closedFormModelErrorIsTheMomentAndExpansionTermsOfTheServingHeads() {
    ProblemConfig c = ProblemConfig.of(10, new int[] {4, 6}, 2, 30, 0.5, 2.0);
    // Heads swapped: head 1 serves task 0.
    SpectralState limit = ClosedForms.limit(c, new int[] {1, 0});
    double sum = 0;
    for (int i = 0; i < 2; i++) {
      int d = c.blockSize(i);
      double w2 = 1.0 / d;
      double m1 = Math.pow(1 - 2 * w2, -d / 2.0);
      double mu = ClosedForms.muStar(c, i);
      sum += c.signalPlusNoise(i) / 120 * mu * mu * Math.abs(m1 - Math.E) + 2.0 * d * m1 / ((1 - 2 * w2) * 120);
    }
    assertEquals(sum / 2, LengthGeneralisationCheck.closedFormModelError(c, limit, 120), 1e-13);
    ProblemConfig unit = ProblemConfig.of(2, new int[] {1, 1}, 2, 30, 0.0, 1.0);
    assertEquals(Double.POSITIVE_INFINITY, LengthGeneralisationCheck.closedFormModelError(unit,
        ClosedForms.limit(unit), 120), "omega* = 1: M1 does not exist");
  }

  @Test
  void servingHeadIsTheFirstLargestMuOmega() {
    SpectralState s = SpectralState.of(new double[][] {{1, 2}, {2, 1}, {1, 1}}, new double[][] {{2, 1}, {1, 2},
        {4, 2}});
    // Task 0: mu omega = 2, 2, 4; task 1: 2, 2, 2.
    assertEquals(2, LengthGeneralisationCheck.servingHead(s, 0));
    assertEquals(0, LengthGeneralisationCheck.servingHead(s, 1));
    // The product decides, not mu or omega alone: (mu, omega) = (2, 1) against (1, 3), and (1, 4) against (1, 2).
    SpectralState t = SpectralState.of(new double[][] {{1, 4}, {3, 2}}, new double[][] {{2, 1}, {1, 1}});
    assertEquals(1, LengthGeneralisationCheck.servingHead(t, 0));
    assertEquals(0, LengthGeneralisationCheck.servingHead(t, 1));
  }

  // ---- P7-length-generalisation and P7-length-refined ----

  @Test
  void theAssertedLengthsZValuesAreMeasuredAndTheLargestDecides() {
    List<Row> rows = rows(50, 800, 1600, 3200);
    // At 1600 Monte Carlo lies 2 SE beyond the closed form's own budget, at 3200 one SE.
    for (Row r : rows) {
      double z = r.lp == 1600 ? 2 : r.lp == 3200 ? 1 : 0;
      r.mean = r.cf + own(r.lp) + next(r.lp) + z * r.se;
    }
    Part p = check(rows, 0.02);
    Verdict cf = verdict(p, "P7-length-generalisation");
    assertEquals(Verdict.Status.PASS, cf.status(), cf.evidence().toString());
    assertEquals(2.0, cf.measured(), 1e-6);
    assertTrue(cf.evidence().get(2).contains("asserted: closed form PASS (z = 2.00)"), cf.evidence().get(2));
    assertTrue(cf.evidence().get(0).endsWith("not asserted (expansion parameter above 0.02)"),
        cf.evidence().get(0));
    Verdict ref = verdict(p, "P7-length-refined");
    double worstRef = Double.NEGATIVE_INFINITY;
    for (Row r : rows.subList(1, 4)) {
      worstRef = Math.max(worstRef, (Math.abs(r.mean - r.ref) - next(r.lp)) / r.se);
    }
    assertEquals(worstRef, ref.measured(), 1e-6);
    rows.get(3).mean = rows.get(3).cf - own(3200) - next(3200) - 4.5 * rows.get(3).se;
    Verdict below = verdict(check(rows, 0.02), "P7-length-generalisation");
    assertEquals(Verdict.Status.FAIL, below.status(), "4.5 SE below");
    assertEquals(4.5, below.measured(), 1e-6);
    assertTrue(below.evidence().get(3).contains("asserted: closed form FAIL (z = 4.50)"), below.evidence().get(3));
  }

  @Test
  void unassertedLengthsDoNotCount() {
    List<Row> rows = rows(50, 200, 800);
    rows.get(0).mean = 10 * rows.get(0).ref;
    rows.get(1).mean = 10 * rows.get(1).ref;
    Part p = check(rows, 0.02);
    assertEquals(Verdict.Status.PASS, verdict(p, "P7-length-generalisation").status());
    assertEquals(Verdict.Status.PASS, verdict(p, "P7-length-refined").status());
  }

  @Test
  void noAssertedLengthIsAnErrorNotAPass() {
    List<Row> rows = rows(50, 200, 800);
    Part p = check(rows, 0.0);
    for (String id : List.of("P7-length-generalisation", "P7-length-refined")) {
      Verdict v = verdict(p, id);
      assertEquals(Verdict.Status.ERROR, v.status(), id);
      assertTrue(v.evidence().get(v.evidence().size() - 1).contains("no test length in the refined expansion's "
          + "regime (m(L') <= 0.0)"), v.evidence().toString());
    }
    assertEquals(Verdict.Status.PASS, verdict(p, "P7-length-calibration").status(), "calibration needs no regime");
    // A refined loss outside its domain (NaN) is not asserted either.
    List<Row> nan = rows(50, 800);
    nan.get(1).ref = Double.NaN;
    assertEquals(Verdict.Status.ERROR, verdict(check(nan, 0.02), "P7-length-refined").status());
    assertEquals(3, p.verdicts().size());
  }

  @Test
  void theFirstMonteCarloFailureIsReportedAndThePlotLeavesAGap() {
    List<Row> rows = rows(50, 200, 800);
    rows.get(1).failure = "non-finite loss";
    rows.get(2).failure = "timeout";
    Part p = check(rows, 0.02);
    assertEquals(3, p.verdicts().size());
    for (Verdict v : p.verdicts()) {
      assertEquals(Verdict.Status.ERROR, v.status());
      assertEquals("ERROR: Monte Carlo at L' = 200: non-finite loss", v.evidence().get(v.evidence().size() - 1));
    }
    Sweep plot = p.plot();
    assertEquals(4, plot.series().size());
    Sweep.Series mc = plot.series().get(0);
    assertEquals(rows.get(0).ref, mc.y()[0], 0.0);
    assertEquals(rows.get(0).se, mc.yError()[0], 0.0);
    assertTrue(Double.isNaN(mc.y()[1]));
    assertEquals(rows.get(1).cf, plot.series().get(1).y()[1], 0.0, "the closed form is drawn where MC failed");
    assertEquals(rows.get(2).linear, plot.series().get(3).y()[2], 0.0);
    assertTrue(plot.note().endsWith("training length L = 50; linear attention's loss is smallest at L' = L + (d_i + "
        + "1)/2"), plot.note());
  }

  // ---- P7-length-calibration ----

  private static Verdict calibration(List<Row> rows) {
    return verdict(check(rows, 0.02), "P7-length-calibration");
  }

  @Test
  void calibrationMeasuresLinearOverSoftmaxAtTheLongestLength() {
    List<Row> rows = rows(25, 50, 200, 800);
    Verdict v = calibration(rows);
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals(1000 / rows.get(3).mean, v.measured(), 1e-9);
  }

  @Test
  void calibrationToleratesAMonteCarloRiseWithinFourStandardErrors() {
    List<Row> rows = rows(25, 50, 200, 800);
    Row a = rows.get(1);
    Row b = rows.get(2);
    b.mean = a.mean + 3.9 * Math.hypot(a.se, b.se);
    assertEquals(Verdict.Status.PASS, calibration(rows).status());
    b.mean = a.mean + 4.1 * Math.hypot(a.se, b.se);
    Verdict v = calibration(rows);
    assertEquals(Verdict.Status.FAIL, v.status());
    assertTrue(v.evidence().contains("softmax loss rises from L'=50 to 200 (Monte Carlo, beyond 4 SE)"),
        v.evidence().toString());
  }

  @Test
  void calibrationNeedsTheClosedFormToFallStrictlyAndTheRefinedNotToRise() {
    List<Row> rows = rows(25, 50, 200, 800);
    rows.get(2).cf = rows.get(1).cf;
    Verdict flat = calibration(rows);
    assertEquals(Verdict.Status.FAIL, flat.status());
    assertTrue(flat.evidence().contains("softmax loss rises from L'=50 to 200 (closed form or refined)"),
        flat.evidence().toString());
    List<Row> refined = rows(25, 50, 200, 800);
    refined.get(2).ref = refined.get(1).ref;
    assertEquals(Verdict.Status.FAIL, calibration(refined).status(), "a refined loss that stays");
    List<Row> missing = rows(25, 50, 200, 800);
    missing.get(2).ref = Double.NaN;
    assertEquals(Verdict.Status.PASS, calibration(missing).status(), "no refined loss to compare: not a rise");
  }

  @Test
  void calibrationNeedsASignificantOverallFall() {
    List<Row> rows = rows(25, 50, 200, 800);
    Row first = rows.get(0);
    Row end = rows.get(3);
    end.mean = first.mean - 3.9 * Math.hypot(first.se, end.se);
    for (Row r : rows.subList(1, 3)) {
      r.mean = first.mean - 1e-3 * first.se;
    }
    Verdict v = calibration(rows);
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertTrue(v.evidence().stream().anyMatch(e -> e.endsWith("[no significant overall fall]")));
  }

  @Test
  void calibrationNeedsLinearAttentionWorseAtBothEndsUnlessTheLadderStartsAtL() {
    List<Row> rows = rows(25, 50, 200, 800);
    rows.get(0).linear = 0.4;
    Verdict v = calibration(rows);
    assertEquals(Verdict.Status.FAIL, v.status());
    assertTrue(v.evidence().stream().anyMatch(e -> e.contains("[not worse at both ends]")), v.evidence().toString());
    // A ladder from L' = L itself has no short end to check.
    List<Row> fromL = rows(50, 200, 800);
    fromL.get(0).linear = 0.4;
    assertEquals(Verdict.Status.PASS, calibration(fromL).status(), calibration(fromL).evidence().toString());
    List<Row> lowEnd = rows(25, 50, 200, 800);
    lowEnd.get(3).linear = 0.5;
    assertEquals(Verdict.Status.FAIL, calibration(lowEnd).status(), "as good as at L at the long end");
  }

  @Test
  void calibrationNeedsLinearAttentionAboveSoftmaxBeyondItsNoise() {
    List<Row> rows = rows(25, 50, 200, 800);
    Row end = rows.get(3);
    end.linear = end.mean + 3.9 * end.se;
    rows.get(0).linear = 1.0;
    Verdict v = calibration(rows);
    assertEquals(Verdict.Status.FAIL, v.status(), "linear at L' = 800 is above 0.5 but within 4 SE of softmax");
    assertTrue(v.evidence().stream().anyMatch(e -> e.endsWith("[not above softmax at L'_max]")),
        v.evidence().toString());
    end.linear = end.mean + 4.1 * end.se;
    Verdict w = calibration(rows);
    assertFalse(w.evidence().stream().anyMatch(e -> e.contains("[not above softmax")), w.evidence().toString());
  }

  // ---- thresholds hit exactly ----

  @Test
  void aLengthExactlyAtTheExpansionLimitIsAsserted() {
    List<Row> rows = rows(50, 800);
    Part p = check(rows, LengthGeneralisationCheck.expansionParameter(C, LIMIT, 800));
    assertEquals(Verdict.Status.PASS, verdict(p, "P7-length-generalisation").status());
    assertEquals(Verdict.Status.PASS, verdict(p, "P7-length-refined").status());
  }

  @Test
  void theVerdictsHoldAtFourStandardErrorsExactly() {
    List<Row> rows = rows(50, 800);
    Row r = rows.get(1);
    r.se = 2.0;
    double own = own(800);
    double next = next(800);
    r.mean = Exact.solve(m -> (Math.abs(m - r.cf) - own - next) / r.se, r.cf + own + next + 8, 4.0);
    Verdict cf = verdict(check(rows, 0.02), "P7-length-generalisation");
    assertEquals(4.0, cf.measured(), 0.0);
    assertEquals(Verdict.Status.PASS, cf.status());
    assertTrue(cf.evidence().get(1).contains("asserted: closed form PASS (z = 4.00)"), cf.evidence().get(1));
    r.mean = Exact.solve(m -> (Math.abs(m - r.ref) - next) / r.se, r.ref + next + 8, 4.0);
    Verdict ref = verdict(check(rows, 0.02), "P7-length-refined");
    assertEquals(4.0, ref.measured(), 0.0);
    assertEquals(Verdict.Status.PASS, ref.status());
    assertTrue(ref.evidence().get(1).endsWith("refined PASS (z = 4.00)"), ref.evidence().get(1));
  }

  @Test
  void theEvidenceOfALengthGivesBothZValues() {
    List<Row> rows = rows(50, 800);
    Row r = rows.get(1);
    r.mean = r.cf + 3 * r.se;
    String line = verdict(check(rows, 0.02), "P7-length-generalisation").evidence().get(1);
    assertTrue(line.startsWith(String.format(java.util.Locale.ROOT, "L'=800: MC %.5f +- %.5f, closed form %.5f, "
        + "refined %.5f, linear attention 1000.0; m(L')=%.4f, next-order estimate %.2e, closed form's own model "
        + "error B %.2e; (MC-CF)/SE = %.2f, (MC-Ref)/SE = %.2f; asserted: ", r.mean, r.se, r.cf, r.ref,
        LengthGeneralisationCheck.expansionParameter(C, LIMIT, 800), next(800), own(800), (r.mean - r.cf) / r.se,
        (r.mean - r.ref) / r.se)), line);
    double zRef = (Math.abs(r.mean - r.ref) - next(800)) / r.se;
    assertTrue(line.endsWith(String.format(java.util.Locale.ROOT, "refined %s (z = %.2f)", zRef <= 4 ? "PASS"
        : "FAIL", zRef)), line);
  }

  @Test
  void calibrationToleratesARiseOfExactlyFourStandardErrors() {
    List<Row> rows = rows(25, 50, 200, 800);
    Row a = rows.get(1);
    Row b = rows.get(2);
    b.mean = a.mean + LengthGeneralisationCheck.SIGMAS * FastMath.hypot(a.se, b.se);
    assertEquals(Verdict.Status.PASS, calibration(rows).status(), calibration(rows).evidence().toString());
  }

  @Test
  void calibrationCallsAFallOfExactlyFourStandardErrorsInsignificant() {
    List<Row> rows = rows(25, 50, 200, 800);
    Row first = rows.get(0);
    Row end = rows.get(3);
    for (Row r : rows.subList(1, 3)) {
      r.mean = first.mean - 1e-3 * first.se;
    }
    end.mean = first.mean - LengthGeneralisationCheck.SIGMAS * FastMath.hypot(first.se, end.se);
    assertEquals(Verdict.Status.FAIL, calibration(rows).status(), calibration(rows).evidence().toString());
  }

  @Test
  void calibrationNeedsLinearAttentionStrictlyWorseThanAtL() {
    List<Row> low = rows(25, 50, 200, 800);
    low.get(0).linear = 0.5;
    assertEquals(Verdict.Status.FAIL, calibration(low).status(), "as good as at L at the short end");
    List<Row> high = rows(25, 50, 200, 800);
    Row end = high.get(3);
    end.mean = 0.1;
    end.se = 1e-5;
    end.linear = 0.5;
    Verdict v = calibration(high);
    assertEquals(Verdict.Status.FAIL, v.status(), "as good as at L at the long end, though above softmax there");
    assertFalse(v.evidence().stream().anyMatch(e -> e.contains("[not above softmax")), v.evidence().toString());
    List<Row> equal = rows(25, 50, 200, 800);
    Row e = equal.get(3);
    e.linear = e.mean + LengthGeneralisationCheck.SIGMAS * e.se;
    assertEquals(Verdict.Status.FAIL, calibration(equal).status(), "exactly 4 SE above softmax is not beyond it");
  }
}
