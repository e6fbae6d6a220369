package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Verdict;
import java.util.List;

/** The verdicts and sweeps of one part of {@link SweepChecks}. */
record Part(List<Verdict> verdicts, List<SweepResult> results) {
  Part {
    verdicts = List.copyOf(verdicts);
    results = List.copyOf(results);
  }
}
