package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.EmergenceWindow;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The full flow's dense emergence samples (issue 18): read from the step interpolators without changing the run,
 * on the asked grid, and on the flow's own path (the loss never rises along a gradient flow).
 */
class FullFlowDenseOutputTest {
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {2, 2}, 2, 20, 0.0, 1.0);
  private static final double K = 30;

  private static FullRun run(FullModel m, PromptSampler sampler, EmergenceWindow window, int samples) {
    FullGradientFlow.Options o = new FullGradientFlow.Options().tEnd(20).tolerances(1e-8, 1e-10)
        .fresh(2000, 3L).start(K, 0, 12L).recordSpacing(0.05);
    if (samples > 0) {
      o.denseWindow(window, samples);
    }
    return FullGradientFlow.run(m, StoredPrompts.copyOf(sampler), true, sampler.draws(),
        AttentionWeights.paperInit(C, K), o);
  }

  @Test
  void denseSamplesLeaveTheRunUnchangedLieOnTheGridAndFollowTheFlow() {
    PromptSampler sampler = PromptSampler.of(C, 12L, 64, true);
    EmergenceWindow window = new EmergenceWindow(2.0, 12.0, 1.0);
    int n = 201;
    try (FullModel m = new FullModel(C, 1)) {
      FullRun plain = run(m, sampler, window, 0);
      FullRun dense = run(m, sampler, window, n);
      assertTrue(plain.emergenceSamples().isEmpty());
      // The handler only reads interpolators: same steps, events, counts and recorded samples, bit for bit.
      assertEquals(plain.evaluations(), dense.evaluations());
      assertEquals(plain.lossEvaluations(), dense.lossEvaluations());
      assertEquals(plain.markers().warmupEnd(), dense.markers().warmupEnd());
      assertEquals(plain.markers().emergenceEnd(), dense.markers().emergenceEnd());
      assertEquals(plain.fFinal(), dense.fFinal());
      assertEquals(plain.trajectory().size(), dense.trajectory().size());
      for (int j = 0; j < plain.trajectory().size(); j++) {
        TrajectorySample a = plain.trajectory().get(j);
        TrajectorySample b = dense.trajectory().get(j);
        assertEquals(a.t(), b.t());
        assertEquals(a.loss(), b.loss());
        assertTrue(Arrays.deepEquals(a.state().omegaArray(), b.state().omegaArray()), "ω at sample " + j);
        assertTrue(Arrays.deepEquals(a.state().muArray(), b.state().muArray()), "μ at sample " + j);
      }

      List<TrajectorySample> s = dense.emergenceSamples();
      assertEquals(n, s.size(), "every grid time in [2, 12] lies before t_end = 20");
      for (int k = 0; k < n; k++) {
        assertEquals(2.0 + k * 10.0 / (n - 1), s.get(k).t(), 1e-12, "grid time " + k);
      }
      assertEquals(12.0, s.get(n - 1).t(), "the last grid time is the window's end exactly");
      // dF/dt = −‖∇F‖² ≤ 0: the interpolated path must not rise by more than the interpolant's error. DP54's
      // dense output is 4th order with a local error of the order of the step's error estimate, rel. 1e-8 of the
      // weights; through F (Lipschitz of order 1 in the weights here) that is ≤ 1e-8 F, so allow 1e-8 F.
      for (int k = 1; k < n; k++) {
        double rise = s.get(k).loss() - s.get(k - 1).loss();
        assertTrue(rise <= 1e-8 * s.get(k - 1).loss(), "dense loss rose by " + rise + " at t = " + s.get(k).t());
      }
      // Between two recorded step ends the dense loss lies between their losses (same budget).
      List<TrajectorySample> traj = dense.trajectory();
      for (TrajectorySample p : s) {
        for (int j = 1; j < traj.size(); j++) {
          if (traj.get(j - 1).t() <= p.t() && p.t() <= traj.get(j).t()) {
            double hi = traj.get(j - 1).loss();
            double lo = traj.get(j).loss();
            assertTrue(p.loss() <= hi * (1 + 1e-8) && p.loss() >= lo * (1 - 1e-8),
                "dense F " + p.loss() + " outside [" + lo + ", " + hi + "] at t = " + p.t());
            break;
          }
        }
      }
    }
  }

  @Test
  void tooFewSamplesAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new FullGradientFlow.Options().denseWindow(new EmergenceWindow(0, 1, 1), 1));
  }
}
