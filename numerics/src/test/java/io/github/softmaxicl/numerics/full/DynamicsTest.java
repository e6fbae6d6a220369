package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.numerics.TrajectorySample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties of the full gradient flow and of SGD that hold exactly, whatever the sample. */
class DynamicsTest {
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {2, 2}, 2, 20, 0.0, 1.0);

  @Test
  void flowDecreasesLossLocatesWarmupAndKeepsStructure() {
    double k = 30;
    PromptSampler sampler = PromptSampler.of(C, 12L, 64, true);
    PromptSource sample = StoredPrompts.copyOf(sampler);
    try (FullModel m = new FullModel(C, 2)) {
      FullGradientFlow.Options o = new FullGradientFlow.Options().tEnd(20).tolerances(1e-8, 1e-10)
          .fresh(4000, 3L).start(k, 0, 12L).recordSpacing(0.05);
      FullRun run = FullGradientFlow.run(m, sample, true, sampler.draws(), AttentionWeights.paperInit(C, k), o);
      List<TrajectorySample> traj = run.trajectory();
      System.out.printf("flow: F0 %.4f -> %.4f (fresh %.4f ± %.4f), t_w %.4f, t_e %.4f, evals %d+%d, off %.2e, %.2fs%n",
          run.f0(), run.fFinal(), run.fFresh(), run.fFreshSe(), run.markers().warmupEnd(), run.markers().emergenceEnd(),
          run.evaluations(), run.lossEvaluations(), run.offStructureNorm(), run.wallSeconds());
      // dF/dt = −‖∇F‖² ≤ 0 along the exact flow; the integrator's error per step (rel. 1e-8) is far below the
      // loss decrease between recorded samples, so recorded losses must not increase.
      for (int s = 1; s < traj.size(); s++) {
        assertTrue(traj.get(s).loss() <= traj.get(s - 1).loss(), "loss increased at t = " + traj.get(s).t());
      }
      // The warm-up event lies between the last sample above 0.99 F0 and the first at or below it.
      double level = 0.99 * run.f0();
      assertFalse(Double.isNaN(run.markers().warmupEnd()), "warm-up end not reached");
      for (TrajectorySample p : traj) {
        if (p.t() < run.markers().warmupEnd() - 1e-9) {
          assertTrue(p.loss() > level - 1e-12, "sample before t_w below the level at t = " + p.t());
        } else if (p.t() > run.markers().warmupEnd() + 1e-9) {
          assertTrue(p.loss() <= level + 1e-12, "sample after t_w above the level at t = " + p.t());
        }
        // Symmetrised sample: structure kept to round-off (see StructurePreservationTest for the budget; the
        // integration adds ≤ 1e3 steps of such round-off).
        assertTrue(p.offStructureNorm().orElseThrow() < 1e-9, "off-structure " + p.offStructureNorm() + " at t = " + p.t());
      }
      assertEquals(20.0, run.tEnd(), 1e-12);
      assertTrue(run.evaluations() > 0);
      assertMarkersReadOffTheTrajectory(run);
    }
  }

  /** A full-model run's half-signal times are its recorded trajectory's; it has no per-task t_w,i, t_e,i. */
  private static void assertMarkersReadOffTheTrajectory(FullRun run) {
    assertArrayEquals(RunAnalysis.halfSignalTimes(run.trajectory(), C), run.markers().halfSignal(), 0.0);
    for (int i = 0; i < C.tasks(); i++) {
      assertTrue(Double.isNaN(run.markers().taskWarmupEnds()[i]));
      assertTrue(Double.isNaN(run.markers().taskEmergenceEnds()[i]));
    }
  }

  @Test
  void sgdIsBitIdenticalAcrossThreadCountsAndAdvancesTimeBySumOfRates() {
    double eta = 0.05;
    StochasticGradientDescent.Options o = new StochasticGradientDescent.Options().batch(64).steps(30)
        .rate(LearningRate.constant(eta)).recordEvery(5).freshPrompts(500).start(30, 0);
    FullRun one;
    FullRun two;
    AttentionWeights start = AttentionWeights.paperInit(C, 30);
    try (FullModel m = new FullModel(C, 1)) {
      one = StochasticGradientDescent.run(m, start, 99L, o);
    }
    try (FullModel m = new FullModel(C, 2)) {
      two = StochasticGradientDescent.run(m, start, 99L, o);
    }
    assertEquals(30 * eta, one.tEnd(), 1e-12); // t = Σ η, 30 additions of 0.05
    assertEquals(7, one.trajectory().size()); // t = 0 and every 5 steps
    for (int s = 0; s < one.trajectory().size(); s++) {
      assertEquals(one.trajectory().get(s).loss(), two.trajectory().get(s).loss(), 0.0);
    }
    for (int h = 0; h < 2; h++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(one.finalState().mu(h, j), two.finalState().mu(h, j), 0.0);
        assertEquals(one.finalState().omega(h, j), two.finalState().omega(h, j), 0.0);
      }
    }
    assertEquals(one.fFresh(), two.fFresh(), 0.0);
    assertMarkersReadOffTheTrajectory(one);
  }
}
