package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.junit.jupiter.api.Test;

/**
 * The deadline of the explicit leg (ReducedFlowRunner.Markers): once the global markers and every half-signal time
 * are located, a per-task marker that is still missing gets until twice the global t_e, then the tail takes over.
 *
 * <p>The start that makes the deadline act is built, not searched for: the small preset's paper init with head 0's
 * task-0 pair put at the limit (ω_0*, μ_0*). Task 0 then starts at its own optimum (L_0(0) ≈ L_0*, 0.15 % above),
 * so its half-signal marker is met at t = 0 and its warm-up marker (a 1 % drop of L_0(0), i.e. below L_0*) is never
 * reached, while task 1 warms up and emerges as from the paper init (t_e ≈ 123). A run of ≈ 1 s.
 */
class MarkerDeadlineTest {
  private static final ProblemConfig C = Preset.SMALL.config();
  private static final ReducedFlowOptions OPTIONS = ReducedFlowOptions.defaults().withDenseWindowSamples(0);

  private static SpectralState taskZeroAtItsLimit() {
    SpectralState paper = Initialisations.paper(C);
    double[][] w = paper.omegaArray();
    double[][] m = paper.muArray();
    w[0][0] = ClosedForms.omegaStar(C, 0);
    m[0][0] = ClosedForms.muStar(C, 0);
    return Initialisations.custom(C, w, m);
  }

  @Test
  void anUnreachablePerTaskMarkerHandsOverToTheTailAtTwiceTheEmergenceTime() {
    SpectralState init = taskZeroAtItsLimit();
    double taskZeroLoss0 = new LeadingOrderLoss(C).taskLosses(init)[0];
    // The construction: task 0's warm-up level 0.99·L_0(0) lies below its limit L_0*.
    assertTrue(0.99 * taskZeroLoss0 < ClosedForms.taskLossStar(C, 0), "L_0(0) = " + taskZeroLoss0);
    ReducedRun r = ReducedFlowRunner.run(C, init, 300, OPTIONS);

    assertTrue(Double.isFinite(r.markers().warmupEnd()) && Double.isFinite(r.markers().emergenceEnd()),
        "global markers located");
    assertEquals(0.0, r.markers().halfSignal()[0], 0.0, "task 0's half signal is met at the start");
    assertTrue(Double.isFinite(r.markers().halfSignal()[1]), "task 1's half signal is located");
    assertTrue(Double.isNaN(r.markers().taskWarmupEnds()[0]),
        "task 0's warm-up is never reached: " + r.markers().taskWarmupEnds()[0]);
    assertTrue(r.markers().taskWarmupEnds()[1] < r.markers().emergenceEnd()
        && r.markers().taskEmergenceEnds()[1] < 2 * r.markers().emergenceEnd(),
        "task 1's own markers are located before the deadline");
    // The explicit leg stops at the deadline 2·t_e: the stop is the root of t − 2·t_e, located by the Brent solver
    // to the options' absolute event-time accuracy (1e-9; the relative 1e-14 adds 2.5e-12 at t ≈ 246).
    double budget = OPTIONS.eventTimeAccuracy() + 1e-14 * 2 * r.markers().emergenceEnd();
    assertEquals(2 * r.markers().emergenceEnd(), r.tailStart(), budget);
  }

  /**
   * Each located marker is a sample of the trajectory, and the state recorded there meets the marker's definition
   * (MODEL.md §7, docs/P2-PHASES.md §3), recomputed here from the state with the theory's loss: F = 0.99 F(0) at t_w,
   * F − F* = 0.01 (F(0) − F*) at t_e, max_h μ_1^h ω_1^h = ½ μ_1*ω_1* at task 1's half-signal time, and task 1's own
   * loss at its own levels. Budget: the event time is located to 1e-9 (absolute), and every quantity here changes
   * at a rate ≤ 1 (relative) per unit time through emergence, so 1e-9 relative; the state at the event is the
   * integrator's interpolant (local error ≤ relTol = 1e-10 relative per step, ≤ 1e4 steps: 1e-6 at the very worst).
   * 1e-6 relative covers both and is far below the 1 % and factor-2 differences between the levels.
   */
  @Test
  void theStateAtEachMarkerMeetsItsDefinition() {
    SpectralState init = taskZeroAtItsLimit();
    LeadingOrderLoss loss = new LeadingOrderLoss(C);
    double f0 = loss.value(init);
    double[] task0 = loss.taskLosses(init);
    ReducedRun r = ReducedFlowRunner.run(C, init, 300, OPTIONS);
    double fStar = ClosedForms.fStar(C);
    assertRelative(0.99 * f0, loss.value(stateAt(r, r.markers().warmupEnd())), "F at t_w");
    assertRelative(fStar + 0.01 * (f0 - fStar), loss.value(stateAt(r, r.markers().emergenceEnd())), "F at t_e");
    SpectralState half = stateAt(r, r.markers().halfSignal()[1]);
    double signal = Math.max(half.mu(0, 1) * half.omega(0, 1), half.mu(1, 1) * half.omega(1, 1));
    assertRelative(0.5 * ClosedForms.muStar(C, 1) * ClosedForms.omegaStar(C, 1), signal, "half signal of task 1");
    assertRelative(0.99 * task0[1], loss.taskLosses(stateAt(r, r.markers().taskWarmupEnds()[1]))[1], "L_1 at t_w,1");
    double star1 = ClosedForms.taskLossStar(C, 1);
    assertRelative(star1 + 0.01 * (task0[1] - star1), loss.taskLosses(stateAt(r,
        r.markers().taskEmergenceEnds()[1]))[1],
        "L_1 at t_e,1");
  }

  private static SpectralState stateAt(ReducedRun r, double t) {
    return r.trajectory().stream().filter(s -> s.t() == t).findFirst()
        .orElseThrow(() -> new AssertionError("no sample at the marker time " + t)).state();
  }

  private static void assertRelative(double expected, double actual, String what) {
    assertEquals(expected, actual, 1e-6 * Math.abs(expected), what);
  }
}
