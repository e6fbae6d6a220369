package io.github.softmaxicl.experiments;

import io.github.softmaxicl.checks.HalfSignalProofCheck;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.validated.LohnerTaylorIntegrator;
import io.github.softmaxicl.numerics.validated.ReducedLogTaylorField;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.Claims;

/**
 * The computation behind P2-proof: the validated tube of a reduced run's configuration from its exact init to
 * just past the run's floating-point t_e, handed to {@link HalfSignalProofCheck} with the CPU time it took.
 * Settings as measured in docs/VALIDATED-INTEGRATION.md §4 (order 12, tolerance 1e-12: 149 steps for
 * {@code small}, 379 for {@code paper}).
 */
final class HalfSignalProof {
  private HalfSignalProof() {}

  /**
   * Order 12, tolerance 1e-12, steps of at most 50; 5,000 steps is over ten times what the presets need, so a
   * stop at the limit means a configuration the explicit method cannot follow (reported as an error).
   */
  static final LohnerTaylorIntegrator.Settings SETTINGS = new LohnerTaylorIntegrator.Settings(12, 1e-12, 50.0, 5_000);

  /** How far past the floating-point t_e the tube runs: enough that the step covering t_e ends before the tube. */
  static final double PAST_EMERGENCE = 5.0;

  /** The verdict of P2-proof on a run whose hypotheses hold. */
  static Verdict prove(String runId, ReducedRun run) {
    double te = run.tEmergenceEnd();
    if (!(te > 0) || !Double.isFinite(te)) {
      return Verdicts.error(Claims.P2_PROOF, runId, "the floating-point run has no end of emergence t_e (" + te
          + ") to prove the tube past");
    }
    ReducedLogTaylorField field = new ReducedLogTaylorField(run.config(), run.init());
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(field, field.startEnclosure(), te + PAST_EMERGENCE,
        SETTINGS);
    return HalfSignalProofCheck.check(runId, run, tube).verdict();
  }
}
