package io.github.softmaxicl.experiments.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.sweeps.SweepChecks;
import io.github.softmaxicl.checks.sweeps.SweepOutcome;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SweepMeasurement} on a small settings object, checked by {@link SweepChecks}, and deliberately broken
 * settings whose measurements must not pass.
 */
class SweepMeasurementTest {
  private static SweepSettings small;
  private static SweepOutcome outcome;

  /**
   * Small sweep: blocks {2,2}, {3,3,3}, {2,5} at L/d = 1, √30, 30; P7 on blocks 16,16 (H = 2, L = 50) at
   * L' = 25 .. 800 with 3,000 prompts (m(800) = 0.0185 ≤ 0.02, so L' = 800 is asserted); the quick model-error
   * ladder; H = 1, 2, 3 on blocks 4,4,4.
   */
  @BeforeAll
  static void runSmallSweep() {
    small = io.github.softmaxicl.experiments.Settings.quick().sweeps()
        .withGrid(List.of(List.of(2, 2), List.of(3, 3, 3), List.of(2, 5)), 3, 1.0, 30.0)
        .withLength(ProblemConfig.of(32, new int[] {16, 16}, 2, 50, 0.0, 1.0), List.of(0.5, 1.0, 4.0, 16.0), 3000,
            0.02);
    outcome = SweepChecks.check(SweepMeasurement.measure(small, 2, PARTS_DONE::add));
  }

  /** Parts reported done by the measurement, for the progress test. */
  private static final List<Integer> PARTS_DONE = new java.util.ArrayList<>();

  /** The sweep stage reports each of its parts as done, in order, so a long stage is never silent. */
  @Test
  void reportsEachPartDoneInOrder() {
    assertEquals(List.of(1, 2, 3, 4, 5), PARTS_DONE);
    assertEquals(SweepMeasurement.PARTS, PARTS_DONE.size());
  }

  private static Verdict verdict(String id) {
    return outcome.verdict(id).orElseThrow(() -> new AssertionError("no verdict " + id));
  }

  @Test
  void everyVerdictPassesWithReconstructionProvenance() {
    assertEquals(7, outcome.verdicts().size());
    for (Verdict v : outcome.verdicts()) {
      assertEquals(Verdict.Status.PASS, v.status(), v.claimId() + ": " + v.evidence());
      assertEquals("reconstruction", v.provenance());
      assertEquals("sweep", v.run());
      assertTrue(Double.isFinite(v.measured()));
      var claim = io.github.softmaxicl.theory.Claims.byId(v.claimId());
      assertTrue(claim.isPresent(), v.claimId() + " is reported but not registered in Claims");
      assertEquals(claim.get().provenance().label(), v.provenance(), v.claimId());
    }
    assertEquals(List.of("p4-optimality", "p5-separation", "p7-length-generalisation", "p6-model-error",
        "observation-few-heads"), outcome.plots().stream().map(Sweep::id).toList());
  }

  /** P4: the largest flow ratio is the closed form at the largest L/d (flow converged to 1e-6 relative). */
  /**
   * P4: the verdict is the per-task match with the closed form (measured = worst deviation / its tolerance, so
   * at most 1), and every plotted F_final / inf equals F* / inf to the flow's tolerance and stays below e.
   */
  @Test
  void optimalityMeasuredIsTheWorstMatchAgainstTheClosedForm() {
    Verdict v = verdict("P4-optimality");
    assertTrue(v.measured() >= 0 && v.measured() <= 1, "measured " + v.measured());
    Sweep plot = outcome.result("p4-optimality").orElseThrow();
    for (int k = 0; k < small.blockSets().size(); k++) {
      List<Integer> set = small.blockSets().get(k);
      int d = SweepGrid.config(set, 1).d();
      List<Integer> lengths = SweepGrid.lengths(d, small);
      Sweep.Series points = plot.series().get(k);
      for (int j = 0; j < lengths.size(); j++) {
        double cf = ClosedForms.optimalityRatio(SweepGrid.config(set, lengths.get(j)));
        double measured = points.y()[j];
        assertEquals(cf, measured, small.convergenceTolerance() * cf + 1e-12);
        assertTrue(measured < StrictMath.E);
      }
    }
  }

  /**
   * P5: the measured value is the smallest plotted ratio, and every equal-block point equals the symmetric closed
   * form n(1 + x)/(1 + n x), x = e d_b/L (optimiser budget 1e-10 relative).
   */
  @Test
  void separationMeasuredIsSmallestRatio() {
    Sweep plot = outcome.result("p5-separation").orElseThrow();
    double min = Double.POSITIVE_INFINITY;
    for (int k = 0; k < small.blockSets().size(); k++) {
      List<Integer> set = small.blockSets().get(k);
      Sweep.Series points = plot.series().get(k);
      int d = SweepGrid.config(set, 1).d();
      for (int j = 0; j < points.x().length; j++) {
        double px = points.x()[j];
        double py = points.y()[j];
        min = Math.min(min, py);
        if (set.stream().distinct().count() == 1) {
          int n = set.size();
          double x = StrictMath.E * set.get(0) / Math.round(px * d);
          double expected = n * (1 + x) / (1 + n * x);
          assertEquals(expected, py, 1e-10 * expected, set + " at L/d = " + px);
        }
      }
    }
    assertEquals(min, verdict("P5-separation").measured());
    assertTrue(verdict("P5-single-head-stationarity").measured() <= 1.0);
  }

  /** P7: asserted only at L' = 800; calibration measured is the linear loss over the plotted MC point. */
  @Test
  void lengthGeneralisationMeasuredValuesAreConsistent() {
    Verdict cf = verdict("P7-length-generalisation");
    assertTrue(cf.measured() <= 4.0);
    assertEquals(1, cf.evidence().stream().filter(e -> e.contains("asserted: ")).count(), cf.evidence().toString());
    Sweep plot = outcome.result("p7-length-generalisation").orElseThrow();
    Sweep.Series mc = plot.series().get(0);
    int last = mc.x().length - 1;
    assertEquals(800.0, mc.x()[last]);
    assertTrue(mc.hasErrors() && mc.yError()[last] > 0);
    double ratio = LinearAttentionBaseline.loss(small.lengthConfig(), 800) / mc.y()[last];
    assertEquals(ratio, verdict("P7-length-calibration").measured(), 1e-12 * ratio);
  }

  /** Model-error ladder: measured is |e_ref| / |e_LO| at the largest L, read back from the plotted points. */
  @Test
  void modelErrorMeasuredMatchesPlot() {
    Sweep plot = outcome.result("p6-model-error").orElseThrow();
    double[] lo = plot.series().get(0).y();
    double[] ref = plot.series().get(1).y();
    double expected = ref[ref.length - 1] / lo[lo.length - 1];
    assertEquals(expected, verdict("P6-model-error").measured(), 1e-12);
    assertTrue(ref[0] > ref[ref.length - 1]);
  }

  /** Observation: with H = 2 < n = 3 one head serves two tasks; with H = n the loss is F*. */
  @Test
  void fewHeadsObservation() {
    Sweep obs = outcome.result("observation-few-heads").orElseThrow();
    double[] flow = obs.series().get(0).y();
    double[] predicted = obs.series().get(1).y();
    assertEquals(3, flow.length);
    // H = n: F_final/F* = 1 to the stationarity tolerance 1e-6 (plus the off-task 1/t^2 tail, far smaller).
    assertEquals(1.0, flow[2], 1e-6);
    for (int k = 0; k < flow.length; k++) {
      // The prediction (each head at the single-head optimum of its tasks) within the flow's 1e-6.
      assertEquals(predicted[k], flow[k], 1e-6 * flow[k]);
    }
    List<String> notes = List.of(obs.note().split("\n"));
    assertTrue(notes.stream().anyMatch(n -> n.startsWith("H=2") && n.contains("serves task 2, 3")), obs.note());
  }

  /** A t_end far too short cannot reach the limit: the P4 verdict is ERROR, never a pass. */
  @Test
  void shortHorizonGivesError() {
    SweepSettings broken = small.withFlow(10.0, 10.0, 1e-6);
    Verdict v = SweepChecks.optimality(OptimalitySweep.measure(broken)).verdicts().get(0);
    assertEquals(Verdict.Status.ERROR, v.status());
    assertTrue(Double.isNaN(v.measured()));
  }

  /** A zero convergence tolerance is unreachable for a floating-point flow: ERROR. */
  @Test
  void zeroToleranceGivesError() {
    SweepSettings broken = small.withFlow(3.0e4, 3.0e4, 0.0);
    assertEquals(Verdict.Status.ERROR,
        SweepChecks.optimality(OptimalitySweep.measure(broken)).verdicts().get(0).status());
  }

  /** With an expansion limit too small for any L', nothing is verified: ERROR, not a pass. */
  @Test
  void lengthCheckErrsWithNothingAsserted() {
    SweepSettings none = small.withLength(small.lengthConfig(), List.of(0.5, 1.0), 500, 0.02);
    SweepOutcome empty = SweepChecks.length(LengthSweep.measure(none, 2));
    assertEquals(Verdict.Status.ERROR, empty.verdicts().get(0).status());
    assertEquals(Verdict.Status.ERROR, empty.verdicts().get(1).status());
  }

  /**
   * A ladder of short prompts (L = 20 .. 80, where the refined loss overshoots with sharp heads, MODEL.md §4) must
   * FAIL the model-error verdict: it is not vacuous.
   */
  @Test
  void modelErrorFailsOnShortPrompts() {
    SweepSettings shortLadder = small.withErrorLadder(small.errorConfig(), 0.35, 2.5, List.of(20, 30, 50, 80), 2000);
    Verdict v = SweepChecks.modelError(ModelErrorLadder.measure(shortLadder, 2)).verdicts().get(0);
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
  }

  /** Monte Carlo results do not depend on the thread count. */
  @Test
  void threadCountDoesNotChangeResults() {
    SweepSettings tiny = small.withErrorLadder(small.errorConfig(), 0.35, 2.5, List.of(20, 40, 80, 160), 300);
    var one = ModelErrorLadder.measure(tiny, 1);
    var two = ModelErrorLadder.measure(tiny, 2);
    assertEquals(one.rungs(), two.rungs());
    assertFalse(one.rungs().isEmpty());
  }
}
