package io.github.softmaxicl.theory;

import org.checkerframework.checker.index.qual.Positive;

/**
 * The balanced spectral gradient flow of MODEL.md §5 in log-coordinates, as a plain function of state:
 *
 * <pre>
 *   dω_j^h/dt = −(2 |ω_j^h| / (√D d_j)) ∂F/∂ω_j^h,      dμ_i^h/dt = −2 |μ_i^h| ∂F/∂μ_i^h
 *   ⇒  d log|ω_j^h|/dt = −(2 sgn ω_j^h / (√D d_j)) ∂F/∂ω_j^h,   d log|μ_i^h|/dt = −2 sgn μ_i^h ∂F/∂μ_i^h
 * </pre>
 *
 * <p>Signs never change along the flow, so they are fixed from the start and the integrator works on
 * y = (log|ω|, log|μ|): integrating ω, μ (or the factors q, k, o, v) directly lets round-off push μ across zero
 * near μ ≈ 0, after which the flow runs to a different, wrong limit. Layout of y: entry {@code h·n + j} is
 * log|ω_j^h|, entry {@code H·n + h·n + i} is log|μ_i^h}. Numerics wraps this in a Hipparchus
 * {@code OrdinaryDifferentialEquation}; this class has no dependency on it.
 */
public final class BalancedSpectralField {
  private final ReducedLoss loss;
  private final double[][] omegaSign;
  private final double[][] muSign;
  private final double[] omegaRate;
  private final @Positive int heads;
  private final @Positive int tasks;

  /**
   * The field for a loss, with the signs of the start state.
   *
   * @throws IllegalArgumentException if the start has a zero entry (its logarithm is undefined and a zero
   *     stays zero under the flow) or its shape does not match the loss's configuration
   */
  public BalancedSpectralField(ReducedLoss loss, SpectralState start) {
    ProblemConfig c = loss.config();
    if (!start.hasShape(c.heads(), c.tasks())) {
      throw new IllegalArgumentException("start state is " + start.heads() + "x" + start.tasks()
          + ", configuration is " + c.heads() + "x" + c.tasks());
    }
    this.loss = loss;
    this.heads = c.heads();
    this.tasks = c.tasks();
    this.omegaSign = new double[heads][tasks];
    this.muSign = new double[heads][tasks];
    for (int h = 0; h < omegaSign.length; h++) {
      for (int j = 0; j < omegaSign[h].length; j++) {
        omegaSign[h][j] = signOf("omega", start.omega(h, j), h, j);
      }
    }
    for (int h = 0; h < muSign.length; h++) {
      for (int j = 0; j < muSign[h].length; j++) {
        muSign[h][j] = signOf("mu", start.mu(h, j), h, j);
      }
    }
    this.omegaRate = new double[tasks];
    double sqrtD = Math.sqrt(c.tokenDim());
    for (int j = 0; j < omegaRate.length; j++) {
      omegaRate[j] = 2.0 / (sqrtD * c.blockSize(j));
    }
  }

  private static double signOf(String name, double v, int h, int j) {
    if (v == 0.0) {
      throw new IllegalArgumentException(name + "[" + h + "][" + j + "] is 0: the log-coordinate flow needs "
          + "non-zero starting values (a zero stays zero)");
    }
    return v > 0 ? 1.0 : -1.0;
  }

  /** The loss whose flow this is. */
  public ReducedLoss loss() {
    return loss;
  }

  /** Dimension 2 H n of the log-coordinate state. */
  public int dimension() {
    return 2 * heads * tasks;
  }

  /** y = (log|ω|, log|μ|) of a state with this field's signs. */
  @SuppressWarnings("index") // y has 2·H·n entries and the sign arrays are H×n, by construction
  public double[] toLog(SpectralState state) {
    double[] y = new double[dimension()];
    int off = heads * tasks;
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < tasks; j++) {
        double w = state.omega(h, j);
        double m = state.mu(h, j);
        if (w * omegaSign[h][j] <= 0 || m * muSign[h][j] <= 0) {
          throw new IllegalArgumentException("state has a sign or zero different from the start at head " + h
              + ", task " + j);
        }
        y[h * tasks + j] = StrictMath.log(Math.abs(w));
        y[off + h * tasks + j] = StrictMath.log(Math.abs(m));
      }
    }
    return y;
  }

  /** The state at log-coordinates y. */
  public SpectralState fromLog(double[] y) {
    double[][] w = new double[heads][tasks];
    double[][] m = new double[heads][tasks];
    unpack(y, w, m);
    return SpectralState.of(w, m);
  }

  @SuppressWarnings("index") // y has 2·H·n entries (checked), w and m are H×n
  private void unpack(double[] y, double[][] w, double[][] m) {
    if (y.length != dimension()) {
      throw new IllegalArgumentException("y has " + y.length + " entries, expected " + dimension());
    }
    int off = heads * tasks;
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < tasks; j++) {
        w[h][j] = omegaSign[h][j] * StrictMath.exp(y[h * tasks + j]);
        m[h][j] = muSign[h][j] * StrictMath.exp(y[off + h * tasks + j]);
      }
    }
  }

  /** A reusable evaluator holding scratch arrays; not thread-safe, one per integration. */
  public Evaluator newEvaluator() {
    return new Evaluator();
  }

  /**
   * Evaluates dy/dt into a caller array, reusing its own scratch state (the loss's evaluation may still allocate
   * small H×H work arrays; numerics has an allocation-free copy for its inner loop).
   */
  public final class Evaluator {
    private final double[][] w = new double[heads][tasks];
    private final double[][] m = new double[heads][tasks];
    private final double[][] gw = new double[heads][tasks];
    private final double[][] gm = new double[heads][tasks];
    private long evaluations;

    private Evaluator() {}

    /**
     * Writes dy/dt at y into yDot and returns the loss F at y.
     *
     * @throws IllegalArgumentException if y or yDot has the wrong length
     */
    @SuppressWarnings("index") // y, yDot have 2·H·n entries (checked in unpack/below); arrays are H×n
    public double derivative(double[] y, double[] yDot) {
      if (yDot.length != dimension()) {
        throw new IllegalArgumentException("yDot has " + yDot.length + " entries, expected " + dimension());
      }
      unpack(y, w, m);
      double f = loss.evaluate(w, m, gw, gm);
      int off = heads * tasks;
      for (int h = 0; h < heads; h++) {
        for (int j = 0; j < tasks; j++) {
          yDot[h * tasks + j] = -omegaRate[j] * omegaSign[h][j] * gw[h][j];
          yDot[off + h * tasks + j] = -2.0 * muSign[h][j] * gm[h][j];
        }
      }
      evaluations++;
      return f;
    }

    /** Number of calls to {@link #derivative} so far. */
    public long evaluations() {
      return evaluations;
    }
  }

  /**
   * The velocity (dω/dt, dμ/dt) in plain coordinates at a state, laid out as a state; for tests and read-outs.
   */
  public SpectralState velocity(SpectralState state) {
    SpectralGradient g = loss.gradient(state);
    double[][] dw = new double[heads][tasks];
    double[][] dm = new double[heads][tasks];
    for (int h = 0; h < dw.length; h++) {
      for (int j = 0; j < dw[h].length && j < omegaRate.length; j++) {
        dw[h][j] = -omegaRate[j] * Math.abs(state.omega(h, j)) * g.dOmega(h, j);
      }
    }
    for (int h = 0; h < dm.length; h++) {
      for (int j = 0; j < dm[h].length; j++) {
        dm[h][j] = -2.0 * Math.abs(state.mu(h, j)) * g.dMu(h, j);
      }
    }
    return SpectralState.of(dw, dm);
  }
}
