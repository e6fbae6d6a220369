package io.github.softmaxicl.numerics.comparison;

import io.github.softmaxicl.theory.ProblemConfig;
import org.hipparchus.util.FastMath;

/**
 * The error sources of the reduction as they bear on a full-versus-reduced comparison (MODEL.md §4, §9;
 * reduced model (reconstruction)). All are orders of magnitude, not rigorous bounds; each is stated with how it
 * enters.
 *
 * <ul>
 *   <li>{@link #sampling()} = 1 / (ω(0) √(L N)): on a fixed sample of N independent draws, the zero-mean term
 *       y_{q,i}·ȳ_i of the μ-gradient has a frozen sample value of spread s² d_i / √(L N) against the useful
 *       (2/n)… s² d_i ω; so the growth exponent of every μ (hence ω) is off by a relative amount of this order
 *       (one standard deviation) while ω ≈ ω(0), less later.</li>
 *   <li>{@link #tiltSampling()} = √3/√N: the sample's estimate of the useful (attention-tilt) term itself,
 *       y_{q,i} Σ_l p_l y_{l,i}, has a per-prompt relative spread of order √3 (a product of Gaussian forms:
 *       (β·x_q)² has relative sd √2, the L-average adds ≈ 1), so its sample value is off by ≈ √3/√N relative.
 *       Neither the sign-flip images nor the control variate remove it.</li>
 *   <li>{@link #expansion()} = e^{Σ_j d_j ω_j²} / L at the limit (ω_i* = 1/√d_i on one block): the relative
 *       size of the first neglected term of the large-L expansion; in the warm-up (ω small) it is ≈ 1/L.</li>
 *   <li>{@link #moment()} = max_i d_i ω_i*⁴ = max_i 1/d_i: the variance moment e^{dω²} against (1 − 2ω²)^{−d/2},
 *       whose relative gap is ≈ d ω⁴ and does not shrink with L.</li>
 * </ul>
 * Budgets. Warm-up deviation of ω and μ (a relative error ε of the growth exponent G accumulated over the window
 * gives a deviation ≈ e^{εG} − 1): {@link #warmupDeviation()} with ε = 3·(sampling + tiltSampling) + warm-up
 * expansion 1/L (sampling omitted when the control variate removed it). Emergence (half-signal) times, relative:
 * {@link #emergenceTime()} = 3·(sampling + tiltSampling) + expansion + moment.
 *
 * @param sampling 1/(ω(0)√(LN)) (0 when the control variate removed the frozen term)
 * @param tiltSampling √3/√N
 * @param warmupExpansion 1/L
 * @param expansion e/L
 * @param moment max_i 1/d_i
 * @param growth G: largest |log growth| of any ω, μ over the comparison window in the reduced flow
 */
public record ErrorBudget(double sampling, double tiltSampling, double warmupExpansion, double expansion, double moment, double growth) {

  static ErrorBudget of(ProblemConfig c, double criterion, long draws, boolean controlVariate, double growth) {
    double minBlock = Double.POSITIVE_INFINITY;
    for (int i = 0; i < c.tasks(); i++) {
      minBlock = FastMath.min(minBlock, c.blockSize(i));
    }
    double l = c.promptLength();
    return new ErrorBudget(controlVariate ? 0 : 1 / criterion, FastMath.sqrt(3.0 / draws), 1 / l, FastMath.E / l,
        1 / minBlock, growth);
  }

  /** Budget for the largest relative deviation of ω and μ over the comparison window: e^{εG} − 1. */
  public double warmupDeviation() {
    return FastMath.expm1((3 * (sampling + tiltSampling) + warmupExpansion) * growth);
  }

  /** Budget for the relative difference of the half-signal times: 3·(sampling + tilt) + expansion + moment. */
  public double emergenceTime() {
    return 3 * (sampling + tiltSampling) + expansion + moment;
  }
}
