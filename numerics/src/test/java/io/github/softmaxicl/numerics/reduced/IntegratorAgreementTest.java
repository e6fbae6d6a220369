package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Integrator error measured, not assumed. The production scheme (DP853 + linearly implicit extrapolation tail,
 * allocation-free field) is compared with three independent computations: plain DP853 to t_end on the theory
 * module's field (the reference the stiff tail must reproduce), Gragg–Bulirsch–Stoer for the events, and the
 * production scheme at a 100× tighter tolerance (which measures the production scheme's own global error).
 */
class IntegratorAgreementTest {
  private static final ReducedFlowOptions PRODUCTION = ReducedFlowOptions.defaults();

  /**
   * Budget. Every scheme runs at rel = abs tolerance τ = 1e-10 per step on log coordinates. The warm-up is an
   * unstable growth of (ω, μ) over ≈ 20 e-folds, so local errors are amplified: a global error of up to
   * 10³ τ = 1e-7 on the log coordinates at the markers is allowed, and a marker time then moves by
   * 1e-7 / (growth rate × t) ≲ 1e-7 relative. F_final sits at a stationary point of the on-task pairs, where
   * state errors enter F only through the slow off-task ω: 1e-9 relative is allowed. The final ω, μ of the
   * allocated pairs: 1e-8 relative; the off-task ω (1/t tail): 1e-7 relative; the off-task log μ (decreasing
   * linearly to ≈ −10⁴) are compared with the relative tolerance τ·|log μ| each step, i.e. 1e-6 relative.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Preset.class)
  void productionSchemeMatchesIndependentIntegrations(Preset preset) {
    ProblemConfig c = preset.config();
    double tEnd = preset.defaultTEnd();
    ReducedRun fast = ReducedFlowRunner.run(c, preset.initialState(), tEnd, PRODUCTION);
    ReducedRun plain = ReducedFlowRunner.run(c, preset.initialState(), tEnd,
        PRODUCTION.withTail(ReducedFlowOptions.Tail.SAME_INTEGRATOR).withFastField(false));
    ReducedRun gbs = ReducedFlowRunner.run(c, preset.initialState(), tEnd,
        PRODUCTION.withIntegrator(ReducedFlowOptions.Integrator.GRAGG_BULIRSCH_STOER));
    ReducedRun tight = ReducedFlowRunner.run(c, preset.initialState(), tEnd, PRODUCTION.withTolerances(1e-12, 1e-12));
    for (ReducedRun other : new ReducedRun[] {plain, gbs, tight}) {
      System.out.printf("%s vs %s (tol %.0e, %d evals, %.1f ms): dF/F=%.2e dtw/tw=%.2e dte/te=%.2e dhalf/t=%.2e"
          + " state=%.2e (production: %d evals, %.1f ms)%n", preset.id(), other.integratorName(), other.relTol(),
          other.evaluations(), other.wallSeconds() * 1e3, rel(fast.fFinal(), other.fFinal()),
          rel(fast.markers().warmupEnd(), other.markers().warmupEnd()), rel(fast.markers().emergenceEnd(),
              other.markers().emergenceEnd()),
          maxRel(fast.markers().halfSignal(), other.markers().halfSignal()), stateDifference(c, fast, other),
          fast.evaluations(), fast.wallSeconds() * 1e3);
      assertEquals(0.0, rel(fast.fFinal(), other.fFinal()), 1e-9, "F_final vs " + other.integratorName());
      assertEquals(0.0, rel(fast.markers().warmupEnd(), other.markers().warmupEnd()), 1e-7,
          "t_w vs " + other.integratorName());
      assertEquals(0.0, rel(fast.markers().emergenceEnd(), other.markers().emergenceEnd()), 1e-7,
          "t_e vs " + other.integratorName());
      assertEquals(0.0, maxRel(fast.markers().halfSignal(), other.markers().halfSignal()), 1e-7, "half-signal times");
      assertTrue(stateDifference(c, fast, other) <= 1.0, "final state differs beyond budget");
    }
    assertTrue(fast.evaluations() * 10 < plain.evaluations(), "the stiff tail should save evaluations");
  }

  /** Largest final-state difference in units of the budget above (≤ 1 passes). */
  private static double stateDifference(ProblemConfig c, ReducedRun a, ReducedRun b) {
    SpectralState x = a.finalState();
    SpectralState y = b.finalState();
    int[] alloc = a.allocation();
    double worst = 0;
    for (int h = 0; h < c.heads(); h++) {
      for (int j = 0; j < c.tasks(); j++) {
        boolean onTask = alloc[j] == h;
        worst = FastMath.max(worst, rel(x.omega(h, j), y.omega(h, j)) / (onTask ? 1e-8 : 1e-7));
        double lx = FastMath.log(FastMath.abs(x.mu(h, j)));
        double ly = FastMath.log(FastMath.abs(y.mu(h, j)));
        if (onTask) {
          worst = FastMath.max(worst, rel(x.mu(h, j), y.mu(h, j)) / 1e-8);
        } else if (Double.isFinite(lx) && Double.isFinite(ly)) {
          worst = FastMath.max(worst, rel(lx, ly) / 1e-6);
        }
      }
    }
    return worst;
  }

  private static double rel(double a, double b) {
    return a == b ? 0.0 : FastMath.abs(a - b) / FastMath.max(FastMath.abs(a), FastMath.abs(b));
  }

  private static double maxRel(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = FastMath.max(m, rel(a[i], b[i]));
    }
    return m;
  }
}
