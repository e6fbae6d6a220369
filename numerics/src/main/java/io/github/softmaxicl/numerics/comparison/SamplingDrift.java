package io.github.softmaxicl.numerics.comparison;

import io.github.softmaxicl.numerics.full.PromptBlock;
import io.github.softmaxicl.numerics.full.PromptSource;
import io.github.softmaxicl.theory.ProblemConfig;
import org.hipparchus.util.FastMath;

/**
 * The frozen sampling term of a fixed prompt sample and the drift of log μ it predicts for the full flow on that
 * sample relative to the population (reduced) flow, near uniform attention (MODEL.md §9; reduced model
 * (reconstruction)).
 *
 * <p>Derivation. At uniform attention head h outputs Σ_h μ_i^h ȳ_i on task i (decomposable weights), so the
 * per-prompt derivative is ∂ℓ/∂μ_i^h = (2/n)(ŷ_i − y_{q,i}) ȳ_i, and on a sample of N prompts
 * <pre>
 *   ∂F̂/∂μ_i^h − ∂F/∂μ_i^h = (2/n) [ (Σ_{h'} μ_i^{h'}) (m̂_i − c_i/L) − ξ̂_i ],
 *   ξ̂_i = (1/N) Σ_p y_{q,i} ȳ_i   (population mean 0),   m̂_i = (1/N) Σ_p ȳ_i²   (population mean c_i/L).
 * </pre>
 * The balanced flow has d log μ/dt = −2 ∂F/∂μ, so while attention stays nearly uniform (ω ≈ ω(0)) and the
 * feedback through ω is small, log μ_i^h of the sample flow departs from the population flow linearly in time,
 * the same for every head:
 * <pre>
 *   Δ log μ_i^h(t) ≈ (4/n) [ ξ̂_i − (Σ_{h'} μ_i^{h'}(0)) (m̂_i − c_i/L) ] t.
 * </pre>
 * It is frozen by the sample (a drift, not a random walk; SGD with fresh batches turns it into a random walk).
 * Its spread over samples: Var(y_{q,i} ȳ_i) = E[‖β_i‖²(‖β_i‖² + σ²)]/L = (s⁴ d_i (d_i + 2) + s² d_i σ²)/L, so
 * sd(ξ̂_i) = √((s⁴ d_i (d_i+2) + s² d_i σ²)/(L N)) ≈ s² d_i/√(L N) (the §9 spread), N the number of independent
 * draws (sign-flip images leave y_{q,i} ȳ_i unchanged and do not count). Against the useful rate
 * (4/n) s² d_i ω(0) this is the criterion ω(0)√(L N) ≫ 1.
 *
 * @param xi ξ̂_i per task
 * @param meanSquare m̂_i per task
 * @param spread sd(ξ̂_i) per task for N independent draws
 */
public record SamplingDrift(double[] xi, double[] meanSquare, double[] spread) {

  /** Defensive copies. */
  public SamplingDrift {
    xi = xi.clone();
    meanSquare = meanSquare.clone();
    spread = spread.clone();
  }

  /**
   * Computes ξ̂ and m̂ on {@code sample}.
   *
   * @param independentDraws N for the spread (prompts / 4^n for a symmetrised sample)
   */
  public static SamplingDrift of(PromptSource sample, long independentDraws) {
    ProblemConfig c = sample.config();
    int n = c.tasks();
    int d = c.d();
    int ll = c.promptLength();
    double[] xi = new double[n];
    double[] m2 = new double[n];
    PromptBlock block = new PromptBlock(c, 64);
    for (int first = 0; first < sample.size(); first += 64) {
      int count = Math.min(64, sample.size() - first);
      sample.fill(first, count, block);
      for (int p = 0; p < count; p++) {
        for (int i = 0; i < n; i++) {
          double ybar = 0;
          for (int l = 0; l < ll; l++) {
            ybar += block.token(p, l, d + i);
          }
          ybar /= ll;
          xi[i] += block.target(p, i) * ybar;
          m2[i] += ybar * ybar;
        }
      }
    }
    double[] spread = new double[n];
    for (int i = 0; i < n; i++) {
      xi[i] /= sample.size();
      m2[i] /= sample.size();
      double di = c.blockSize(i);
      spread[i] = FastMath.sqrt((c.s2() * c.s2() * di * (di + 2) + c.s2() * di * c.sigma() * c.sigma())
          / ((double) ll * independentDraws));
    }
    return new SamplingDrift(xi, m2, spread);
  }

  /**
   * Predicted Δ log μ_i(t) = (4/n)[ξ̂_i − (Σ_h μ_i^h(0))(m̂_i − c_i/L)] t.
   *
   * @param sumMu0 Σ_h μ_i^h(0)
   */
  public double predictedLogMuDrift(ProblemConfig c, int task, double sumMu0, double t) {
    double excess = meanSquare[task] - c.signalPlusNoise(task) / c.promptLength();
    return 4.0 / c.tasks() * (xi[task] - sumMu0 * excess) * t;
  }

  /** Spread (one sd over samples) of the predicted drift at time t: (4/n) sd(ξ̂_i) t. */
  public double driftSpread(ProblemConfig c, int task, double t) {
    return 4.0 / c.tasks() * spread[task] * t;
  }
}
