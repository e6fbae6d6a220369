package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;
import org.hipparchus.util.FastMath;

/**
 * Post-processing of recorded trajectories shared by the flow and SGD: level crossings, allocation, the
 * saddle escape of MODEL.md §9 and its measured rate.
 */
public final class RunAnalysis {
  /**
   * An off-task μ_i^h has escaped the limit (MODEL.md §9: it left the sign-preserving manifold towards debiasing)
   * once it is below −{@value} μ_i*: the escape time, the lower end of the saddle-rate fit, and the checks' note on
   * the end state all use this level.
   */
  public static final double ESCAPE_LEVEL = 1e-3;

  /** Whether an off-task μ is below the escape level −{@link #ESCAPE_LEVEL} μ*. */
  public static boolean belowEscapeLevel(double mu, double muStar) {
    return mu < -ESCAPE_LEVEL * muStar;
  }

  private RunAnalysis() {}

  /** First time the recorded loss falls to {@code level} or below, linearly interpolated; NaN if never. */
  public static double firstCrossing(List<TrajectorySample> traj, double level) {
    for (int s = 0; s < traj.size(); s++) {
      TrajectorySample p = traj.get(s);
      if (p.loss() <= level) {
        if (s == 0) {
          return p.t();
        }
        TrajectorySample q = traj.get(s - 1);
        double f = (q.loss() - level) / (q.loss() - p.loss());
        return q.t() + f * (p.t() - q.t());
      }
    }
    return Double.NaN;
  }

  /**
   * Per-task half-signal times of MODEL.md §7 on a recorded trajectory: first t with
   * max_h μ_i^h ω_i^h ≥ ½ μ_i* ω_i*, linearly interpolated between samples; NaN where never reached.
   */
  public static double[] halfSignalTimes(List<TrajectorySample> traj, io.github.softmaxicl.theory.ProblemConfig c) {
    int n = c.tasks();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double level = io.github.softmaxicl.theory.PhaseMarkers.halfSignalThreshold(c, i);
      out[i] = Double.NaN;
      double prevT = Double.NaN;
      double prevV = Double.NaN;
      for (TrajectorySample p : traj) {
        double v = Double.NEGATIVE_INFINITY;
        for (int h = 0; h < c.heads(); h++) {
          v = FastMath.max(v, p.state().mu(h, i) * p.state().omega(h, i));
        }
        if (v >= level) {
          out[i] = Double.isNaN(prevT) ? p.t() : prevT + (level - prevV) / (v - prevV) * (p.t() - prevT);
          break;
        }
        prevT = p.t();
        prevV = v;
      }
    }
    return out;
  }

  /**
   * For each task the head with the largest μ_i^h ω_i^h in {@code state} (the allocation of OUTPUT.md).
   */
  public static int[] allocation(io.github.softmaxicl.theory.SpectralState state) {
    int n = state.tasks();
    int[] alloc = new int[n];
    for (int i = 0; i < n; i++) {
      double best = Double.NEGATIVE_INFINITY;
      for (int h = 0; h < state.heads(); h++) {
        double v = state.mu(h, i) * state.omega(h, i);
        if (v > best) {
          best = v;
          alloc[i] = h;
        }
      }
    }
    return alloc;
  }

  /** Result of the escape analysis. */
  record Escape(double time, int head, int task, double predicted, double measured) {}

  /**
   * Escape of an off-task pair from the limit: allocation read at the first sample at or after
   * {@code tEmergence}; escape = first later sample with μ_i^h &lt; −1e-3 μ_i* for an off-task pair; measured
   * rate = least-squares slope of ln(−μ) over the contiguous samples from the escape while −μ ≤ 0.1 μ*.
   */
  static Escape escape(List<TrajectorySample> traj, double tEmergence, LimitPoint limit) {
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
          if (h != alloc[i] && belowEscapeLevel(st.mu(h, i), limit.muStar(i))) {
            double measured = slope(traj, s, h, i, limit.muStar(i));
            return new Escape(traj.get(s).t(), h, i, 2 * limit.saddleCoefficient(i), measured);
          }
        }
      }
    }
    return new Escape(Double.NaN, -1, -1, maxPredicted, Double.NaN);
  }

  /**
   * The least-squares slope of ln(−μ) against t over the contiguous samples from {@code from} with 10⁻³ μ* ≤ −μ ≤
   * 0.1 μ*, NaN for fewer than 3 or no spread in t. Times are taken relative to the window's first (exact for
   * nearby doubles) and the sums centred: the one-pass form m Σt² − (Σt)² cancels when the times lie far from 0
   * against their spread, as late escapes over a short window do, and equal times give exactly no spread.
   */
  private static double slope(List<TrajectorySample> traj, int from, int h, int i, double muStar) {
    int end = from;
    while (end < traj.size() && inFittingRange(traj.get(end).state().mu(h, i), muStar)) {
      end++;
    }
    int m = end - from;
    if (m < 3) {
      return Double.NaN;
    }
    double[] t = new double[m];
    double[] y = new double[m];
    double tMean = 0;
    double yMean = 0;
    double t0 = traj.get(from).t();
    for (int k = 0; k < m; k++) {
      t[k] = traj.get(from + k).t() - t0;
      y[k] = FastMath.log(-traj.get(from + k).state().mu(h, i));
      tMean += t[k];
      yMean += y[k];
    }
    tMean /= m;
    yMean /= m;
    double stt = 0;
    double sty = 0;
    for (int k = 0; k < m; k++) {
      double dt = t[k] - tMean;
      stt += dt * dt;
      sty += dt * (y[k] - yMean);
    }
    return stt > 0 ? sty / stt : Double.NaN;
  }

  private static boolean inFittingRange(double mu, double muStar) {
    return -mu <= 0.1 * muStar && -mu >= ESCAPE_LEVEL * muStar;
  }
}
