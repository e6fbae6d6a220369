package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;

/** Columns of a trajectory as arrays for plotting; the one place that reads a sample's values. */
final class Trajectories {
  private Trajectories() {}

  static double[] times(List<TrajectorySample> s) {
    double[] t = new double[s.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = s.get(i).t();
    }
    return t;
  }

  /** F − {@code minus} at each sample (0 for F itself, F* for the excess loss). */
  static double[] losses(List<TrajectorySample> s, double minus) {
    double[] f = new double[s.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = s.get(i).loss() - minus;
    }
    return f;
  }

  static double[] mu(List<TrajectorySample> s, int head, int task) {
    double[] v = new double[s.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = s.get(k).mu(head, task);
    }
    return v;
  }

  static double[] omega(List<TrajectorySample> s, int head, int task) {
    double[] v = new double[s.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = s.get(k).omega(head, task);
    }
    return v;
  }

  static double[] offStructureNorm(List<TrajectorySample> s) {
    double[] v = new double[s.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = s.get(k).offStructureNorm().orElse(Double.NaN);
    }
    return v;
  }

  /** μ·ω of one head and task at one sample: the weight the head gives the task. */
  static double muOmega(TrajectorySample x, int head, int task) {
    return x.mu(head, task) * x.omega(head, task);
  }
}
