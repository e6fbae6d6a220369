package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/**
 * A marker whose switching function is already reached at t = 0 is set there, before any integration, and gets no
 * detector; reached means non-negative, so a function of exactly 0.0 counts (its marker is the start itself, not a
 * crossing for a detector to look for). Neither entry point is met at exactly 0.0 by
 * the presets (the levels are fractions of F(0) and of the limits), so the switching functions here are hand-made:
 * 0.0 and the largest double below it, −Double.MIN_VALUE.
 */
class MarkerAtStartTest {
  private static final ProblemConfig C = Preset.SMALL.config();
  private static final BalancedSpectralField FIELD =
      new BalancedSpectralField(new LeadingOrderLoss(C), Initialisations.paper(C));
  private static final double[] Y0 = FIELD.toLog(Initialisations.paper(C));

  private static ReducedFlowRunner.Markers markers() {
    ReducedFlowOde ode = new ReducedFlowOde(FIELD, 1000);
    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, 1.0, 4, 10, ReducedFlowProgress.SILENT);
    recorder.record(0.0, Y0);
    return new ReducedFlowRunner.Markers(C.tasks(), recorder);
  }

  @Test
  void aGlobalMarkerWhoseFunctionIsZeroAtTheStartIsSetThereWithoutADetector() {
    ReducedFlowRunner.Markers markers = markers();
    DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12, 1.0, 1e-10, 1e-10);
    BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-14, 1e-9, 0.0, 5);
    ReducedFlowRunner.addOrMark(integrator, markers, ReducedFlowRunner.Markers.WARMUP, (t, y) -> 0.0, Y0,
        AdaptableInterval.of(1.0), solver);
    assertEquals(0.0, markers.time(ReducedFlowRunner.Markers.WARMUP), 0.0);
    assertTrue(integrator.getEventDetectors().isEmpty(), "detectors " + integrator.getEventDetectors());

    ReducedFlowRunner.addOrMark(integrator, markers, ReducedFlowRunner.Markers.EMERGENCE, (t, y) -> -Double.MIN_VALUE,
        Y0, AdaptableInterval.of(1.0), solver);
    assertTrue(Double.isNaN(markers.time(ReducedFlowRunner.Markers.EMERGENCE)));
    assertEquals(1, integrator.getEventDetectors().size());
  }

  @Test
  void aScannedMarkerWhoseFunctionIsZeroAtTheStartIsSetThereAndNotScanned() {
    ReducedFlowRunner.Markers markers = markers();
    ReducedFlowRunner.Scan scan = new ReducedFlowRunner.Scan(markers);
    scan.addOrMark(ReducedFlowRunner.Markers.HALF_SIGNAL, (t, y) -> 0.0, Y0);
    assertEquals(0.0, markers.time(ReducedFlowRunner.Markers.HALF_SIGNAL), 0.0);
    assertEquals(0, scan.pending());

    scan.addOrMark(ReducedFlowRunner.Markers.HALF_SIGNAL + 1, (t, y) -> -Double.MIN_VALUE, Y0);
    assertTrue(Double.isNaN(markers.time(ReducedFlowRunner.Markers.HALF_SIGNAL + 1)));
    assertEquals(1, scan.pending());
  }
}
