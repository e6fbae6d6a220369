package io.github.softmaxicl.theory;

import java.util.ArrayList;
import java.util.List;

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
 * Tasks couple only through E. The formula itself is {@link LeadingOrderFormula}, evaluated here in doubles
 * ({@link Real}); this class adapts it to the array layout of {@link ReducedLoss}. Reconstruction (MODEL.md), not
 * the paper's text.
 */
public final class LeadingOrderLoss implements ReducedLoss {
  private final ProblemConfig config;
  private final LossCoefficients<Real> coefficients;

  /** The leading-order loss for a configuration. */
  public LeadingOrderLoss(ProblemConfig config) {
    this.config = config;
    this.coefficients = LossCoefficients.real(config);
  }

  @Override
  public ProblemConfig config() {
    return config;
  }

  // Writing the formula's H×n results into the caller's arrays: the Index Checker cannot follow "every row has n
  // entries" across arrays; the shapes are checked on entry (Shapes.requireShape), so every write is in bounds.
  @Override
  @SuppressWarnings("index")
  public double evaluate(double[][] omega, double[][] mu, double[][] gradOmega, double[][] gradMu) {
    Shapes.requireShape("omega", omega, config);
    Shapes.requireShape("mu", mu, config);
    Shapes.requireShape("gradOmega", gradOmega, config);
    Shapes.requireShape("gradMu", gradMu, config);
    LeadingOrderFormula<Real> f = LeadingOrderFormula.of(coefficients, reals(omega), reals(mu));
    for (int h = 0; h < gradMu.length; h++) {
      for (int i = 0; i < gradMu[h].length; i++) {
        gradMu[h][i] = f.dMu(h, i).value();
      }
    }
    for (int h = 0; h < gradOmega.length; h++) {
      for (int j = 0; j < gradOmega[h].length; j++) {
        gradOmega[h][j] = f.dOmega(h, j).value();
      }
    }
    return f.value().value();
  }

  @Override
  public double[] taskLosses(SpectralState state) {
    if (!state.hasShape(config.heads(), config.tasks())) {
      throw new IllegalArgumentException("state shape does not match the configuration");
    }
    LeadingOrderFormula<Real> f =
        LeadingOrderFormula.of(coefficients, reals(state.omegaArray()), reals(state.muArray()));
    double[] out = new double[state.tasks()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.taskLoss(i).value();
    }
    return out;
  }

  /** The rows as {@link Real}s, for {@link LeadingOrderFormula} (also used by the theory tests). */
  static List<List<Real>> reals(double[][] x) {
    List<List<Real>> rows = new ArrayList<>();
    for (double[] row : x) {
      List<Real> r = new ArrayList<>();
      for (double v : row) {
        r.add(new Real(v));
      }
      rows.add(r);
    }
    return rows;
  }
}
