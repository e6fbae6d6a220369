package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * What the runner assembles around the integrators, on short runs of the small preset (t_w ≈ 113, t_e ≈ 123; a
 * run to t = 300 takes ≈ 0.2 s): input validation, where the explicit leg hands over to the tail, the trajectory's
 * schedule around the markers, and the run record's derived fields against independent computations. No run here
 * goes to convergence.
 */
class ReducedFlowRunnerTest {
  private static final ProblemConfig C = Preset.SMALL.config();
  private static final SpectralState INIT = Initialisations.paper(C);
  private static final ReducedFlowOptions OPTIONS = ReducedFlowOptions.defaults().withDenseWindowSamples(0);

  private static ReducedRun run(double tEnd, ReducedFlowOptions options) {
    return ReducedFlowRunner.run(C, INIT, tEnd, options);
  }

  private static List<Double> markerTimes(ReducedRun r) {
    List<Double> m = new ArrayList<>(List.of(r.markers().warmupEnd(), r.markers().emergenceEnd()));
    for (double[] a : new double[][] {r.markers().halfSignal(), r.markers().taskWarmupEnds(),
        r.markers().taskEmergenceEnds()}) {
      for (double v : a) {
        m.add(v);
      }
    }
    return m;
  }

  @Test
  void endTimeMustBePositiveAndFinite() {
    for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(bad, OPTIONS));
      assertTrue(e.getMessage().contains("t_end must be finite and > 0"), e.getMessage());
    }
  }

  @Test
  void tailTakesOverWhereTheLastMarkerIsLocated() {
    ReducedRun r = run(300, OPTIONS);
    double last = markerTimes(r).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertTrue(markerTimes(r).stream().noneMatch(v -> v.isNaN()), "every marker is reached by t = 300");
    // The explicit leg STOPs at the event that locates the last marker; the stop time and the located time are the
    // same root, found by the Brent solver to the options' absolute event-time accuracy (1e-9).
    assertEquals(last, r.tailStart(), OPTIONS.eventTimeAccuracy());
    // The record's last sample is the end state itself, at t_end with F(t_end).
    TrajectorySample end = r.trajectory().get(r.trajectory().size() - 1);
    assertEquals(300.0, end.t(), 0.0);
    assertEquals(r.fFinal(), end.loss(), 0.0);
  }

  @Test
  void noTailWhenTheRunEndsBeforeTheMarkers() {
    ReducedRun r = run(100, OPTIONS);
    assertTrue(Double.isNaN(r.markers().warmupEnd()), "t = 100 is before the warm-up ends (≈ 113)");
    assertTrue(Double.isNaN(r.tailStart()), "tail start " + r.tailStart());
    assertEquals(100.0, r.trajectory().get(r.trajectory().size() - 1).t(), 0.0);
  }

  @Test
  void trajectoryIsUniformInsideTheEmergenceWindowAndGeometricAfterIt() {
    ReducedRun r = run(300, OPTIONS);
    List<Double> markers = markerTimes(r);
    double spacing = r.markers().warmupEnd() / OPTIONS.windowSamplesPerWarmup();
    double tFirst = 1e-6 * 300;
    List<TrajectorySample> s = r.trajectory();
    int inside = 0;
    int after = 0;
    for (int k = 1; k < s.size(); k++) {
      double t = s.get(k).t();
      if (markers.contains(t) || t == 300.0) {
        continue;
      }
      if (t > r.markers().warmupEnd() && t <= r.markers().emergenceEnd()) {
        // Each window sample is one spacing after the previous sample (regular or marker); the sum t_prev + spacing
        // is rounded once, so 1e-12 (≈ 2·10³ ulps at t ≈ 120) is ample.
        assertEquals(s.get(k - 1).t() + spacing, t, 1e-12, "window sample " + k);
        inside++;
      } else if (t > r.markers().emergenceEnd()) {
        // Back on the grid tFirst·10^(j/40): j is an integer up to the rounding of log10 (≈ 1e-13 here).
        double j = OPTIONS.samplesPerDecade() * FastMath.log10(t / tFirst);
        assertEquals(FastMath.rint(j), j, 1e-9, "sample after t_e at " + t);
        after++;
      }
    }
    // (t_e − t_w)/spacing ≈ 10.3/0.28 ≈ 36 window samples; 40 per decade from 123 to 300: ≈ 15.
    assertTrue(inside >= 30, "window samples: " + inside);
    assertTrue(after >= 10, "samples after t_e: " + after);
  }

  @Test
  void sameIntegratorTailRecordsItsSamples() {
    ReducedRun r = run(300, OPTIONS.withTail(ReducedFlowOptions.Tail.SAME_INTEGRATOR));
    // The tail runs from ≈ 123 to 300, 40 samples per decade: ≈ 15 samples strictly between the two.
    long tailSamples = r.trajectory().stream().filter(x -> x.t() > r.tailStart() && x.t() < 300).count();
    assertTrue(tailSamples >= 10, "samples recorded by the tail: " + tailSamples);
    assertEquals("DormandPrince853", r.integratorName());
  }

  @Test
  void derivedFieldsOfTheRecordAgreeWithIndependentComputations() {
    long before = System.nanoTime();
    ReducedRun r = run(150, OPTIONS);
    double elapsed = (System.nanoTime() - before) * 1e-9;
    assertTrue(r.wallSeconds() >= 0 && r.wallSeconds() <= elapsed, "wall " + r.wallSeconds() + " s of " + elapsed);

    // ln|μ| from the log coordinates against ln of the exponentiated state: exp and log each add ≤ 1 ulp, so the
    // two agree to ≤ 2·2.2e-16·(1 + |ln|μ||) ≤ 1e-13 for |ln|μ|| < 60, where μ is a normal double.
    double[][] logMu = r.logAbsMuFinal();
    double[][] mu = r.muFinal();
    int compared = 0;
    for (int h = 0; h < C.heads(); h++) {
      for (int i = 0; i < C.tasks(); i++) {
        if (FastMath.abs(mu[h][i]) >= Double.MIN_NORMAL) {
          assertEquals(FastMath.log(FastMath.abs(mu[h][i])), logMu[h][i], 1e-13, "ln|mu[" + h + "][" + i + "]|");
          compared++;
        }
      }
    }
    assertEquals(C.heads() * C.tasks(), compared, "no μ underflows by t = 150");

    // The velocity norm is the Euclidean norm of the balanced field's velocity at the end state; summed here in the
    // same order (head, task; ω² then μ²), so agreement to 4 ulps.
    SpectralState v = new BalancedSpectralField(new LeadingOrderLoss(C), INIT).velocity(r.finalState());
    double s = 0;
    for (int h = 0; h < v.heads(); h++) {
      for (int j = 0; j < v.tasks(); j++) {
        s += v.omega(h, j) * v.omega(h, j) + v.mu(h, j) * v.mu(h, j);
      }
    }
    assertEquals(FastMath.sqrt(s), r.velocityNorm(), 4 * FastMath.ulp(r.velocityNorm()));
    assertTrue(r.velocityNorm() > 0);
  }

  @Test
  void eachToleranceAloneControlsTheStep() {
    // A pure absolute (rel = 1e-300) and a pure relative (abs = 1e-300) tolerance of 1e-6 on the log coordinates
    // must each integrate (neither is dropped, which would leave a zero tolerance and a step-size underflow), and
    // agree with the default run. Budget: ≤ ~100 accepted steps to t = 30, each with local error ≤ 1e-6 in the log
    // coordinates (relative on ω, μ); linear accumulation gives ≤ 1e-4 relative on the state, and F, within 0.2 %
    // of F(0) this early, moves relatively less: 1e-4 on F. Measured at t = 100: ≤ 3e-10.
    double reference = run(30, OPTIONS).fFinal();
    for (double[] relAbs : new double[][] {{1e-300, 1e-6}, {1e-6, 1e-300}}) {
      ReducedRun r = run(30, OPTIONS.withTolerances(relAbs[0], relAbs[1]));
      assertEquals(reference, r.fFinal(), 1e-4 * reference, "rel " + relAbs[0] + ", abs " + relAbs[1]);
    }
  }

  /**
   * The per-task markers read the task losses from the allocation-free evaluator by default and from the theory
   * module's {@code LeadingOrderLoss} (the reference) without the fast field; the two evaluate the same formula,
   * to round-off (LeadingOrderLogFieldTest), far below the per-step tolerance τ = 1e-10, so the two runs differ by
   * at most the scheme's own global error: IntegratorAgreementTest's budget of 1e-7 relative on marker times (there
   * for the same two evaluators, among other pairs). Every marker, per-task ones included, must be located by both.
   */
  @Test
  void theReferenceEvaluatorLocatesTheSameMarkers() {
    ReducedRun fast = run(300, OPTIONS);
    ReducedRun reference = run(300, OPTIONS.withFastField(false));
    List<Double> a = markerTimes(fast);
    List<Double> b = markerTimes(reference);
    for (int k = 0; k < a.size(); k++) {
      assertTrue(a.get(k) > 0, "marker " + k + " at " + a.get(k));
      assertEquals(a.get(k), b.get(k), 1e-7 * a.get(k), "marker " + k);
    }
  }

  @Test
  void allocationIsTheHeadWithTheLargestProductFirstOnTies() {
    // Task 0: products μω = 1·2 = 2 (head 0) and 2·0.5 = 1 (head 1): head 0, although head 1 has the larger
    // ratio μ/ω (4 vs 0.5). Task 1: equal products 1·1 and 2·0.5: the first head.
    SpectralState s = SpectralState.of(new double[][] {{2.0, 1.0}, {0.5, 0.5}}, new double[][] {{1.0, 1.0},
        {2.0, 2.0}});
    assertArrayEquals(new int[] {0, 0}, ReducedFlowRunner.allocation(s));
    // Three heads, three tasks, no ties: task 0 to head 2 (products 0.5, 1, 3), task 1 to head 1 (negative product
    // −4 on head 0 loses to 0.25 and 0.125), task 2 to head 0 (6 against 1 and 2).
    SpectralState t = SpectralState.of(new double[][] {{0.5, -2.0, 3.0}, {1.0, 0.5, 1.0}, {3.0, 0.5, 2.0}},
        new double[][] {{1.0, 2.0, 2.0}, {1.0, 0.5, 1.0}, {1.0, 0.25, 1.0}});
    assertArrayEquals(new int[] {2, 1, 0}, ReducedFlowRunner.allocation(t));
  }

  @Test
  void aStartBeyondTheBlowUpBoundFailsAtTimeZero() {
    // |ω| = 1e27 > e^60 ≈ 1.1e26: the start itself is a blow-up state, refused before any step (time 0, naming the
    // coordinate), not after the integrator has stalled on it.
    double[][] w = INIT.omegaArray();
    w[1][0] = 1e27;
    SpectralState bad = SpectralState.of(w, INIT.muArray());
    io.github.softmaxicl.numerics.ReducedFlowFailure e = assertThrows(
        io.github.softmaxicl.numerics.ReducedFlowFailure.class, () -> ReducedFlowRunner.run(C, bad, 10, OPTIONS));
    assertEquals(0.0, e.time(), 0.0);
    assertTrue(e.getMessage().contains("blow-up"), e.getMessage());
  }
}
