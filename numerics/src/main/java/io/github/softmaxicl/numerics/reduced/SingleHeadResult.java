package io.github.softmaxicl.numerics.reduced;

/**
 * The single-head (H = 1) optimum of the leading-order reduced loss (MODEL.md §6, reduced model
 * (reconstruction)): its loss, minimiser, sharpness Σ_j d_j ω_j² (= 1 exactly by stationarity), the ratio to the
 * multi-head limit F*, and certificates (gradient norm, smallest Hessian eigenvalue). Immutable.
 */
public final class SingleHeadResult {
  private final double fSingle;
  private final double[] omega;
  private final double[] mu;
  private final double sharpness;
  private final double fStar;
  private final double gradientNorm;
  private final double minHessianEigenvalue;
  private final int starts;
  private final long evaluations;

  SingleHeadResult(double fSingle, double[] omega, double[] mu, double sharpness, double fStar,
      double gradientNorm, double minHessianEigenvalue, int starts, long evaluations) {
    this.fSingle = fSingle;
    this.omega = omega.clone();
    this.mu = mu.clone();
    this.sharpness = sharpness;
    this.fStar = fStar;
    this.gradientNorm = gradientNorm;
    this.minHessianEigenvalue = minHessianEigenvalue;
    this.starts = starts;
    this.evaluations = evaluations;
  }

  /** F_single*: the smallest loss found over the deterministic starts. */
  public double fSingle() {
    return fSingle;
  }

  /** Minimiser ω_1..ω_n. */
  public double[] omega() {
    return omega.clone();
  }

  /** Minimiser μ_1..μ_n. */
  public double[] mu() {
    return mu.clone();
  }

  /** Σ_j d_j ω_j² at the minimiser (stationarity: exactly 1). */
  public double sharpness() {
    return sharpness;
  }

  /** The multi-head limit F* (closed form, same configuration). */
  public double fStar() {
    return fStar;
  }

  /** F_single* / F*. */
  public double ratio() {
    return fSingle / fStar;
  }

  /** Euclidean norm of ∂F/∂(ω, μ) at the minimiser. */
  public double gradientNorm() {
    return gradientNorm;
  }

  /** Smallest eigenvalue of the (finite-difference) Hessian at the minimiser: &gt; 0 certifies a local minimum. */
  public double minHessianEigenvalue() {
    return minHessianEigenvalue;
  }

  /** Number of starts tried. */
  public int starts() {
    return starts;
  }

  /** Loss evaluations used. */
  public long evaluations() {
    return evaluations;
  }
}
