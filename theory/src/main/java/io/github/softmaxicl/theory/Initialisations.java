package io.github.softmaxicl.theory;

/**
 * Initial spectral states (MODEL.md §5).
 */
public final class Initialisations {
  /** Ratio of a head's favoured-task μ to its other μ in the paper init. */
  public static final double PAPER_FAVOUR = 4.0;

  private Initialisations() {}

  /**
   * The "paper init" of the authors' code: {@code omega_j^h(0) = L^{-3/2}/sqrt(D)} for all h, j;
   * {@code mu_i^h(0) = L^{-3/2}}, except {@code mu_h^h(0) = 4 L^{-3/2}}: head h favours task h. Heads h ≥ n
   * favour none; when H &lt; n (outside the paper's set-up, kept for observation) tasks i ≥ H are favoured by none.
   */
  public static SpectralState paper(ProblemConfig config) {
    int heads = config.heads();
    int n = config.tasks();
    double base = StrictMath.pow(config.promptLength(), -1.5);
    double w0 = base / StrictMath.sqrt(config.tokenDim());
    double[][] omega = new double[heads][n];
    double[][] mu = new double[heads][n];
    for (double[] row : omega) {
      java.util.Arrays.fill(row, w0);
    }
    for (int h = 0; h < mu.length; h++) {
      double[] row = mu[h];
      java.util.Arrays.fill(row, base);
      if (h < row.length) {
        row[h] = PAPER_FAVOUR * base;
      }
    }
    return SpectralState.of(omega, mu);
  }

  /** The paper init with every factor scaled by √k, so ω(0) and μ(0) are multiplied by k (MODEL.md §9). */
  public static SpectralState paper(ProblemConfig config, double initScale) {
    if (!(initScale > 0) || !Double.isFinite(initScale)) {
      throw new ConfigException("init_scale", "must be a finite number > 0 (got " + initScale + ")");
    }
    return paper(config).scaled(initScale);
  }

  /**
   * A custom start for the balanced, sign-preserving flow: every entry must be non-zero (the flow integrates
   * log|ω| and log|μ|, and a zero stays zero).
   */
  public static SpectralState custom(ProblemConfig config, double[][] omega, double[][] mu) {
    SpectralState s = SpectralState.of(omega, mu);
    if (!s.hasShape(config.heads(), config.tasks())) {
      throw new IllegalArgumentException("custom init must be " + config.heads() + "x" + config.tasks()
          + " (got " + s.heads() + "x" + s.tasks() + ")");
    }
    for (int h = 0; h < s.heads(); h++) {
      for (int j = 0; j < s.tasks(); j++) {
        if (s.omega(h, j) == 0.0 || s.mu(h, j) == 0.0) {
          throw new IllegalArgumentException("custom init: omega and mu must be non-zero (head " + h + ", task " + j + ")");
        }
      }
    }
    return s;
  }
}
