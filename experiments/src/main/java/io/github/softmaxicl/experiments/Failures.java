package io.github.softmaxicl.experiments;

import io.github.softmaxicl.checks.FullDynamicsChecks;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.numerics.NumericalFailure;
import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.theory.Claim;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** How a computation that fails becomes error verdicts (never a pass) while the other experiments still run. */
final class Failures {
  private Failures() {}

  /** One error verdict per claim, all naming the same failure. */
  static List<Verdict> errors(List<Claim> claims, String run, String what) {
    List<Verdict> out = new ArrayList<>();
    for (Claim claim : claims) {
      out.add(Verdicts.error(claim, run, what));
    }
    return out;
  }

  /** A check whose computation fails gives an error verdict. */
  static Verdict guard(Claim claim, String run, Supplier<Verdict> check) {
    try {
      return check.get();
    } catch (ReducedFlowFailure | ArithmeticException | IllegalArgumentException e) {
      String what = e.getMessage();
      return Verdicts.error(claim, run, what == null ? e.toString() : what);
    }
  }

  /** A plotted full-model check: its verdict and plot, or, when its computation fails, an error verdict. */
  static Outcome plotted(Claim claim, String runId, String what, ProgressSink progress,
      Supplier<FullDynamicsChecks.PlottedVerdict> check) {
    try {
      FullDynamicsChecks.PlottedVerdict out = check.get();
      return new Outcome(List.of(), List.of(out.verdict()), List.of(out.plot()));
    } catch (NumericalFailure e) {
      progress.message(what + ": numerical failure: " + e.getMessage());
      return Outcome.of(Verdicts.error(claim, runId, String.valueOf(e.getMessage())));
    }
  }
}
