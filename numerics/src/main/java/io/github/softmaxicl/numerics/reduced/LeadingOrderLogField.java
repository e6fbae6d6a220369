package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.hipparchus.util.FastMath;

/**
 * The balanced log-coordinate field of the leading-order loss (the same map as
 * {@code BalancedSpectralField} over {@code LeadingOrderLoss}, same layout), written for speed: flat arrays,
 * no allocation, no shape checks in the loop, {@link FastMath#exp} (pure Java, reproducible) instead of the
 * native {@code StrictMath.exp}. The formulas are those of MODEL.md §4–§5:
 *
 * <pre>
 *   E_hg = exp(Σ_j d_j ω_j^h ω_j^g),  R_i = 1 − Σ_h μ_i^h ω_i^h,  F = (1/n) Σ_i [s² d_i R_i² + (c_i/L) Σ_hg μ_i^h μ_i^g E_hg]
 *   ∂F/∂μ_i^h = (1/n)[−2 s² d_i ω_i^h R_i + 2 (c_i/L) Σ_g E_hg μ_i^g]
 *   ∂F/∂ω_j^h = (1/n)[−2 s² d_j μ_j^h R_j + 2 d_j Σ_g A_hg ω_j^g],  A_hg = E_hg Σ_i (c_i/L) μ_i^h μ_i^g
 *   d log|ω_j^h|/dt = −(2 sgn ω_j^h / (√D d_j)) ∂F/∂ω_j^h,   d log|μ_i^h|/dt = −2 sgn μ_i^h ∂F/∂μ_i^h
 * </pre>
 *
 * <p>Agreement with the theory implementation to round-off is a test. Not thread-safe (scratch arrays).
 */
final class LeadingOrderLogField implements LogField {
  private final int heads;
  private final int tasks;
  private final int hn;
  private final double s2;
  private final double invN;
  private final double[] dj;
  private final double[] cl;
  private final double[] omegaRate;
  private final double[] omegaSign;
  private final double[] muSign;
  private final double[] w;
  private final double[] m;
  private final double[] e;
  private final double[] a;
  private final double[] em;
  private final double[] r;

  LeadingOrderLogField(ProblemConfig config, SpectralState start) {
    this.heads = config.heads();
    this.tasks = config.tasks();
    this.hn = heads * tasks;
    this.s2 = config.s2();
    this.invN = 1.0 / tasks;
    this.dj = new double[tasks];
    this.cl = new double[tasks];
    this.omegaRate = new double[tasks];
    double sqrtD = FastMath.sqrt(config.tokenDim());
    for (int j = 0; j < tasks; j++) {
      dj[j] = config.blockSize(j);
      cl[j] = config.signalPlusNoise(j) / config.promptLength();
      omegaRate[j] = 2.0 / (sqrtD * config.blockSize(j));
    }
    this.omegaSign = new double[hn];
    this.muSign = new double[hn];
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < tasks; j++) {
        omegaSign[h * tasks + j] = start.omega(h, j) > 0 ? 1.0 : -1.0;
        muSign[h * tasks + j] = start.mu(h, j) > 0 ? 1.0 : -1.0;
      }
    }
    this.w = new double[hn];
    this.m = new double[hn];
    this.e = new double[heads * heads];
    this.a = new double[heads * heads];
    this.em = new double[hn];
    this.r = new double[tasks];
  }

  @Override
  public int dimension() {
    return 2 * hn;
  }

  /** ω, μ and E at y into the scratch arrays (shared by the field and the per-task losses). */
  private void prepare(double[] y) {
    final int n = tasks;
    final int hh = heads;
    for (int k = 0; k < hn; k++) {
      w[k] = omegaSign[k] * FastMath.exp(y[k]);
      m[k] = muSign[k] * FastMath.exp(y[hn + k]);
    }
    for (int h = 0; h < hh; h++) {
      for (int g = 0; g <= h; g++) {
        double q = 0;
        for (int j = 0; j < n; j++) {
          q += dj[j] * w[h * n + j] * w[g * n + j];
        }
        double ex = FastMath.exp(q);
        e[h * hh + g] = ex;
        e[g * hh + h] = ex;
      }
    }
  }

  /**
   * The per-task losses L_i at y (MODEL.md §4, the terms of F before the mean over tasks) into {@code out}, without
   * the gradient: what the per-task phase markers' switching functions read at every check (they are checked
   * far more often than the field is evaluated, so this must neither allocate nor go through the theory module).
   *
   * @param out length n, overwritten
   */
  void taskLosses(double[] y, double[] out) {
    final int n = tasks;
    final int hh = heads;
    prepare(y);
    for (int i = 0; i < n; i++) {
      double res = 1.0;
      for (int h = 0; h < hh; h++) {
        res -= m[h * n + i] * w[h * n + i];
      }
      double variance = 0;
      for (int h = 0; h < hh; h++) {
        double inner = 0;
        for (int g = 0; g < hh; g++) {
          inner += e[h * hh + g] * m[g * n + i];
        }
        variance += m[h * n + i] * inner;
      }
      out[i] = s2 * dj[i] * res * res + cl[i] * variance;
    }
  }

  @Override
  public double derivative(double[] y, double[] yDot) {
    final int n = tasks;
    final int hh = heads;
    prepare(y);
    double f = 0;
    for (int i = 0; i < n; i++) {
      double res = 1.0;
      for (int h = 0; h < hh; h++) {
        res -= m[h * n + i] * w[h * n + i];
      }
      r[i] = res;
      double variance = 0;
      for (int h = 0; h < hh; h++) {
        double inner = 0;
        for (int g = 0; g < hh; g++) {
          inner += e[h * hh + g] * m[g * n + i];
        }
        em[h * n + i] = inner;
        variance += m[h * n + i] * inner;
      }
      f += s2 * dj[i] * res * res + cl[i] * variance;
    }
    for (int h = 0; h < hh; h++) {
      for (int g = 0; g < hh; g++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += cl[i] * m[h * n + i] * m[g * n + i];
        }
        a[h * hh + g] = s * e[h * hh + g];
      }
    }
    for (int h = 0; h < hh; h++) {
      for (int j = 0; j < n; j++) {
        int k = h * n + j;
        double gm = invN * (-2.0 * s2 * dj[j] * w[k] * r[j] + 2.0 * cl[j] * em[k]);
        double inner = 0;
        for (int g = 0; g < hh; g++) {
          inner += a[h * hh + g] * w[g * n + j];
        }
        double gw = invN * (-2.0 * s2 * dj[j] * m[k] * r[j] + 2.0 * dj[j] * inner);
        yDot[k] = -omegaRate[j] * omegaSign[k] * gw;
        yDot[hn + k] = -2.0 * muSign[k] * gm;
      }
    }
    return invN * f;
  }
}
