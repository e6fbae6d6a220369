package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.Sweep;
import java.util.List;
import java.util.Map;

/** Everything the page shows: runs, verdicts, sweeps and provenance. */
public record PageInput(List<RunFacts> runs, List<Verdict> verdicts, List<Sweep> sweeps, Provenance provenance,
    List<String> reruns, Map<String, String> claimReruns) {
  /**
   * Copies the lists; {@code reruns} holds the command that re-runs each verdict, in the order of verdicts;
   * {@code claimReruns} the command that re-runs each claim on all its runs, by claim id.
   */
  public PageInput {
    claimReruns = Map.copyOf(claimReruns);
    runs = List.copyOf(runs);
    verdicts = List.copyOf(verdicts);
    sweeps = List.copyOf(sweeps);
    reruns = List.copyOf(reruns);
    if (reruns.size() != verdicts.size()) {
      throw new IllegalArgumentException("one re-run command per verdict: " + reruns.size() + " for "
          + verdicts.size());
    }
  }
}
