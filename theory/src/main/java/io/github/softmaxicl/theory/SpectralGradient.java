package io.github.softmaxicl.theory;

/**
 * A loss value with its gradient with respect to ω (H×n) and μ (H×n). Immutable.
 */
public final class SpectralGradient {
  private final double value;
  private final SpectralState grad;

  SpectralGradient(double value, double[][] gradOmega, double[][] gradMu) {
    this.value = value;
    this.grad = SpectralState.of(gradOmega, gradMu);
  }

  /** The loss F. */
  public double value() {
    return value;
  }

  /** ∂F/∂ω_j^h. */
  public double dOmega(int head, int task) {
    return grad.omega(head, task);
  }

  /** ∂F/∂μ_i^h. */
  public double dMu(int head, int task) {
    return grad.mu(head, task);
  }

  /** Euclidean norm of the whole gradient. */
  public double norm() {
    double s = 0;
    for (int h = 0; h < grad.heads(); h++) {
      for (int j = 0; j < grad.tasks(); j++) {
        s += grad.omega(h, j) * grad.omega(h, j) + grad.mu(h, j) * grad.mu(h, j);
      }
    }
    return StrictMath.sqrt(s);
  }
}
