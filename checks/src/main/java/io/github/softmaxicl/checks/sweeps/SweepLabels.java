package io.github.softmaxicl.checks.sweeps;

import java.util.List;

/** The run id and the number and block-set formatting shared by the sweep checks' evidence lines. */
final class SweepLabels {
  private SweepLabels() {}

  /** The run id of every sweep verdict. */
  static final String RUN = "sweep";

  /** Compact formatting for evidence lines. */
  static String f(double x) {
    return String.format(java.util.Locale.ROOT, "%.6g", x);
  }

  /** Label of a block set, e.g. "blocks 8,8,8". */
  static String label(List<Integer> set) {
    StringBuilder sb = new StringBuilder("blocks ");
    for (int i = 0; i < set.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(set.get(i));
    }
    return sb.toString();
  }

  /** d = the sum of the block sizes. */
  static int dimension(List<Integer> set) {
    int d = 0;
    for (int b : set) {
      d += b;
    }
    return d;
  }
}
