package io.github.softmaxicl.numerics.full;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.util.FastMath;

/**
 * An SGD run ({@link FullRun}) with its step-size record: at every recorded sample the time t, the mean η of the
 * window, the running sum Σ_k η_k²/B_k (what the random walk of §9 grows with: a per-prompt gradient spread σ
 * gives a walk of spread σ √(Σ η²/B) in the weights) and the stability bound λ̂ of {@link AdaptiveStep} (NaN for
 * fixed schedules). Immutable.
 */
public final class SgdRun {
  private final FullRun run;
  private final List<double[]> etaTrace;
  private final long steps;
  private final boolean controlVariate;

  SgdRun(FullRun run, List<double[]> etaTrace, long steps, boolean controlVariate) {
    this.run = run;
    List<double[]> copy = new ArrayList<>();
    for (double[] e : etaTrace) {
      copy.add(e.clone());
    }
    this.etaTrace = copy;
    this.steps = steps;
    this.controlVariate = controlVariate;
  }

  /** The run record. */
  public FullRun run() {
    return run;
  }

  /** Steps taken. */
  public long steps() {
    return steps;
  }

  /** Whether the control variate was used. */
  public boolean controlVariate() {
    return controlVariate;
  }

  /** Number of entries of the step-size record (one per recorded trajectory sample). */
  public int etaSamples() {
    return etaTrace.size();
  }

  /** Time of entry {@code s}. */
  public double etaTime(int s) {
    return etaTrace.get(s)[0];
  }

  /** Mean η of the window ending at entry {@code s} (NaN at t = 0). */
  public double eta(int s) {
    return etaTrace.get(s)[1];
  }

  /** Σ η²/B up to entry {@code s}. */
  public double sumEtaSquaredOverBatch(int s) {
    return etaTrace.get(s)[2];
  }

  /** Stability bound λ̂ at entry {@code s} (NaN for fixed schedules). */
  public double curvatureBound(int s) {
    return etaTrace.get(s)[3];
  }

  /**
   * Σ η²/B up to time {@code t} (linear interpolation between entries; the total if t is beyond the end).
   */
  public double sumEtaSquaredOverBatchUpTo(double t) {
    for (int s = 1; s < etaTrace.size(); s++) {
      double[] b = etaTrace.get(s);
      if (b[0] >= t) {
        double[] a = etaTrace.get(s - 1);
        double f = (t - a[0]) / (b[0] - a[0]);
        return a[2] + FastMath.max(0, FastMath.min(1, f)) * (b[2] - a[2]);
      }
    }
    return etaTrace.get(etaTrace.size() - 1)[2];
  }
}
