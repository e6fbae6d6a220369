package io.github.softmaxicl.numerics.full;

/**
 * The sample-average loss F = (1/N) Σ_p (1/n) ‖y_q − ŷ‖² over a prompt source and its gradient with respect to
 * every weight, in the flat layout of {@link AttentionWeights}. Immutable (the gradient is copied out).
 */
public final class LossAndGradient {
  private final double loss;
  private final double[] gradient;

  LossAndGradient(double loss, double[] gradient) {
    this.loss = loss;
    this.gradient = gradient;
  }

  /** The loss F. */
  public double loss() {
    return loss;
  }

  /** A copy of ∇F in the flat layout. */
  public double[] gradient() {
    return gradient.clone();
  }

  /** ∂F/∂(flat weight {@code index}). */
  public double gradient(int index) {
    return gradient[index];
  }

  /** Euclidean norm of the gradient. */
  public double gradientNorm() {
    double s = 0;
    for (double g : gradient) {
      s += g * g;
    }
    return org.hipparchus.util.FastMath.sqrt(s);
  }

  /** The gradient array itself, for callers in this package that only read it. */
  double[] gradientArray() {
    return gradient;
  }
}
