package io.github.softmaxicl.checks;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking one claim against one or more runs, with its evidence: the measured value, the
 * threshold it was held to, and how that threshold was derived (its error budget).
 *
 * @param claimId claim id, e.g. {@code "P1-convergence"} (MODEL.md P1..P7 with a suffix for sub-claims)
 * @param run the run the verdict is about, e.g. {@code "paper-reduced"}, or {@code "sweep"} for sweeps
 * @param status pass, fail, error (the computation behind it failed: never counted as a pass), or not-applicable
 *     (a hypothesis fails on this run; the first evidence line names it)
 * @param statement the claim in plain words
 * @param measured the measured value (NaN when the computation failed)
 * @param threshold the value it is compared with
 * @param budget how the threshold was derived, in words
 * @param provenance "reconstruction" or "certified (interval arithmetic)"; never a theorem of the paper
 * @param evidence further lines of evidence for the report (may be empty)
 */
public record Verdict(String claimId, String run, Status status, String statement, double measured,
    double threshold, String budget, String provenance, List<String> evidence) {

  /** Verdict status; {@link #ERROR} means the check could not be computed (solver failure, NaN). */
  public enum Status {
    /** The claim holds within its budget. */
    PASS,
    /** The claim was computed and does not hold. */
    FAIL,
    /** The computation failed; nothing was verified. */
    ERROR,
    /**
     * A hypothesis of the claim fails on this run (named in the evidence): the claim says nothing here, so it is
     * neither passed nor failed, and it does not make the run fail.
     */
    NOT_APPLICABLE;

    /** Lower-case name as written in results.json, e.g. {@code "not-applicable"}. */
    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /** Validates the fields and copies the evidence list. */
  public Verdict {
    Objects.requireNonNull(claimId);
    Objects.requireNonNull(run);
    Objects.requireNonNull(status);
    evidence = List.copyOf(evidence);
    if (status == Status.PASS && !Double.isFinite(measured)) {
      throw new IllegalArgumentException("a pass needs a finite measured value (claim " + claimId + ")");
    }
  }
}
