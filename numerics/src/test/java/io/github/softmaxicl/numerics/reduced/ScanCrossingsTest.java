package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.PhaseMarkers;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.nonstiff.ClassicalRungeKuttaIntegrator;
import org.junit.jupiter.api.Test;

/**
 * The scan finds every pending marker, also one whose function crosses after another's root but before the next
 * check. Hipparchus takes g's sign just after an event from before the handler ran; when the scan's g was the
 * plain maximum, removing the crossed function made it negative behind Hipparchus's back, and a crossing before
 * the next check looked like no sign change: that marker and every later one stayed NaN (found by the --full
 * configuration property: blocks 5, 6, H 2, L 20, σ 1, both tasks' emergence ends lost).
 */
class ScanCrossingsTest {
  private static final ProblemConfig C = Preset.SMALL.config();
  private static final BalancedSpectralField FIELD =
      new BalancedSpectralField(new LeadingOrderLoss(C), Initialisations.paper(C));

  /** y' = 0 at the field's dimension (the markers record the state): the switching functions below read t. */
  private static final OrdinaryDifferentialEquation STILL = new OrdinaryDifferentialEquation() {
    @Override
    public int getDimension() {
      return FIELD.dimension();
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
      return new double[y.length];
    }
  };

  @Test
  void crossingsCloserThanTheCheckIntervalAreEachFound() {
    double[] y0 = FIELD.toLog(Initialisations.paper(C));
    ReducedFlowOde ode = new ReducedFlowOde(FIELD, 1000);
    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, 1.0, 4, 10, ReducedFlowProgress.SILENT);
    recorder.record(0.0, y0);
    ReducedFlowRunner.Markers markers = new ReducedFlowRunner.Markers(C.tasks(), recorder);
    ReducedFlowRunner.Scan scan = new ReducedFlowRunner.Scan(markers);
    // Three markers 0.01 apart and a fourth later, of other slopes.
    double[] roots = {1.0, 1.01, 1.02, 3.5};
    scan.addOrMark(ReducedFlowRunner.Markers.HALF_SIGNAL, (t, y) -> t - roots[0], y0);
    scan.addOrMark(ReducedFlowRunner.Markers.HALF_SIGNAL + 1, (t, y) -> t - roots[1], y0);
    scan.addOrMark(markers.taskWarmup(0), (t, y) -> 0.5 * (t - roots[2]), y0);
    scan.addOrMark(markers.taskWarmup(1), (t, y) -> (t - roots[3]) * (1 + t * t), y0);
    // One step of 10 and a check interval of 5 (the runner's is 1 % of t): no check falls between the roots.
    ClassicalRungeKuttaIntegrator integrator = new ClassicalRungeKuttaIntegrator(10.0);
    BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-14, 1e-12, 0.0, 5);
    integrator.addEventDetector(new PhaseMarkerDetector(scan, AdaptableInterval.of(5.0), 100, solver, scan));
    integrator.integrate(STILL, new ODEState(0.0, y0), 10.0);

    assertEquals(0, scan.pending(), "every marker found");
    assertEquals(roots[0], markers.time(ReducedFlowRunner.Markers.HALF_SIGNAL), 1e-9);
    assertEquals(roots[1], markers.time(ReducedFlowRunner.Markers.HALF_SIGNAL + 1), 1e-9);
    assertEquals(roots[2], markers.time(markers.taskWarmup(0)), 1e-9);
    assertEquals(roots[3], markers.time(markers.taskWarmup(1)), 1e-9);
  }

  /** The configuration where the lost markers were found: both tasks' emergence ends are located, where L_i crosses. */
  @Test
  void theConfigurationThatLostItsEmergenceEndsFindsThem() {
    ProblemConfig c = ProblemConfig.of(11, new int[] {5, 6}, 2, 20, 1.0, 1.0);
    SpectralState init = Initialisations.paper(c);
    ReducedRun run = ReducedFlowRunner.run(c, init, 30000, ReducedFlowOptions.defaults());
    LeadingOrderLoss loss = new LeadingOrderLoss(c);
    double[] l0 = loss.taskLosses(init);
    for (int i = 0; i < c.tasks(); i++) {
      double te = run.markers().taskEmergenceEnds()[i];
      assertTrue(Double.isFinite(te), "task " + i + ": t_e,i = " + te);
      assertTrue(run.markers().halfSignal()[i] <= te && te < 2 * run.markers().emergenceEnd(),
          "task " + i + " in order: " + te);
      // At the marker the task's loss is at its level (to the event-time accuracy times |dL_i/dt| < 1).
      double level = PhaseMarkers.emergenceThreshold(l0[i], ClosedForms.taskLossStar(c, i));
      TrajectorySample at = run.trajectory().stream().filter(s -> s.t() == te).findFirst().orElseThrow();
      assertEquals(level, loss.taskLosses(at.state())[i], 1e-6, "task " + i);
    }
  }
}
