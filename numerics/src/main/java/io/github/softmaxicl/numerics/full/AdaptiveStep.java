package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.hipparchus.util.FastMath;

/**
 * A state-dependent SGD step size: η_k = min(η_max, ε / r̄_k, θ_stab / λ̂_k). Reduced model (reconstruction)
 * supplies the stability bound; the rule is a numerical device, recorded with every run.
 *
 * <ul>
 *   <li><b>Accuracy</b>: r_k is the largest relative speed ‖g_row‖/‖θ_row‖ over the rows of every Q^h, K^h, V^h,
 *       O^h whose norm is at least 0.1 of that matrix's largest row (rows near zero carry no spectral
 *       variable), so one step changes no live weight row by more than a fraction ε. In the warm-up the rows
 *       grow at rates ≈ (4/n) s² d ω ≈ 3e-3 ({@code paper} init) and η may be large; it shrinks by itself in
 *       the emergence. r̄_k = max(r_k, r̄_{k−1}/γ) lets η grow by at most a factor γ per step and reacts at once
 *       to faster dynamics. Global error of the Euler steps in log-coordinates ≈ ε/2 per unit of log-growth.</li>
 *   <li><b>Stability</b>: λ̂ bounds the largest Hessian eigenvalue on the decomposable set from the spectral
 *       read-out, using the leading-order loss of MODEL.md §4 with balanced factors (|o| = |v|, q = |k|):
 *       an (o, v) pair has the eigenvalue 2|μ_i^h| a + |∂F/∂μ| ≤ 2|μ| a (1 + …) with
 *       a = ∂²F/∂μ² = (2/n)(s² d_i ω² + c_i E_hh/L), and the collective (q, k) mode of block j has
 *       2|ω_j^h| b / (√D d_j) with b = ∂²F/∂ω² = (2/n)(s² d_j² μ_j² + 2 d_j Σ_i (c_i/L) μ_i² E_hh (1 + 2 d_j ω_j²)).
 *       For {@code paper} at the limit both are ≈ 6, the relaxation rate of the on-task modes. θ_stab = 1 keeps
 *       η λ̂ ≤ 1, half the gradient-descent stability limit, a margin for what the leading-order bound misses.</li>
 * </ul>
 */
public final class AdaptiveStep {
  private final double epsilon;
  private final double etaMax;
  private final double growth;
  private final double stability;

  private AdaptiveStep(double epsilon, double etaMax, double growth, double stability) {
    if (!(epsilon > 0) || !(etaMax > 0) || !(growth >= 1) || !(stability > 0) || !Double.isFinite(etaMax)
        || !Double.isFinite(growth) || !Double.isFinite(epsilon) || !Double.isFinite(stability)) {
      throw new IllegalArgumentException("adaptive step needs finite epsilon, etaMax, stability > 0 and growth >= 1");
    }
    this.epsilon = epsilon;
    this.etaMax = etaMax;
    this.growth = growth;
    this.stability = stability;
  }

  /**
   * @param epsilon largest relative change of a live weight row per step (e.g. 0.01)
   * @param etaMax absolute cap on η
   * @param growth largest factor by which η may grow from one step to the next (e.g. 1.05)
   * @param stability θ_stab, the largest η λ̂ allowed (≤ 2 is the gradient-descent limit; 1 recommended)
   */
  public static AdaptiveStep of(double epsilon, double etaMax, double growth, double stability) {
    return new AdaptiveStep(epsilon, etaMax, growth, stability);
  }

  /** ε. */
  public double epsilon() {
    return epsilon;
  }

  /** η_max. */
  public double etaMax() {
    return etaMax;
  }

  /** A short description for run records. */
  public String describe() {
    return "adaptive eta=min(" + etaMax + ", " + epsilon + "/r, " + stability + "/lambda), growth<=" + growth;
  }

  /** Largest relative row speed r of {@code grad} at {@code w} (see class comment). */
  static double relativeSpeed(AttentionWeights w, double[] grad) {
    ProblemConfig c = w.config();
    int dd = c.tokenDim();
    int pos = 0;
    double r = 0;
    for (int b = 0; b < 4 * c.heads(); b++) {
      double[] th = w.block(b);
      int rows = th.length / dd;
      double maxRow = 0;
      for (int i = 0; i < rows; i++) {
        maxRow = FastMath.max(maxRow, rowNorm2(th, i * dd, dd));
      }
      for (int i = 0; i < rows; i++) {
        double tn = rowNorm2(th, i * dd, dd);
        if (tn > 0 && tn >= 1e-2 * maxRow) {
          r = FastMath.max(r, FastMath.sqrt(rowNorm2(grad, pos + i * dd, dd) / tn));
        }
      }
      pos += th.length;
    }
    return r;
  }

  private static double rowNorm2(double[] a, int off, int len) {
    double s = 0;
    for (int k = 0; k < len; k++) {
      s += a[off + k] * a[off + k];
    }
    return s;
  }

  /** The stability bound λ̂ of the class comment at spectral state {@code s}. */
  public static double curvatureBound(ProblemConfig c, SpectralState s) {
    int n = c.tasks();
    double rootD = FastMath.sqrt(c.tokenDim());
    double lambda = 0;
    for (int h = 0; h < c.heads(); h++) {
      double expo = 0;
      for (int j = 0; j < n; j++) {
        expo += c.blockSize(j) * s.omega(h, j) * s.omega(h, j);
      }
      double e = FastMath.exp(expo);
      double varSum = 0;
      for (int i = 0; i < n; i++) {
        varSum += c.signalPlusNoise(i) / c.promptLength() * s.mu(h, i) * s.mu(h, i) * e;
      }
      for (int i = 0; i < n; i++) {
        double di = c.blockSize(i);
        double w = s.omega(h, i);
        double m = s.mu(h, i);
        double a = (2.0 / n) * (c.s2() * di * w * w + c.signalPlusNoise(i) * e / c.promptLength());
        double b = (2.0 / n) * (c.s2() * di * di * m * m + 2 * di * varSum * (1 + 2 * di * w * w));
        lambda = FastMath.max(lambda, FastMath.max(2 * FastMath.abs(m) * a, 2 * FastMath.abs(w) * b / (rootD * di)));
      }
    }
    return lambda;
  }

  /**
   * The next η and the new smoothed speed.
   *
   * @param previousSpeed r̄_{k−1} (0 at the first step)
   * @return {η_k, r̄_k, λ̂_k}
   */
  double[] next(AttentionWeights w, double[] grad, double previousSpeed) {
    double r = relativeSpeed(w, grad);
    double smoothed = FastMath.max(r, previousSpeed / growth);
    double lambda = curvatureBound(w.config(), SpectralReadout.of(w).state());
    double eta = etaMax;
    if (smoothed > 0) {
      eta = FastMath.min(eta, epsilon / smoothed);
    }
    if (lambda > 0) {
      eta = FastMath.min(eta, stability / lambda);
    }
    return new double[] {eta, smoothed, lambda};
  }
}
