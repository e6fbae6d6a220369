package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
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
  }
}
