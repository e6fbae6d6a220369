package io.github.softmaxicl.experiments;

/**
 * One sample of a trajectory: time, loss, the spectral variables (H×n, heads and tasks from 0) and, for the
 * full dynamics, the norm of the weights outside the decomposable structure (NaN for the reduced flow).
 * Immutable: the arrays are copied in and out.
 */
public final class TrajectorySample {
  private final double t;
  private final double loss;
  private final double[][] omega;
  private final double[][] mu;
  private final double offStructureNorm;

  /**
   * @param t time (gradient-flow time)
   * @param loss F(t) (MODEL.md §4 normalisation; for full runs the in-sample loss)
   * @param omega ω[h][j], H×n
   * @param mu μ[h][i], H×n
   * @param offStructureNorm norm of the weights outside the decomposable structure, NaN if not applicable
   * @throws IllegalArgumentException if the shapes of ω and μ differ or are ragged or empty
   */
  public TrajectorySample(double t, double loss, double[][] omega, double[][] mu, double offStructureNorm) {
    this.t = t;
    this.loss = loss;
    this.omega = copy(omega, "omega");
    this.mu = copy(mu, "mu");
    if (omega.length != mu.length || this.omega[0].length != this.mu[0].length) {
      throw new IllegalArgumentException("omega and mu must have the same shape");
    }
    this.offStructureNorm = offStructureNorm;
  }

  private static double[][] copy(double[][] a, String name) {
    if (a.length < 1 || a[0].length < 1) {
      throw new IllegalArgumentException(name + " must be at least 1x1");
    }
    int n = a[0].length;
    double[][] c = new double[a.length][];
    for (int h = 0; h < a.length; h++) {
      if (a[h].length != n) {
        throw new IllegalArgumentException(name + " row " + h + " has " + a[h].length + " entries, expected " + n);
      }
      c[h] = a[h].clone();
    }
    return c;
  }

  /** Time. */
  public double t() {
    return t;
  }

  /** Loss F(t). */
  public double loss() {
    return loss;
  }

  /** Number of heads H. */
  public int heads() {
    return omega.length;
  }

  /** Number of tasks n. */
  public int tasks() {
    return omega[0].length;
  }

  /** ω_j^h (0-based). */
  public double omega(int head, int task) {
    return omega[head][task];
  }

  /** μ_i^h (0-based). */
  public double mu(int head, int task) {
    return mu[head][task];
  }

  /** A copy of ω, H×n. */
  public double[][] omegaArray() {
    return copy(omega, "omega");
  }

  /** A copy of μ, H×n. */
  public double[][] muArray() {
    return copy(mu, "mu");
  }

  /** Norm of the weights outside the decomposable structure; NaN for the reduced flow. */
  public double offStructureNorm() {
    return offStructureNorm;
  }
}
