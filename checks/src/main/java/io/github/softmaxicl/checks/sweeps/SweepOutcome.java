package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Verdict;
import java.util.List;

/**
 * What {@link SweepChecks#run} returns: the verdicts of the sweep claims (P4, P5, P6 model error, P7) and the
 * plot-ready sweeps for the report. Immutable.
 *
 * @param verdicts one per checked claim, in report order
 * @param results the sweeps, in report order
 */
public record SweepOutcome(List<Verdict> verdicts, List<SweepResult> results) {
  /** Copies the lists. */
  public SweepOutcome {
    verdicts = List.copyOf(verdicts);
    results = List.copyOf(results);
  }

  /** The verdict with the given claim id. */
  public java.util.Optional<Verdict> verdict(String claimId) {
    return verdicts.stream().filter(v -> v.claimId().equals(claimId)).findFirst();
  }

  /** The sweep with the given id. */
  public java.util.Optional<SweepResult> result(String id) {
    return results.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
