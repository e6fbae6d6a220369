package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.ClosedForms;

/**
 * The one-head-per-task limit of the reduced model (MODEL.md §6; reduced model (reconstruction)), as the full
 * runs need it, taken from {@link ClosedForms}: ω_i* = 1/√d_i, μ_i* = √d_i / (1 + e κ_i d_i) with κ_i = c_i/(s² d_i L),
 * F* = (1/n) Σ_i s² d_i e κ_i d_i / (1 + e κ_i d_i), and the saddle coefficient of §9,
 * g_i = ∂F/∂μ_i^h = 2 c_i μ_i* / (n L) for an off-task pair, whose escape rate is 2 g_i.
 */
public final class LimitPoint {
  private final ProblemConfig config;
  private final double[] omegaStar;
  private final double[] muStar;
  private final double fStar;

  private LimitPoint(ProblemConfig config) {
    this.config = config;
    int n = config.tasks();
    omegaStar = new double[n];
    muStar = new double[n];
    for (int i = 0; i < n; i++) {
      omegaStar[i] = ClosedForms.omegaStar(config, i);
      muStar[i] = ClosedForms.muStar(config, i);
    }
    fStar = ClosedForms.fStar(config);
  }

  /** The limit of the given problem. */
  public static LimitPoint of(ProblemConfig config) {
    return new LimitPoint(config);
  }

  /** F* (mean over tasks). */
  public double fStar() {
    return fStar;
  }

  /** μ_i*. */
  public double muStar(int task) {
    return muStar[task];
  }

  /** A copy of μ* (one entry per task). */
  public double[] muStar() {
    return muStar.clone();
  }

  /** ω_i* = 1/√d_i. */
  public double omegaStar(int task) {
    return omegaStar[task];
  }

  /** g_i = 2 c_i μ_i* / (n L): ∂F/∂μ of an off-task pair at the limit; the saddle escape rate is 2 g_i. */
  public double saddleCoefficient(int task) {
    return ClosedForms.offTaskSlope(config, task);
  }

  /**
   * The limit as a spectral state with head {@code headOf[i]} serving task i and every other entry equal to
   * {@code rest} (0 for the exact limit).
   */
  public SpectralState state(int[] headOf, double rest) {
    int heads = config.heads();
    int n = config.tasks();
    if (headOf.length != n) {
      throw new IllegalArgumentException("need one head per task");
    }
    double[][] omega = new double[heads][n];
    double[][] mu = new double[heads][n];
    for (int h = 0; h < heads; h++) {
      java.util.Arrays.fill(omega[h], rest);
      java.util.Arrays.fill(mu[h], rest);
    }
    for (int i = 0; i < n; i++) {
      omega[headOf[i]][i] = omegaStar[i];
      mu[headOf[i]][i] = muStar[i];
    }
    return SpectralState.of(omega, mu);
  }
}
