package io.github.softmaxicl.experiments;

import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a job hands back: its runs, the verdicts on the claims, and the sweeps the report plots.
 *
 * @param runs one record per (configuration, dynamics) actually run; run ids must be distinct
 * @param verdicts one verdict per claim checked (an empty list is treated as "nothing verified": exit 3)
 * @param sweeps parameter sweeps to plot (may be empty)
 */
public record JobResult(List<RunRecord> runs, List<Verdict> verdicts, List<Sweep> sweeps) {

  /** Validates and copies the lists. */
  public JobResult {
    runs = List.copyOf(runs);
    verdicts = List.copyOf(verdicts);
    sweeps = List.copyOf(sweeps);
    Set<String> ids = new HashSet<>();
    for (RunRecord r : runs) {
      if (!ids.add(r.runId())) {
        throw new IllegalArgumentException("duplicate run id " + r.runId());
      }
    }
  }
}
