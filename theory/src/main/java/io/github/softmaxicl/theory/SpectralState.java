package io.github.softmaxicl.theory;

/**
 * The spectral variables of a decomposable model (MODEL.md §3): for each head h and task j the KQ
 * semi-singular value {@code omega[h][j] = q_j^h k_j^h / sqrt(D)} and the OV semi-singular value
 * {@code mu[h][j] = o_j^h v_j^h}. Heads and tasks are numbered from 0.
 *
 * <p>Immutable: the arrays are copied in and out. Every entry is finite.
 */
public final class SpectralState {
  private final double @org.checkerframework.common.value.qual.MinLen(1) [][] omega;
  private final double[][] mu;
  private final @org.checkerframework.checker.index.qual.Positive int tasks;

  private SpectralState(double @org.checkerframework.common.value.qual.MinLen(1) [][] omega, double[][] mu, @org.checkerframework.checker.index.qual.Positive int tasks) {
    this.omega = omega;
    this.mu = mu;
    this.tasks = tasks;
  }

  /**
   * A state from H×n arrays of ω and μ (copied).
   *
   * @throws IllegalArgumentException if the shapes differ, are empty or ragged, or an entry is not finite
   */
  public static SpectralState of(double[][] omega, double[][] mu) {
    if (omega.length < 1 || omega.length != mu.length) {
      throw new IllegalArgumentException("omega and mu must have the same number (>= 1) of head rows (got "
          + omega.length + " and " + mu.length + ")");
    }
    int n = omega[0].length;
    if (n < 1) {
      throw new IllegalArgumentException("omega and mu must have at least one task column");
    }
    double @org.checkerframework.common.value.qual.MinLen(1) [][] w = new double[omega.length][];
    double[][] m = new double[mu.length][];
    for (int h = 0; h < omega.length; h++) {
      w[h] = copyRow("omega", omega[h], n, h);
    }
    for (int h = 0; h < mu.length; h++) {
      m[h] = copyRow("mu", mu[h], n, h);
    }
    return new SpectralState(w, m, n);
  }

  private static double[] copyRow(String name, double[] row, int n, int h) {
    if (row.length != n) {
      throw new IllegalArgumentException(name + " row " + h + " has " + row.length + " tasks, expected " + n);
    }
    for (int j = 0; j < row.length; j++) {
      if (!Double.isFinite(row[j])) {
        throw new IllegalArgumentException(name + "[" + h + "][" + j + "] is not finite: " + row[j]);
      }
    }
    return row.clone();
  }

  /** Number of heads H. */
  public @org.checkerframework.checker.index.qual.Positive int heads() {
    return omega.length;
  }

  /** Number of tasks n. */
  public @org.checkerframework.checker.index.qual.Positive int tasks() {
    return tasks;
  }

  /** ω_j^h: KQ semi-singular value of head h on task j. */
  public double omega(int head, int task) {
    if (head < 0 || head >= omega.length || task < 0 || task >= omega[head].length) {
      throw outOfRange(head, task);
    }
    return omega[head][task];
  }

  /** μ_i^h: OV semi-singular value of head h on task i. */
  public double mu(int head, int task) {
    if (head < 0 || head >= mu.length || task < 0 || task >= mu[head].length) {
      throw outOfRange(head, task);
    }
    return mu[head][task];
  }

  private IndexOutOfBoundsException outOfRange(int head, int task) {
    return new IndexOutOfBoundsException("(head " + head + ", task " + task + ") outside " + omega.length + "x" + tasks);
  }

  /** A copy of ω as an H×n array. */
  public double[][] omegaArray() {
    return deepCopy(omega);
  }

  /** A copy of μ as an H×n array. */
  public double[][] muArray() {
    return deepCopy(mu);
  }

  /** The state with ω and μ multiplied by {@code k} (every factor of the full model scaled by √k). */
  public SpectralState scaled(double k) {
    double[][] w = omegaArray();
    double[][] m = muArray();
    for (double[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= k;
      }
    }
    for (double[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= k;
      }
    }
    return of(w, m);
  }

  /** True if this state has H heads and n tasks. */
  public boolean hasShape(int heads, int taskCount) {
    return heads() == heads && tasks == taskCount;
  }

  private double[] muRow(int head) {
    if (head < 0 || head >= mu.length) {
      throw outOfRange(head, 0);
    }
    return mu[head];
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int h = 0; h < a.length; h++) {
      c[h] = a[h].clone();
    }
    return c;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("SpectralState{");
    for (int h = 0; h < omega.length; h++) {
      sb.append(h == 0 ? "" : "; ").append("head ").append(h).append(": omega=")
          .append(java.util.Arrays.toString(omega[h])).append(" mu=").append(java.util.Arrays.toString(muRow(h)));
    }
    return sb.append('}').toString();
  }
}
