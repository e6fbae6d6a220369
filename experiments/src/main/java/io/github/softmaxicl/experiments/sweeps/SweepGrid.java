package io.github.softmaxicl.experiments.sweeps;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.util.FastMath;

/** The (block set, L) grid of the P4/P5 sweeps: σ = 0, s² = 1, H = n, L geometric in L/d. */
final class SweepGrid {
  private SweepGrid() {}

  /** Compact formatting for failure messages. */
  static String f(double x) {
    return String.format(java.util.Locale.ROOT, "%.6g", x);
  }

  /** The block sizes of a block set as an array. */
  static int[] blocks(List<Integer> set) {
    int[] b = new int[set.size()];
    for (int i = 0; i < b.length; i++) {
      b[i] = set.get(i);
    }
    return b;
  }

  /** The configuration for a block set at prompt length L. */
  static ProblemConfig config(List<Integer> set, int promptLength) {
    int[] b = blocks(set);
    int d = 0;
    for (int x : b) {
      d += x;
    }
    return ProblemConfig.of(d, b, b.length, promptLength, 0.0, 1.0);
  }

  /** Distinct increasing prompt lengths round(d · r) with r geometric from minLOverD to maxLOverD. */
  static List<Integer> lengths(int d, SweepSettings s) {
    List<Integer> out = new ArrayList<>();
    int k = s.lengthsPerBlockSet();
    for (int i = 0; i < k; i++) {
      double r = s.minLOverD() * FastMath.pow(s.maxLOverD() / s.minLOverD(), i / (k - 1.0));
      int l = (int) FastMath.max(1, FastMath.round(d * r));
      if (out.isEmpty() || l > out.get(out.size() - 1)) {
        out.add(l);
      }
    }
    return out;
  }

}
