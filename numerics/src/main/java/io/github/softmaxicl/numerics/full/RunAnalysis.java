package io.github.softmaxicl.numerics.full;

import java.util.List;
import org.hipparchus.util.FastMath;

/**
 * Post-processing of recorded trajectories shared by the flow and SGD: level crossings, allocation, the
 * saddle escape of MODEL.md §9 and its measured rate.
 */
final class RunAnalysis {
  private RunAnalysis() {}

  /** First time the recorded loss falls to {@code level} or below, linearly interpolated; NaN if never. */
  static double firstCrossing(List<TrajectoryPoint> traj, double level) {
    for (int s = 0; s < traj.size(); s++) {
      TrajectoryPoint p = traj.get(s);
      if (p.loss() <= level) {
        if (s == 0) {
          return p.t();
        }
        TrajectoryPoint q = traj.get(s - 1);
        double f = (q.loss() - level) / (q.loss() - p.loss());
        return q.t() + f * (p.t() - q.t());
      }
    }
    return Double.NaN;
  }

  /** Result of the escape analysis. */
  record Escape(double time, int head, int task, double predicted, double measured) {}

  /**
   * Escape of an off-task pair from the limit: allocation read at the first sample at or after
   * {@code tEmergence}; escape = first later sample with μ_i^h &lt; −1e-3 μ_i* for an off-task pair; measured
   * rate = least-squares slope of ln(−μ) over the contiguous samples from the escape while −μ ≤ 0.1 μ*.
   */
  static Escape escape(List<TrajectoryPoint> traj, double tEmergence, LimitPoint limit) {
    int n = limit.muStar().length;
    double maxPredicted = 0;
    for (int i = 0; i < n; i++) {
      maxPredicted = FastMath.max(maxPredicted, 2 * limit.saddleCoefficient(i));
    }
    if (Double.isNaN(tEmergence) || traj.isEmpty()) {
      return new Escape(Double.NaN, -1, -1, maxPredicted, Double.NaN);
    }
    int start = -1;
    for (int s = 0; s < traj.size(); s++) {
      if (traj.get(s).t() >= tEmergence) {
        start = s;
        break;
      }
    }
    if (start < 0) {
      return new Escape(Double.NaN, -1, -1, maxPredicted, Double.NaN);
    }
    var at = traj.get(start).state();
    int heads = at.heads();
    int[] alloc = new int[n];
    for (int i = 0; i < n; i++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int h = 0; h < heads; h++) {
        double v = at.mu(h, i) * at.omega(h, i);
        if (v > best) {
          best = v;
          alloc[i] = h;
        }
      }
    }
    for (int s = start; s < traj.size(); s++) {
      var st = traj.get(s).state();
      for (int i = 0; i < n; i++) {
        for (int h = 0; h < heads; h++) {
          if (h != alloc[i] && st.mu(h, i) < -1e-3 * limit.muStar(i)) {
            double measured = slope(traj, s, h, i, limit.muStar(i));
            return new Escape(traj.get(s).t(), h, i, 2 * limit.saddleCoefficient(i), measured);
          }
        }
      }
    }
    return new Escape(Double.NaN, -1, -1, maxPredicted, Double.NaN);
  }

  private static double slope(List<TrajectoryPoint> traj, int from, int h, int i, double muStar) {
    double st = 0;
    double sy = 0;
    double stt = 0;
    double sty = 0;
    int m = 0;
    for (int s = from; s < traj.size(); s++) {
      double mu = traj.get(s).state().mu(h, i);
      if (-mu > 0.1 * muStar || -mu < 1e-3 * muStar) {
        break;
      }
      double t = traj.get(s).t();
      double y = FastMath.log(-mu);
      st += t;
      sy += y;
      stt += t * t;
      sty += t * y;
      m++;
    }
    if (m < 3) {
      return Double.NaN;
    }
    double den = m * stt - st * st;
    return den > 0 ? (m * sty - st * sy) / den : Double.NaN;
  }
}
