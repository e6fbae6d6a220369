package io.github.softmaxicl.checks;

import io.github.softmaxicl.theory.Claim;
import java.util.List;

/** Builds {@link Verdict}s from {@link Claim}s, so statement, budget and provenance come from one place. */
public final class Verdicts {
  private Verdicts() {}

  /** Pass if {@code holds}, else fail, with the claim's statement, budget and provenance. */
  public static Verdict of(Claim claim, String run, boolean holds, double measured, double threshold,
      List<String> evidence) {
    Verdict.Status status = holds && Double.isFinite(measured) ? Verdict.Status.PASS : Verdict.Status.FAIL;
    return new Verdict(claim.id(), run, status, claim.statement(), measured, threshold, claim.budget(),
        claim.provenance().label(), evidence);
  }

  /**
   * Pass if {@code holds}, else fail: the registered claim's id and provenance, with the statement and budget as
   * rendered by the check (the registered ones refined with the sizes the check ran at).
   */
  public static Verdict of(Claim claim, String run, boolean holds, String statement, double measured,
      double threshold, String budget, List<String> evidence) {
    Verdict.Status status = holds && Double.isFinite(measured) ? Verdict.Status.PASS : Verdict.Status.FAIL;
    return new Verdict(claim.id(), run, status, statement, measured, threshold, budget, claim.provenance().label(),
        evidence);
  }

  /**
   * The computation behind the claim failed after the check had gathered {@code evidence}: nothing was verified.
   * Statement and budget as rendered by the check.
   */
  public static Verdict error(Claim claim, String run, String statement, double threshold, String budget,
      String why, List<String> evidence) {
    List<String> lines = new java.util.ArrayList<>(evidence);
    lines.add("ERROR: " + why);
    return new Verdict(claim.id(), run, Verdict.Status.ERROR, statement, Double.NaN, threshold, budget,
        claim.provenance().label(), lines);
  }

  /** The computation behind the claim failed: nothing was verified. */
  public static Verdict error(Claim claim, String run, String what) {
    return new Verdict(claim.id(), run, Verdict.Status.ERROR, claim.statement(), Double.NaN, claim.tolerance(),
        claim.budget(), claim.provenance().label(), List.of("error: " + what));
  }

  /**
   * The claim does not apply to this run: {@code reason} names the hypothesis that fails and the value that breaks
   * it. Measured is NaN (nothing was measured); the threshold is the claim's tolerance.
   */
  public static Verdict notApplicable(Claim claim, String run, String reason) {
    return new Verdict(claim.id(), run, Verdict.Status.NOT_APPLICABLE, claim.statement(), Double.NaN,
        claim.tolerance(), claim.budget(), claim.provenance().label(), List.of("not applicable: " + reason));
  }
}
