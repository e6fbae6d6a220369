package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.validated.TubeStep;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The P2-proof, P3-proof and tube-plot checks on the {@code small} tube ({@link SmallProofTube}) at their edges: a
 * floating-point time on an end of its certified enclosure (endpoints included, position 1), per-task markers the
 * floating-point run lacks (NaN), and the evidence lines a reviewer reads against the enclosures themselves.
 */
class ProofEvidenceTest {
  private static final ReducedRun RUN = SmallProofTube.RUN;

  private static HalfSignalProofCheck.Result halfSignal(double[] half, double[] taskWarmupEnds,
      double[] taskEmergenceEnds) {
    return HalfSignalProofCheck.check("small-reduced", RUN.config(), RUN.init(),
        new MarkerTimes(RUN.markers().warmupEnd(), RUN.markers().emergenceEnd(), half, taskWarmupEnds,
            taskEmergenceEnds), SmallProofTube.TUBE);
  }

  @Test
  void aTimeOnAnEndOfItsEnclosureIsInsideAtPositionOne() {
    HalfSignalProofCheck.Result r = HalfSignalProofCheck.check("small-reduced", RUN, SmallProofTube.TUBE);
    Interval e0 = r.tasks().get(0).enclosure().orElseThrow();
    Interval e1 = r.tasks().get(1).enclosure().orElseThrow();
    double[] half = {e0.hi(), e1.lo()};
    HalfSignalProofCheck.Result ends = halfSignal(half, RUN.markers().taskWarmupEnds(),
        RUN.markers().taskEmergenceEnds());
    assertTrue(ends.tasks().get(0).inside());
    assertTrue(ends.tasks().get(1).inside());
    assertEquals(1.0, ends.tasks().get(0).position(), 1e-9);
    assertEquals(1.0, ends.tasks().get(1).position(), 1e-9);
    assertEquals(Verdict.Status.PASS, ends.verdict().status(), ends.verdict().evidence().toString());
    assertEquals(1.0, ends.verdict().measured(), 1e-9, "the largest position");
    HalfSignalProofCheck.MarkerEnclosure te = r.markers().get(1);
    Interval e = te.enclosure().orElseThrow();
    HalfSignalProofCheck.MarkerEnclosure onEdge = new HalfSignalProofCheck.MarkerEnclosure("t_e", te.enclosure(),
        e.lo());
    assertTrue(onEdge.inside());
    assertEquals(1.0, onEdge.position(), 1e-9);
    assertTrue(r.markers().get(0).position() < 1, "the real run lies strictly inside");
  }

  @Test
  void theEvidenceStatesEachEnclosureAndTheTubesWidthAtTe() {
    HalfSignalProofCheck.Result r = HalfSignalProofCheck.check("small-reduced", RUN, SmallProofTube.TUBE);
    List<String> ev = r.verdict().evidence();
    HalfSignalProofCheck.TaskEnclosure t = r.tasks().get(1);
    Interval e = t.enclosure().orElseThrow();
    assertTrue(ev.contains(ReducedRunChecks.fmt("task 2: certified half-signal time in [%.9g, %.9g] (width %.3g, "
        + "%.2e relative), the only crossing in it (one head reaches the level there, its signal proved "
        + "increasing); floating point %.9g, inside (position %.3f)", e.lo(), e.hi(), e.width(),
        e.width() / e.midpoint(), t.floatingPoint(), t.position())), ev.toString());
    HalfSignalProofCheck.MarkerEnclosure m = r.markers().get(3);
    Interval me = m.enclosure().orElseThrow();
    assertTrue(ev.contains(ReducedRunChecks.fmt("t_e,1: certified in [%.9g, %.9g] (width %.3g, %.2e relative) "
        + "(the only crossing in it: L_i proved decreasing there); floating point %.9g, inside (position %.3f)",
        me.lo(), me.hi(), me.width(), me.width() / me.midpoint(),
        m.floatingPoint(), m.position())), ev.toString());
    TubeStep step = SmallProofTube.TUBE.stepAt(RUN.markers().emergenceEnd()).orElseThrow();
    double widest = 0;
    for (Interval i : step.overStep()) {
      widest = Math.max(widest, i.width());
    }
    assertTrue(widest > 0);
    assertTrue(ev.get(1).contains(ReducedRunChecks.fmt("%.3e over the whole step", widest)), ev.get(1));
  }

  @Test
  void perTaskMarkersMissingFromTheFloatingPointRunFail() {
    double[] tw = RUN.markers().taskWarmupEnds();
    double[] te = RUN.markers().taskEmergenceEnds();
    HalfSignalProofCheck.Result r = halfSignal(RUN.markers().halfSignal(), new double[] {tw[0], Double.NaN},
        new double[] {te[0], Double.NaN});
    assertEquals(List.of("t_w", "t_e", "t_w,1", "t_e,1", "t_w,2", "t_e,2"), r.markers().stream()
        .map(HalfSignalProofCheck.MarkerEnclosure::marker).toList());
    assertEquals(tw[0], r.markers().get(2).floatingPoint(), 0.0);
    assertEquals(te[0], r.markers().get(3).floatingPoint(), 0.0);
    assertTrue(Double.isNaN(r.markers().get(4).floatingPoint()));
    assertTrue(Double.isNaN(r.markers().get(5).floatingPoint()));
    assertEquals(Verdict.Status.FAIL, r.verdict().status(), "a marker the run does not have is not inside");
  }

  @Test
  void allocationProofEvidenceNamesTheCertifiedAndFloatingHeads() {
    AllocationProofCheck.Result r = AllocationProofCheck.check("small-reduced", RUN, SmallProofTube.TUBE);
    List<String> ev = r.verdict().evidence();
    assertTrue(ev.get(2).startsWith("task 1: certified head 1 from T = "), ev.toString());
    assertTrue(ev.get(2).endsWith("; floating-point head 1, agrees"), ev.toString());
    assertTrue(ev.get(3).startsWith("task 2: certified head 2 from T = "), ev.toString());
    AllocationProofCheck.Result swapped = AllocationProofCheck.check("small-reduced", RUN.config(), RUN.init(),
        new int[] {1, 0}, SmallProofTube.TUBE);
    assertTrue(swapped.verdict().evidence().get(2).endsWith("; floating-point head 2, DIFFERS"),
        swapped.verdict().evidence().toString());
    assertEquals(2.0, swapped.verdict().measured());
    AllocationProofCheck.Result shortList = AllocationProofCheck.check("small-reduced", RUN.config(), RUN.init(),
        new int[] {0}, SmallProofTube.TUBE);
    assertEquals(Verdict.Status.ERROR, shortList.verdict().status());
    assertTrue(shortList.verdict().evidence().get(shortList.verdict().evidence().size() - 1).contains(
        "the floating-point allocation names 1 heads for 2 tasks"), shortList.verdict().evidence().toString());
  }

  @Test
  void theTubePlotNotesItsWidestRelativeBand() {
    Sweep plot = TubePlot.of("small-reduced", RUN, SmallProofTube.TUBE);
    Sweep.Series upper = plot.series().get(0);
    Sweep.Series lower = plot.series().get(1);
    double widest = 0;
    double at = 0;
    for (int s = 0; s < upper.x().length; s++) {
      Interval f = Interval.of(lower.y()[s], upper.y()[s]);
      double rel = f.width() / Math.abs(f.midpoint());
      if (rel > widest) {
        widest = rel;
        at = upper.x()[s];
      }
    }
    assertTrue(widest > 0);
    assertTrue(plot.note().contains(ReducedRunChecks.fmt("relative width at most %.2e (at t = %.6g)", widest, at)),
        plot.note());
    double reached = SmallProofTube.TUBE.reached();
    Sweep.Series fp = plot.series().get(2);
    for (double x : fp.x()) {
      assertTrue(x <= reached);
    }
  }

  @Test
  void aMissingTimeOrEnclosureHasNoPosition() {
    HalfSignalProofCheck.Result r = HalfSignalProofCheck.check("small-reduced", RUN, SmallProofTube.TUBE);
    HalfSignalProofCheck.MarkerEnclosure te = r.markers().get(1);
    assertTrue(Double.isNaN(new HalfSignalProofCheck.MarkerEnclosure("t_e", te.enclosure(), Double.NaN)
        .position()));
    assertTrue(Double.isNaN(new HalfSignalProofCheck.MarkerEnclosure("t_e", java.util.Optional.empty(), 1.0)
        .position()));
    double[] half = RUN.markers().halfSignal();
    half[0] = Double.NaN;
    Verdict v = halfSignal(half, RUN.markers().taskWarmupEnds(), RUN.markers().taskEmergenceEnds()).verdict();
    assertEquals(Verdict.Status.FAIL, v.status());
    assertTrue(Double.isNaN(v.measured()), "no position without a floating-point time: " + v.measured());
  }

  @Test
  void theTubePlotDrawsASampleAtTheTubesEnd() {
    double reached = SmallProofTube.TUBE.reached();
    HandBuilt.Reduced r = new HandBuilt.Reduced(RUN.config(), RUN.init());
    SpectralState s = RUN.init();
    r.samples(HandBuilt.sample(0, s), HandBuilt.sample(reached, s), HandBuilt.sample(Math.nextUp(reached), s));
    Sweep plot = TubePlot.of("small-reduced", r.build(), SmallProofTube.TUBE);
    assertEquals(2, plot.series().get(2).x().length, "samples up to and including the tube's end");
  }
}
