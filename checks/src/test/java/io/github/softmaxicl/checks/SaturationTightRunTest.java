package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * P7-saturation with a tighter second integration: the configuration found by the --full property run (blocks
 * 11, 11, 2, 10, H 5, L 34, σ 0.3), whose rtol 1e-10 run overshoots d ω² = 1 by 2.05e-6 through integrator error
 * alone (4.6e-9 at rtol 1e-12), fails on its own run and passes with the tight one; an overshoot put into both runs
 * still fails.
 */
class SaturationTightRunTest {
  private static final ProblemConfig C = ProblemConfig.of(34, new int[] {11, 11, 2, 10}, 5, 34, 0.3, 1.0);

  private static ReducedRun run(double factor) {
    ReducedFlowOptions o = ReducedFlowOptions.defaults();
    return ReducedFlowRunner.run(C, Initialisations.paper(C), 3e4,
        o.withTolerances(factor * o.relTol(), factor * o.absTol()));
  }

  /** The run with the serving head's ω on task 1 multiplied by {@code factor} at the sample nearest t. */
  private static ReducedRun withOvershoot(ReducedRun run, double t, double factor) {
    List<TrajectorySample> samples = new ArrayList<>(run.trajectory());
    int k = 0;
    while (k + 1 < samples.size() && samples.get(k).t() < t) {
      k++;
    }
    TrajectorySample s = samples.get(k);
    double[][] w = s.state().omegaArray();
    w[run.allocation()[0]][0] *= factor;
    samples.set(k, new TrajectorySample(s.t(), s.loss(), SpectralState.of(w, s.state().muArray()),
        s.offStructureNorm()));
    return new ReducedRun(run.config(), run.init(), run.integratorName(), run.relTol(), run.absTol(),
        run.eventTimeAccuracy(), run.tEnd(), run.f0(), run.fFinal(), run.fStar(), run.markers(),
        run.allocation(),
        run.finalState(), run.logAbsMuFinal(), run.gradientNorm(), run.velocityNorm(), run.evaluations(),
        run.wallSeconds(), run.tailStart(), samples);
  }

  @Test
  void integratorErrorAloneNoLongerFailsAndARealOvershootStillDoes() {
    ReducedRun loose = run(1.0);
    ReducedRun tight = run(0.01);
    Verdict alone = ReducedRunChecks.saturation("x", loose);
    assertEquals(Verdict.Status.FAIL, alone.status(), alone.evidence().toString());
    Verdict both = ReducedRunChecks.saturation("x", loose, tight);
    assertEquals(Verdict.Status.PASS, both.status(), both.evidence().toString());
    assertTrue(both.measured() < 0.1, "measured " + both.measured());
    // ω 1e-5 above its limit at t = 800 in both runs: d ω² − 1 ≈ 2e-5, ten times the budget
    double f = 1 + 1e-5;
    Verdict real = ReducedRunChecks.saturation("x", withOvershoot(loose, 800, f), withOvershoot(tight, 800, f));
    assertEquals(Verdict.Status.FAIL, real.status(), real.evidence().toString());
    assertTrue(real.measured() > 5, "measured " + real.measured());
    // only in the loose run: read as its integration error (1e-2 of it left for the tight run), not an overshoot
    Verdict looseOnly = ReducedRunChecks.saturation("x", withOvershoot(loose, 800, f), tight);
    assertTrue(looseOnly.measured() < 1, "measured " + looseOnly.measured());
  }
}
