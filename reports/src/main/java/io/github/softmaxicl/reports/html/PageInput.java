package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.Sweep;
import java.util.List;

/** Everything the page shows: runs, verdicts, sweeps and provenance. */
public record PageInput(List<RunFacts> runs, List<Verdict> verdicts, List<Sweep> sweeps, Provenance provenance) {
  /** Copies the lists. */
  public PageInput {
    runs = List.copyOf(runs);
    verdicts = List.copyOf(verdicts);
    sweeps = List.copyOf(sweeps);
  }
}
