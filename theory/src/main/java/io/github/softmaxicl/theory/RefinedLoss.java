package io.github.softmaxicl.theory;

/**
 * The refined finite-L reduced loss of MODEL.md §4: the same O(1/L) expansion as {@link LeadingOrderLoss} but
 * with the exact Gaussian (χ²) moments in place of e^{dω²}. Per task i, with μ_h ≡ μ_i^h, ω_h ≡ ω_i^h,
 * a_h = μ_h ω_h, R = 1 − Σ_h a_h:
 *
 * <pre>
 *   C_j^{hh'} = ω_j^h ω_j^h',   Φ_hh' = Π_j (1 − 2 C_j^{hh'})^{−d_j/2},   Ψ_hh' = d_i Φ_hh' / (1 − 2 C_i^{hh'})
 *   L_i = s² [ d_i R² + 2 R Σ_h a_h Ψ_hh/L + Σ_{h,h'} a_h a_h' Ψ_hh'/L ] + (c_i/L) Σ_{h,h'} μ_h μ_h' Φ_hh'
 * </pre>
 *
 * which is MODEL.md's expression regrouped (its β terms scaled by s², its (d_i + σ²) read as c_i). Domain:
 * 2 ω_j^h ω_j^h' &lt; 1 for every pair of heads and every task; outside it the moments do not exist and
 * {@link #evaluate} refuses the state. Measured (MODEL.md): more accurate than the leading order for L ≳ 200,
 * badly overshooting at L ≤ 100 with sharp heads. Reconstruction, not the paper's text.
 */
public final class RefinedLoss implements ReducedLoss {
  private final ProblemConfig config;

  /** The refined loss for a configuration. */
  public RefinedLoss(ProblemConfig config) {
    this.config = config;
  }

  @Override
  public ProblemConfig config() {
    return config;
  }

  @Override
  public boolean inDomain(SpectralState state) {
    for (int h = 0; h < state.heads(); h++) {
      for (int g = 0; g < state.heads(); g++) {
        for (int j = 0; j < state.tasks(); j++) {
          if (!(2.0 * state.omega(h, j) * state.omega(g, j) < 1.0)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  // Shapes are checked on entry; phi, cInv are H×H(×n) by construction, so every access is in bounds.
  @Override
  public double evaluate(double[][] omega, double[][] mu, double[][] gradOmega, double[][] gradMu) {
    return kernel(omega, mu, gradOmega, gradMu, null);
  }

  @SuppressWarnings("index")
  private double kernel(double[][] omega, double[][] mu, double[][] gradOmega, double[][] gradMu,
      double @org.checkerframework.checker.nullness.qual.Nullable [] perTask) {
    Shapes.requireShape("omega", omega, config);
    Shapes.requireShape("mu", mu, config);
    Shapes.requireShape("gradOmega", gradOmega, config);
    Shapes.requireShape("gradMu", gradMu, config);
    final int heads = omega.length;
    final int n = config.tasks();
    final double s2 = config.s2();
    final double invL = 1.0 / config.promptLength();
    final double invN = 1.0 / n;

    // inv[h][g][j] = 1 / (1 − 2 C_j^{hg}); phi[h][g] = Φ_hg.
    double[][][] inv = new double[heads][heads][n];
    double[][] phi = new double[heads][heads];
    for (int h = 0; h < heads; h++) {
      for (int g = 0; g <= h; g++) {
        double logPhi = 0;
        for (int j = 0; j < n; j++) {
          double oneMinus = 1.0 - 2.0 * omega[h][j] * omega[g][j];
          if (!(oneMinus > 0)) {
            throw new IllegalArgumentException("refined loss outside its domain: 2*omega_" + j + "^" + h
                + "*omega_" + j + "^" + g + " = " + (1.0 - oneMinus) + " must be < 1");
          }
          inv[h][g][j] = 1.0 / oneMinus;
          inv[g][h][j] = inv[h][g][j];
          logPhi -= 0.5 * config.blockSize(j) * StrictMath.log(oneMinus);
        }
        phi[h][g] = StrictMath.exp(logPhi);
        phi[g][h] = phi[h][g];
      }
    }
    for (int h = 0; h < heads; h++) {
      java.util.Arrays.fill(gradOmega[h], 0.0);
      java.util.Arrays.fill(gradMu[h], 0.0);
    }

    double[] a = new double[heads];
    double[] p = new double[heads];
    double[][] psi = new double[heads][heads];
    double[] dLda = new double[heads];
    double f = 0;
    for (int i = 0; i < n; i++) {
      final double di = config.blockSize(i);
      final double ci = config.signalPlusNoise(i);
      double sumA = 0;
      for (int h = 0; h < heads; h++) {
        a[h] = mu[h][i] * omega[h][i];
        sumA += a[h];
      }
      final double r = 1.0 - sumA;
      double bigP = 0;
      for (int h = 0; h < heads; h++) {
        for (int g = 0; g < heads; g++) {
          psi[h][g] = di * phi[h][g] * inv[h][g][i];
        }
        p[h] = psi[h][h] * invL;
        bigP += a[h] * p[h];
      }
      double bigQ = 0;
      double bigV = 0;
      for (int h = 0; h < heads; h++) {
        double qRow = 0;
        double vRow = 0;
        for (int g = 0; g < heads; g++) {
          qRow += a[g] * psi[h][g];
          vRow += mu[g][i] * phi[h][g];
        }
        bigQ += a[h] * qRow;
        bigV += mu[h][i] * vRow;
        // ∂L_i/∂a_h with Ψ, Φ held fixed.
        dLda[h] = s2 * (-2.0 * di * r - 2.0 * bigP + 2.0 * r * p[h] + 2.0 * invL * qRow);
        // ∂L_i/∂μ_h through the variance term.
        gradMu[h][i] += invN * 2.0 * ci * invL * vRow;
      }
      for (int h = 0; h < heads; h++) {
        gradMu[h][i] += invN * dLda[h] * omega[h][i];
        gradOmega[h][i] += invN * dLda[h] * mu[h][i];
      }
      double taskLoss = s2 * (di * r * r + 2.0 * r * bigP + invL * bigQ) + ci * invL * bigV;
      if (perTask != null) {
        perTask[i] = taskLoss;
      }
      f += taskLoss;

      // Through the pair moments: for the ordered pair (h, g), coefficient of Φ_hg is (c_i/L) μ_h μ_g and
      // of Ψ_hg is s² a_h a_g / L (+ s² 2 R a_h / L on the diagonal, from P). Both depend on C_j^{hg};
      // ∂/∂ω_j^h of a symmetric pair sum is 2 Σ_g (∂/∂C_j^{hg}) ω_j^g.
      for (int h = 0; h < heads; h++) {
        for (int g = 0; g < heads; g++) {
          double coefPhi = ci * invL * mu[h][i] * mu[g][i];
          double coefPsi = s2 * invL * (a[h] * a[g] + (h == g ? 2.0 * r * a[h] : 0.0));
          double common = coefPhi * phi[h][g] + coefPsi * psi[h][g];
          for (int j = 0; j < n; j++) {
            double dC = common * config.blockSize(j) * inv[h][g][j];
            if (j == i) {
              dC += coefPsi * psi[h][g] * 2.0 * inv[h][g][i];
            }
            gradOmega[h][j] += invN * 2.0 * dC * omega[g][j];
          }
        }
      }
    }
    return invN * f;
  }

  @Override
  public double[] taskLosses(SpectralState state) {
    if (!state.hasShape(config.heads(), config.tasks())) {
      throw new IllegalArgumentException("state shape does not match the configuration");
    }
    double[] out = new double[state.tasks()];
    kernel(state.omegaArray(), state.muArray(), new double[state.heads()][state.tasks()],
        new double[state.heads()][state.tasks()], out);
    return out;
  }
}
