package io.github.softmaxicl.theory;

/**
 * A reduced loss F(ω, μ) of the spectral variables (MODEL.md §4) with its analytic gradient.
 *
 * <p>Low-level entry point {@link #evaluate} writes into caller-owned H×n arrays, so that an integrator can call
 * it in its inner loop without allocating (EJML style); {@link #value} and {@link #gradient} are the friendly
 * layer on top. Reconstruction: the losses are derived in MODEL.md, not quoted from the paper.
 */
public interface ReducedLoss {

  /** The problem this loss belongs to. */
  ProblemConfig config();

  /**
   * Evaluates F = (1/n) Σ_i L_i and its gradient.
   *
   * @param omega H×n array of ω_j^h
   * @param mu H×n array of μ_i^h
   * @param gradOmega H×n array receiving ∂F/∂ω_j^h
   * @param gradMu H×n array receiving ∂F/∂μ_i^h
   * @return F
   * @throws IllegalArgumentException if the shapes do not match the configuration, or the state is outside the
   *     loss's domain
   */
  double evaluate(double[][] omega, double[][] mu, double[][] gradOmega, double[][] gradMu);

  /**
   * The per-task losses L_i (F is their mean).
   *
   * @throws IllegalArgumentException as {@link #evaluate}
   */
  double[] taskLosses(SpectralState state);

  /** True if the state lies in the loss's domain of validity. */
  default boolean inDomain(SpectralState state) {
    return true;
  }

  /** F at the state. */
  default double value(SpectralState state) {
    return gradient(state).value();
  }

  /** F and its gradient at the state. */
  default SpectralGradient gradient(SpectralState state) {
    double[][] omega = state.omegaArray();
    double[][] mu = state.muArray();
    double[][] gw = new double[state.heads()][state.tasks()];
    double[][] gm = new double[state.heads()][state.tasks()];
    double f = evaluate(omega, mu, gw, gm);
    return new SpectralGradient(f, gw, gm);
  }
}
