package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.validated.LohnerTaylorIntegrator;
import io.github.softmaxicl.numerics.validated.ReducedLogTaylorField;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link HalfSignalProofCheck} on the real {@code small} tube (pass), on floating-point times moved out of their
 * enclosures (fail), on a complete tube that ends before the half-signal crossings while the floating-point run
 * claims an earlier t_e (fail), on a tube stopped early and on one that ends before t_e (error).
 */
class HalfSignalProofCheckTest {
  /** The integrator settings of the experiment (docs/VALIDATED-INTEGRATION.md §4). */
  private static final LohnerTaylorIntegrator.Settings SETTINGS =
      LohnerTaylorIntegrator.Settings.reducedFlowProof();

  private static ReducedRun small;
  private static ReducedLogTaylorField field;
  private static ValidatedTube tube;

  @BeforeAll
  static void prove() {
    small = SmallProofTube.RUN;
    field = SmallProofTube.FIELD;
    tube = SmallProofTube.TUBE;
  }

  private static HalfSignalProofCheck.Result check(double[] halfSignal, ValidatedTube t) {
    return HalfSignalProofCheck.check("small-reduced", small.config(), small.init(),
        new MarkerTimes(small.markers().warmupEnd(), small.markers().emergenceEnd(), halfSignal,
            small.markers().taskWarmupEnds(), small.markers().taskEmergenceEnds()), t);
  }

  private static HalfSignalProofCheck.Result checkMarkers(double tw, double te) {
    return HalfSignalProofCheck.check("small-reduced", small.config(), small.init(),
        new MarkerTimes(tw, te, small.markers().halfSignal(), small.markers().taskWarmupEnds(),
            small.markers().taskEmergenceEnds()), tube);
  }

  /**
   * A run is checked against its own markers (the two entry points agree to the evidence), and markers for another
   * number of tasks are refused rather than read past their end or short of it.
   */
  @Test
  void theRunsOwnMarkersAreCheckedAndOtherTaskCountsRefused() {
    Verdict whole = HalfSignalProofCheck.check("small-reduced", small, tube).verdict();
    Verdict parts = HalfSignalProofCheck.check("small-reduced", small.config(), small.init(), small.markers(), tube)
        .verdict();
    assertEquals(whole.status(), parts.status());
    assertEquals(whole.evidence(), parts.evidence());
    MarkerTimes three = MarkerTimes.withoutTaskPhases(1, 2, new double[3]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HalfSignalProofCheck.check("small-reduced", small.config(), small.init(), three, tube));
    assertEquals("markers for 3 tasks, the configuration has 2", e.getMessage());
  }

  @Test
  void theRealSmallRunPasses() {
    HalfSignalProofCheck.Result r = HalfSignalProofCheck.check("small-reduced", small, tube);
    Verdict v = r.verdict();
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals("certified (interval arithmetic)", v.provenance());
    assertEquals(small.config().tasks(), r.tasks().size());
    for (HalfSignalProofCheck.TaskEnclosure t : r.tasks()) {
      Interval e = t.enclosure().orElseThrow();
      // A few validated steps wide (0.064 measured): far narrower than the 119 time units it locates.
      assertTrue(e.width() > 0 && e.width() < 1e-2 * e.midpoint(), e.toString());
    }
    // The measured position is a margin strictly inside, not a constant.
    assertTrue(v.measured() >= 0 && v.measured() < 1, "position " + v.measured());
    assertTrue(v.evidence().stream().anyMatch(l -> l.contains("tube width at t_e")), v.evidence().toString());
    assertTrue(v.evidence().stream().anyMatch(l -> l.startsWith("each crossing is unique")), v.evidence().toString());
    assertEquals(List.of("t_w", "t_e", "t_w,1", "t_e,1", "t_w,2", "t_e,2"), r.markers().stream()
        .map(HalfSignalProofCheck.MarkerEnclosure::marker).toList());
    for (HalfSignalProofCheck.MarkerEnclosure m : r.markers()) {
      Interval e = m.enclosure().orElseThrow();
      assertTrue(m.inside(), m.toString());
      // At most a few validated steps (each at most 50 long) wide: a bound the rule cannot meet by accident if
      // it enclosed, say, everything from 0 to the crossing.
      assertTrue(e.width() > 0 && e.width() < 0.5 * e.midpoint() && e.width() <= 100, m.toString());
    }
  }

  /**
   * t_e moved just past its enclosure's upper end, or t_w one enclosure width before its own, fails (the
   * half-signal times unchanged); a missing floating-point t_w fails too.
   */
  @Test
  void aShiftedPhaseMarkerFails() {
    HalfSignalProofCheck.Result r = checkMarkers(small.markers().warmupEnd(), small.markers().emergenceEnd());
    Interval te = r.markers().get(1).enclosure().orElseThrow();
    // Past the enclosure but inside the tube (which ends 5 after t_e): a time outside the tube is an error instead.
    Verdict late = checkMarkers(small.markers().warmupEnd(), te.hi() + 0.01 * te.width()).verdict();
    assertEquals(Verdict.Status.FAIL, late.status(), late.evidence().toString());
    assertTrue(late.measured() > 1, "position " + late.measured());
    assertTrue(late.evidence().stream().anyMatch(l -> l.startsWith("t_e") && l.contains("OUTSIDE")),
        late.evidence().toString());
    Interval tw = r.markers().get(0).enclosure().orElseThrow();
    assertEquals(Verdict.Status.FAIL, checkMarkers(tw.lo() - tw.width(),
        small.markers().emergenceEnd()).verdict().status());
    // A floating-point run that never reached 0.99 F(0), where the proof says F does: fail.
    assertEquals(Verdict.Status.FAIL, checkMarkers(Double.NaN, small.markers().emergenceEnd()).verdict().status());
  }

  /**
   * A floating-point time moved to just past its enclosure's upper end (one enclosure width beyond the true
   * time, so it leaves whatever its position) fails, with a position above 1; moved below the lower end too.
   */
  @Test
  void aFloatingPointTimeOutsideItsEnclosureFails() {
    double[] t = small.markers().halfSignal();
    Interval e = check(t, tube).tasks().get(0).enclosure().orElseThrow();
    double[] late = t.clone();
    late[0] = e.hi() + 0.01 * e.width();
    Verdict v = check(late, tube).verdict();
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertTrue(v.measured() > 1, "position " + v.measured());
    double[] early = t.clone();
    early[early.length - 1] = e.lo() - e.width();
    assertEquals(Verdict.Status.FAIL, check(early, tube).verdict().status());
    double[] missing = t.clone();
    missing[0] = Double.NaN; // the floating-point run never reached the level the proof says it crosses
    assertEquals(Verdict.Status.FAIL, check(missing, tube).verdict().status());
  }

  /** A tube stopped by its step limit is an error with the tube's reason, never a pass, however good the times. */
  @Test
  void aTubeThatStoppedEarlyIsAnError() {
    ValidatedTube stopped = LohnerTaylorIntegrator.integrate(field, field.startEnclosure(),
        small.markers().emergenceEnd() + 5.0, new LohnerTaylorIntegrator.Settings(12, 1e-12, 50.0, 10));
    assertFalse(stopped.complete());
    Verdict v = check(small.markers().halfSignal(), stopped).verdict();
    assertEquals(Verdict.Status.ERROR, v.status(), v.evidence().toString());
    String reason = stopped.stopReason().orElseThrow();
    assertTrue(v.evidence().stream().anyMatch(l -> l.contains(reason)), v.evidence().toString());
  }

  /** A complete tube that ends before t_e proves nothing about the phases there: an error. */
  @Test
  void aTubeEndingBeforeEmergenceIsAnError() {
    ValidatedTube shortTube = LohnerTaylorIntegrator.integrate(field, field.startEnclosure(), 20.0, SETTINGS);
    assertTrue(shortTube.complete());
    Verdict v = check(small.markers().halfSignal(), shortTube).verdict();
    assertEquals(Verdict.Status.ERROR, v.status(), v.evidence().toString());
  }

  /**
   * The real tube requested to t = 100 only (complete, before either half-signal crossing at ≈ 119), against a
   * floating-point run that claims t_e = 50 (deliberately wrong: the tube covers it, so this is not the "does not
   * cover t_e" error): no task's crossing is certified, a fail, and the evidence names each task from 1.
   */
  @Test
  void aCompleteTubeWithoutTheCrossingsFails() {
    int k = tube.steps().indexOf(tube.stepAt(100.0).orElseThrow());
    ValidatedTube to100 = new ValidatedTube(tube.initial(), tube.steps().subList(0, k + 1), tube.steps().get(k).t1(),
        Optional.empty(), 0.0);
    assertTrue(to100.complete());
    double[] half = small.markers().halfSignal();
    HalfSignalProofCheck.Result r = HalfSignalProofCheck.check("small-reduced", small.config(), small.init(),
        new MarkerTimes(small.markers().warmupEnd(), 50.0, half, small.markers().taskWarmupEnds(),
            small.markers().taskEmergenceEnds()), to100);
    Verdict v = r.verdict();
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    for (int i = 0; i < half.length; i++) {
      assertTrue(r.tasks().get(i).enclosure().isEmpty(), r.tasks().get(i).toString());
      String line = ReducedRunChecks.fmt("task %d: the tube does not certify a first half-signal crossing (floating "
          + "point %.9g)", i + 1, half[i]);
      assertTrue(v.evidence().contains(line), line + " in " + v.evidence());
    }
  }
}
