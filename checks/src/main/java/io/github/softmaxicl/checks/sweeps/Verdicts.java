package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Verdict;
import java.util.List;

/** Verdict construction for the sweeps: run "sweep", provenance "reconstruction". */
final class Verdicts {
  static final String RUN = "sweep";
  static final String PROVENANCE = "reconstruction";

  private Verdicts() {}

  /** PASS if {@code holds} and the measured value is finite, FAIL otherwise. */
  static Verdict decided(String id, boolean holds, String statement, double measured, double threshold,
      String budget, List<String> evidence) {
    Verdict.Status status = holds && Double.isFinite(measured) ? Verdict.Status.PASS : Verdict.Status.FAIL;
    return new Verdict(id, RUN, status, statement, measured, threshold, budget, PROVENANCE, evidence);
  }

  /** ERROR: the computation behind the claim failed; nothing was verified. */
  static Verdict error(String id, String statement, double threshold, String budget, String why,
      List<String> evidence) {
    java.util.List<String> lines = new java.util.ArrayList<>(evidence);
    lines.add("ERROR: " + why);
    return new Verdict(id, RUN, Verdict.Status.ERROR, statement, Double.NaN, threshold, budget, PROVENANCE, lines);
  }

  /** Compact formatting for evidence lines. */
  static String f(double x) {
    return String.format(java.util.Locale.ROOT, "%.6g", x);
  }
}
