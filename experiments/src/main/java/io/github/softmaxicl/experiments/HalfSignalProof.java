package io.github.softmaxicl.experiments;

import io.github.softmaxicl.checks.AllocationProofCheck;
import io.github.softmaxicl.checks.HalfSignalProofCheck;
import io.github.softmaxicl.checks.TrappingRegionCheck;
import io.github.softmaxicl.checks.TubePlot;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.validated.LohnerTaylorIntegrator;
import io.github.softmaxicl.numerics.validated.ReducedLogTaylorField;
import io.github.softmaxicl.numerics.validated.TrappingRegionSearch;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import java.util.ArrayList;
import java.util.List;

/**
 * The computation behind P2-proof and P3-proof: the validated tube of a reduced run's configuration from its exact
 * init to just past the run's floating-point t_e, computed once and handed to {@link HalfSignalProofCheck} and
 * {@link AllocationProofCheck}. Settings as measured in docs/VALIDATED-INTEGRATION.md §4 (order 12, tolerance
 * 1e-12: 149 steps for {@code small}, 379 for {@code paper}).
 */
final class HalfSignalProof {
  private HalfSignalProof() {}

  /** {@link LohnerTaylorIntegrator.Settings#reducedFlowProof()}. */
  static final LohnerTaylorIntegrator.Settings SETTINGS = LohnerTaylorIntegrator.Settings.reducedFlowProof();

  /**
   * How far past the floating-point t_e (or the latest per-task t_e,i) the tube runs: enough that the step covering
   * it ends before the tube.
   */
  static final double PAST_EMERGENCE = 5.0;

  /**
   * For P1-proof, how much further the tube may be continued while a trapping region is looked for, and the time
   * between attempts. Measured first certified attempts: `small` and `paper` at t_e + 10, `extra-head` at
   * t_e + 22, blocks 4, 6, 8 (H 3, L 120, σ 0.2) at the latest t_e,i + 5 + 25 (docs/TRAPPING-REGION.md); the
   * cap allows four times the slowest of them.
   */
  static final double TRAP_SEARCH = 100.0;

  /** Time between trapping-region attempts (each costs milliseconds to a second). */
  static final double TRAP_SPACING = 5.0;

  /**
   * The verdicts of {@code claims} (P1-proof, P2-proof and/or P3-proof, in the order of the list) on a run whose hypotheses
   * hold, from one tube, and the tube drawn over the run ({@link TubePlot}); a failed computation gives an error
   * verdict for each and no plot.
   */
  static Outcome prove(String runId, ReducedRun run, List<Claim> claims) {
    double te = run.markers().emergenceEnd();
    if (!(te > 0) || !Double.isFinite(te)) {
      return verdictsOnly(Failures.errors(claims, runId, "the floating-point run has no end of emergence t_e (" + te
          + ") to prove the tube past"));
    }
    try {
      ReducedLogTaylorField field = new ReducedLogTaylorField(run.config(), run.init());
      // With unequal blocks a task can reach its own t_e,i after the global t_e: the tube covers the latest.
      double last = te;
      for (double tei : run.markers().taskEmergenceEnds()) {
        last = Double.isFinite(tei) ? Math.max(last, tei) : last;
      }
      boolean trap = claims.contains(Claims.P1_PROOF);
      TrappingRegionSearch.Stopper stopper =
          new TrappingRegionSearch.Stopper(run.config(), run.init(), last + PAST_EMERGENCE, TRAP_SPACING);
      ValidatedTube tube = trap
          ? LohnerTaylorIntegrator.integrate(field, field.startEnclosure(), last + PAST_EMERGENCE + TRAP_SEARCH,
              SETTINGS, stopper)
          : LohnerTaylorIntegrator.integrate(field, field.startEnclosure(), last + PAST_EMERGENCE, SETTINGS);
      List<Verdict> out = new ArrayList<>();
      for (Claim claim : claims) {
        if (claim.equals(Claims.P1_PROOF)) {
          out.add(TrappingRegionCheck.check(runId, run, tube, stopper.finish(tube), stopper.attempts()));
        } else if (claim.equals(Claims.P2_PROOF)) {
          out.add(HalfSignalProofCheck.check(runId, run, tube).verdict());
        } else if (claim.equals(Claims.P3_PROOF)) {
          out.add(AllocationProofCheck.check(runId, run, tube).verdict());
        } else {
          throw new IllegalArgumentException("no validated-tube check for " + claim.id());
        }
      }
      return new Outcome(List.of(), out, List.of(TubePlot.of(runId, run, tube)));
    } catch (ArithmeticException | IllegalArgumentException e) {
      String what = e.getMessage();
      return verdictsOnly(Failures.errors(claims, runId, what == null ? e.toString() : what));
    }
  }

  private static Outcome verdictsOnly(List<Verdict> verdicts) {
    return new Outcome(List.of(), verdicts, List.of());
  }
}
