package io.github.softmaxicl.theory;

/**
 * The leading-order reduced loss of MODEL.md §4 (exponential regime of the softmax, large-L expansion):
 *
 * <pre>
 *   E_hh' = exp(Σ_j d_j ω_j^h ω_j^h'),   R_i = 1 − Σ_h μ_i^h ω_i^h,
 *   L_i = s² d_i R_i² + (c_i/L) Σ_{h,h'} μ_i^h μ_i^h' E_hh',   F = (1/n) Σ_i L_i,   c_i = s² d_i + σ².
 * </pre>
 *
 * <p>Error against the true model: O(e^{Σ_j d_j ω_j²}/L) from the expansion and O(d_j ω_j⁴) in the variance
 * term (E uses e^{dω²} where the exact Gaussian moment is (1 − 2ω²)^{−d/2}); see {@link RefinedLoss}.
 * Tasks couple only through E. Reconstruction (MODEL.md), not the paper's text.
 */
public final class LeadingOrderLoss implements ReducedLoss {
  private final ProblemConfig config;
  private final double[] blockSizes;
  private final double[] cOverL;

  /** The leading-order loss for a configuration. */
  public LeadingOrderLoss(ProblemConfig config) {
    this.config = config;
    int n = config.tasks();
    this.blockSizes = new double[n];
    this.cOverL = new double[n];
    for (int i = 0; i < blockSizes.length && i < cOverL.length; i++) {
      blockSizes[i] = config.blockSize(i);
      cOverL[i] = config.signalPlusNoise(i) / config.promptLength();
    }
  }

  @Override
  public ProblemConfig config() {
    return config;
  }

  // The Index Checker cannot follow "every row has n entries" across arrays; the shapes are checked on entry
  // (Shapes.requireShape) and e, a are allocated H×H here, so every access below is in bounds.
  @Override
  @SuppressWarnings("index")
  public double evaluate(double[][] omega, double[][] mu, double[][] gradOmega, double[][] gradMu) {
    Shapes.requireShape("omega", omega, config);
    Shapes.requireShape("mu", mu, config);
    Shapes.requireShape("gradOmega", gradOmega, config);
    Shapes.requireShape("gradMu", gradMu, config);
    final double s2 = config.s2();
    final double invN = 1.0 / config.tasks();
    final double[] dj = blockSizes;
    final double[] cl = cOverL;
    final int heads = omega.length;

    // E is symmetric: H(H+1)/2 exponentials.
    double[][] e = new double[heads][heads];
    for (int h = 0; h < omega.length; h++) {
      double[] wh = omega[h];
      for (int g = 0; g <= h; g++) {
        double[] wg = omega[g];
        double q = 0;
        for (int j = 0; j < wh.length; j++) {
          q += dj[j] * wh[j] * wg[j];
        }
        double ex = StrictMath.exp(q);
        e[h][g] = ex;
        e[g][h] = ex;
      }
    }

    double[] residual = new double[dj.length];
    double f = 0;
    for (int i = 0; i < residual.length; i++) {
      double r = 1.0;
      for (int h = 0; h < omega.length; h++) {
        double[] wh = omega[h];
        double[] mh = mu[h];
        r -= mh[i] * wh[i];
      }
      residual[i] = r;
      double variance = 0;
      for (int h = 0; h < mu.length; h++) {
        double[] mh = mu[h];
        double[] eh = e[h];
        double inner = 0;
        for (int g = 0; g < mu.length; g++) {
          double[] mg = mu[g];
          inner += eh[g] * mg[i];
        }
        variance += mh[i] * inner;
      }
      f += s2 * dj[i] * r * r + cl[i] * variance;
    }

    // ∂F/∂μ_i^h = (1/n)[−2 s² d_i ω_i^h R_i + 2 (c_i/L) Σ_h' E_hh' μ_i^h'];
    // A_hh' = Σ_i (c_i/L) μ_i^h μ_i^h' E_hh'.
    double[][] a = new double[heads][heads];
    for (int h = 0; h < mu.length; h++) {
      double[] mh = mu[h];
      double[] wh = omega[h];
      double[] gm = gradMu[h];
      double[] eh = e[h];
      double[] ah = a[h];
      for (int i = 0; i < residual.length; i++) {
        double inner = 0;
        for (int g = 0; g < mu.length; g++) {
          double[] mg = mu[g];
          inner += eh[g] * mg[i];
        }
        gm[i] = invN * (-2.0 * s2 * dj[i] * wh[i] * residual[i] + 2.0 * cl[i] * inner);
      }
      for (int g = 0; g < mu.length; g++) {
        double[] mg = mu[g];
        double s = 0;
        for (int i = 0; i < residual.length; i++) {
          s += cl[i] * mh[i] * mg[i];
        }
        ah[g] = s * eh[g];
      }
    }
    // ∂F/∂ω_j^h = (1/n)[−2 s² d_j μ_j^h R_j + 2 d_j Σ_h' A_hh' ω_j^h'].
    for (int h = 0; h < omega.length; h++) {
      double[] wh = omega[h];
      double[] mh = mu[h];
      double[] gw = gradOmega[h];
      double[] ah = a[h];
      for (int j = 0; j < residual.length; j++) {
        double inner = 0;
        for (int g = 0; g < omega.length; g++) {
          double[] wg = omega[g];
          inner += ah[g] * wg[j];
        }
        gw[j] = invN * (-2.0 * s2 * dj[j] * mh[j] * residual[j] + 2.0 * dj[j] * inner);
      }
    }
    return invN * f;
  }

  @Override
  @SuppressWarnings("index") // shape checked on entry; heads() and tasks() are the state's own sizes
  public double[] taskLosses(SpectralState state) {
    if (!state.hasShape(config.heads(), config.tasks())) {
      throw new IllegalArgumentException("state shape does not match the configuration");
    }
    int heads = state.heads();
    int n = state.tasks();
    double[] out = new double[n];
    for (int i = 0; i < out.length; i++) {
      double r = 1.0;
      double variance = 0;
      for (int h = 0; h < heads; h++) {
        r -= state.mu(h, i) * state.omega(h, i);
        for (int g = 0; g < heads; g++) {
          double q = 0;
          for (int j = 0; j < n; j++) {
            q += config.blockSize(j) * state.omega(h, j) * state.omega(g, j);
          }
          variance += state.mu(h, i) * state.mu(g, i) * StrictMath.exp(q);
        }
      }
      out[i] = config.s2() * config.blockSize(i) * r * r
          + config.signalPlusNoise(i) / config.promptLength() * variance;
    }
    return out;
  }
}
