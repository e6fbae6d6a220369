package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import java.util.List;

/**
 * What {@link SweepChecks#check} returns: the verdicts of the sweep claims (P4, P5, P6 model error, P7) and the
 * plot-ready sweeps for the report. Immutable.
 *
 * @param verdicts one per checked claim, in report order
 * @param plots the sweeps, in report order
 */
public record SweepOutcome(List<Verdict> verdicts, List<Sweep> plots) {
  /** Copies the lists. */
  public SweepOutcome {
    verdicts = List.copyOf(verdicts);
    plots = List.copyOf(plots);
  }

  /** The verdict with the given claim id. */
  public java.util.Optional<Verdict> verdict(String claimId) {
    return verdicts.stream().filter(v -> v.claimId().equals(claimId)).findFirst();
  }

  /** The sweep with the given id. */
  public java.util.Optional<Sweep> result(String id) {
    return plots.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
