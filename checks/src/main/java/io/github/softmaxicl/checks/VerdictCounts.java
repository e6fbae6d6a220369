package io.github.softmaxicl.checks;

import java.util.Collection;

/**
 * How many verdicts of each status a list holds: what the stderr summary, the exit code and the report's counts
 * are computed from.
 *
 * @param pass verdicts that pass
 * @param fail verdicts that fail
 * @param error verdicts whose computation failed
 * @param notApplicable verdicts whose claim does not apply
 */
public record VerdictCounts(int pass, int fail, int error, int notApplicable) {
  /** The counts of {@code verdicts}. */
  public static VerdictCounts of(Collection<Verdict> verdicts) {
    int[] k = new int[Verdict.Status.values().length];
    for (Verdict v : verdicts) {
      k[v.status().ordinal()]++;
    }
    return new VerdictCounts(k[Verdict.Status.PASS.ordinal()], k[Verdict.Status.FAIL.ordinal()],
        k[Verdict.Status.ERROR.ordinal()], k[Verdict.Status.NOT_APPLICABLE.ordinal()]);
  }

  /** Verdicts that checked something (every status but not-applicable). */
  public int checked() {
    return pass + fail + error;
  }
}
