package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.checks.Verdict;
import java.util.List;

/** The verdicts and plot of one sweep check. */
record Part(List<Verdict> verdicts, Sweep plot) {
  Part {
    verdicts = List.copyOf(verdicts);
  }
}
