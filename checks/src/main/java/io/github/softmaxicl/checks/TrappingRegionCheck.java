package io.github.softmaxicl.checks;

import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.validated.TrappingRegionSearch;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.interval.TrappingRegion;
import io.github.softmaxicl.theory.interval.TrappingRegionCertificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Claim P1-proof: the validated tube's end box lies in a certified trapping region around the limit
 * ({@link TrappingRegionSearch}), and the floating-point run agrees with it: the same allocation, and its final
 * state (t = t_end, long after the tube) inside the region, where the proof says the exact solution stays. A tube
 * that stopped early, or no certified region holding its end box (a proof not found, not a refutation), is an
 * error; a certified region the floating-point run disagrees with is a fail. Measured: the number of
 * disagreements (exact count, threshold 0). Reduced model
 * (reconstruction).
 */
public final class TrappingRegionCheck {
  private TrappingRegionCheck() {}

  private static final Claim CLAIM = Claims.P1_PROOF;

  /** Failed conditions listed in the evidence at most. */
  static final int LISTED_FAILURES = 6;

  /** The verdict for a run, the tube proved from its exact init, and the last trapping-region attempt on it. */
  public static Verdict check(String runId, ReducedRun run, ValidatedTube tube, TrappingRegionSearch.Attempt attempt,
      int attempts) {
    return check(runId, run.config(), run.allocation(), run.tEnd(), magnitudes(run), tube, attempt, attempts);
  }

  /**
   * The verdict from the parts: the configuration, the floating-point run's allocation (head of each task), its
   * end time and final magnitudes |ω|, |μ| (in the region's layout), the tube, and the last attempt on it.
   */
  public static Verdict check(String runId, ProblemConfig c, int[] fp, double tEnd, List<Double> finalMagnitudes,
      ValidatedTube tube, TrappingRegionSearch.Attempt attempt, int attempts) {
    List<String> ev = new ArrayList<>();
    ev.add(ReducedRunChecks.fmt("validated tube: %d steps to t = %.6g; %d trapping-region attempt(s), the last at "
        + "t = %.6g", tube.steps().size(), tube.reached(), attempts, attempt.time()));
    if (!tube.complete()) {
      return Verdicts.error(CLAIM, runId, CLAIM.statement(), CLAIM.tolerance(), CLAIM.budget(),
          "the validated integration stopped at t = " + tube.reached() + ": " + tube.stopReason().orElse(""), ev);
    }
    if (attempt.allocation().isEmpty() || attempt.certificate().isEmpty()) {
      ev.add("the tube's end box does not certify one head per task (no positive signal margin), so no region "
          + "around the one-head-per-task limit can hold it");
      return Verdicts.error(CLAIM, runId, CLAIM.statement(), CLAIM.tolerance(), CLAIM.budget(), "no region tried: "
          + "the tube's end box does not certify one head per task", ev);
    }
    TrappingRegionCertificate cert = attempt.certificate().get();
    TrappingRegion b = cert.region();
    int bad = 0;
    ev.add(ReducedRunChecks.fmt("region B around the end box at t = %.6g: %s", attempt.time(), b));
    List<TrappingRegionCertificate.Condition> failures = cert.failures();
    ev.add(ReducedRunChecks.fmt("%d conditions, %d proved, %d sub-boxes evaluated; certified decay rate of every "
        + "off-task and spare |mu| in B: %.4g", cert.conditions().size(), cert.conditions().size() - failures.size(),
        cert.totalPieces(), cert.muDecayRate()));
    for (int k = 0; k < Math.min(LISTED_FAILURES, failures.size()); k++) {
      TrappingRegionCertificate.Condition f = failures.get(k);
      ev.add("NOT PROVED: " + f.what() + ", enclosure " + f.enclosure());
    }
    ev.add(ReducedRunChecks.fmt("smallest proved lower bound over the conditions: %.3e", smallestMargin(cert)));
    if (!failures.isEmpty() || !cert.containsLogBox(tube.steps().get(tube.steps().size() - 1).atEnd())) {
      // A proof not found is not evidence against convergence (the on-task valley may relax slowly): error, with
      // what was not proved; fail is kept for a certified region the floating-point run disagrees with.
      ev.add(failures.isEmpty() ? "the tube's end box is NOT inside B" : "B is not certified");
      return Verdicts.error(CLAIM, runId, CLAIM.statement(), CLAIM.tolerance(), CLAIM.budget(), "no certified "
          + "trapping region holds the tube's end box after " + attempts + " attempt(s) to t = " + tube.reached()
          + " (" + failures.size() + " condition(s) not proved): the proof is incomplete, not refuted", ev);
    } else {
      ev.add(ReducedRunChecks.fmt("the tube's end box at t = %.6g lies in B: from then on the exact solution stays "
          + "in B and converges (LaSalle)", tube.reached()));
    }
    List<Integer> allocation = attempt.allocation().get();
    for (int i = 0; i < c.tasks(); i++) {
      boolean agrees = i < fp.length && fp[i] == allocation.get(i);
      bad += agrees ? 0 : 1;
      ev.add(ReducedRunChecks.fmt("task %d: head %d in B; floating-point head %d, %s", i + 1, allocation.get(i) + 1,
          i < fp.length ? fp[i] + 1 : -1, agrees ? "agrees" : "DIFFERS"));
    }
    boolean finalInside = cert.containsMagnitudes(finalMagnitudes);
    bad += finalInside ? 0 : 1;
    ev.add(ReducedRunChecks.fmt("the floating-point state at t_end = %.6g %s B", tEnd,
        finalInside ? "lies in" : "is NOT in"));
    return Verdicts.of(CLAIM, runId, bad == 0, bad, CLAIM.tolerance(), ev);
  }

  /** |ω|, |μ| of the run's final state, in the region's layout. */
  static List<Double> magnitudes(ReducedRun run) {
    List<Double> m = new ArrayList<>();
    for (double[] row : run.omegaFinal()) {
      for (double v : row) {
        m.add(Math.abs(v));
      }
    }
    for (double[] row : run.muFinal()) {
      for (double v : row) {
        m.add(Math.abs(v));
      }
    }
    return m;
  }

  /** Smallest enclosure lower bound of a proved condition, for reports. */
  static double smallestMargin(TrappingRegionCertificate cert) {
    double worst = Double.POSITIVE_INFINITY;
    for (TrappingRegionCertificate.Condition k : cert.conditions()) {
      worst = k.proved() ? Math.min(worst, k.enclosure().lo()) : worst;
    }
    return worst;
  }
}
