package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tail option chooses the integrator of the convergence phase, and the linearly implicit one is there because
 * the explicit one is held back by stability (ReducedFlowOptions.Tail): on the small preset from the paper init to
 * t = 3000 (tail from t ≈ 123), the two tails must reach the same F and the linearly implicit one must cost a small
 * fraction of the evaluations. ≈ 4 s.
 */
class StiffTailTest {
  private static final ProblemConfig C = Preset.SMALL.config();

  @Test
  void theLinearlyImplicitTailReachesTheSameLimitForAFractionOfTheCost() {
    ReducedFlowOptions options = ReducedFlowOptions.defaults().withDenseWindowSamples(0);
    ReducedRun explicit = ReducedFlowRunner.run(C, Initialisations.paper(C), 3000,
        options.withTail(ReducedFlowOptions.Tail.SAME_INTEGRATOR));
    ReducedRun implicit = ReducedFlowRunner.run(C, Initialisations.paper(C), 3000,
        options.withTail(ReducedFlowOptions.Tail.LINEARLY_IMPLICIT_EXTRAPOLATION));
    // Both legs 1 are the same computation: the same hand-over time, bit for bit.
    assertEquals(explicit.tailStart(), implicit.tailStart(), 0.0);
    // Same F at t_end: each tail's state is within 1e-6 of the flow (≤ 1e4 steps of local error ≤ 1e-10 relative,
    // added without the contraction that the flow in fact has), and F is stationary at the limit the run has
    // reached, so a state error δ moves F by O(δ²): 1e-9 relative is safe (measured: 1e-15).
    assertEquals(explicit.fFinal(), implicit.fFinal(), 1e-9 * explicit.fFinal());
    // Cost. The explicit DP853 step is held by stability near a constant h ≈ 1 over the ≈ 2900 time units of the
    // tail (measured: 3.9e4 evaluations, 12 per step); the linearly implicit step grows with t (measured: 4.0e3
    // evaluations, ≈ 170 attempts of 23). The ratio is ≈ 10: a factor 4 leaves room for either count to move by
    // 2.5× and still tells the two tails apart.
    assertTrue(4 * implicit.evaluations() < explicit.evaluations(),
        "evaluations: implicit tail " + implicit.evaluations() + ", explicit tail " + explicit.evaluations());
    // The trajectory samples of the tail: the linearly implicit tail does not step onto them but reaches each by a
    // short attempt from the previous one (LinearlyImplicitExtrapolation#integrate); DP853 reads them from its
    // interpolant. Same schedule, so the same times; each sample's state within the tails' global error budget
    // above (1e-6 relative on ω, μ, i.e. absolute on the log coordinates) and its F within the same relative
    // amount (F is Lipschitz in the state with constant O(1) on this range). Measured: 7.2e-9 on the state (as
    // when the steps were shortened to the sample times: the two integrators' own global errors), 7.8e-13 on F.
    List<TrajectorySample> a = explicit.trajectory();
    List<TrajectorySample> b = implicit.trajectory();
    assertEquals(a.size(), b.size());
    int inTail = 0;
    for (int k = 0; k < a.size(); k++) {
      TrajectorySample x = a.get(k);
      TrajectorySample z = b.get(k);
      assertEquals(x.t(), z.t(), 0.0, "sample " + k);
      if (x.t() <= implicit.tailStart()) {
        continue;
      }
      inTail++;
      assertEquals(x.loss(), z.loss(), 1e-6 * x.loss(), "F at t = " + x.t());
      for (int h = 0; h < C.heads(); h++) {
        for (int j = 0; j < C.tasks(); j++) {
          assertRelative(x.state().omega(h, j), z.state().omega(h, j), "omega", x.t());
          assertRelative(x.state().mu(h, j), z.state().mu(h, j), "mu", x.t());
        }
      }
    }
    assertTrue(inTail > 40, "samples in the tail: " + inTail);
  }

  /** |a − b| ≤ 1e-6 max(|a|, |b|): the off-task entries decay to 1e-1000 and below (0 in double), so relative. */
  private static void assertRelative(double a, double b, String what, double t) {
    assertEquals(a, b, 1e-6 * Math.max(Math.abs(a), Math.abs(b)), what + " at t = " + t);
  }
}
