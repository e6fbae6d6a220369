package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;

/**
 * What a log-μ panel has to show: the largest and smallest positive μ and how many values cannot be drawn on a
 * log axis (μ ≤ 0 or not finite). The axis stops {@link #DECADES} decades below the largest μ, because the
 * exponential off-task decay continues for hundreds of decades and would flatten everything else.
 *
 * @param max largest positive finite μ, 0 if none
 * @param minPositive smallest positive finite μ, +∞ if none
 * @param nonPositive count of values that are ≤ 0 or not finite
 */
record MuRange(double max, double minPositive, int nonPositive) {
  /** Decades shown below the largest μ. */
  static final double DECADES = 10;

  /** Over every head of {@code task} (or of every task if {@code task} &lt; 0) in all the given trajectories. */
  static MuRange of(List<List<TrajectorySample>> trajectories, int task) {
    double max = 0;
    double minPositive = Double.POSITIVE_INFINITY;
    int nonPositive = 0;
    for (List<TrajectorySample> s : trajectories) {
      for (TrajectorySample x : s) {
        for (int h = 0; h < x.heads(); h++) {
          for (int i = 0; i < x.tasks(); i++) {
            if (task >= 0 && i != task) {
              continue;
            }
            double v = x.mu(h, i);
            if (v > 0 && Double.isFinite(v)) {
              max = Math.max(max, v);
              minPositive = Math.min(minPositive, v);
            } else {
              nonPositive++;
            }
          }
        }
      }
    }
    return new MuRange(max, minPositive, nonPositive);
  }

  /** Lowest μ on the axis, {@link #DECADES} below the largest; NaN if no μ is positive. */
  double floor() {
    return max > 0 ? max * StrictMath.pow(10, -DECADES) : Double.NaN;
  }

  /** True if some drawn μ run off the bottom of the axis. */
  boolean clipped() {
    return max > 0 && minPositive < floor();
  }
}
