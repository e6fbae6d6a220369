package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import org.hipparchus.util.FastMath;

/**
 * Per-prompt spread of the gradient at given weights, measured on fresh independent prompts one at a time: the
 * σ of MODEL.md §9's random-walk formula. For each (head h, task i) the spread of ∂ℓ/∂μ_i^h, read as
 * ∂ℓ/∂O^h(i, d+i) / V^h(d+i, d+i) (exact for decomposable weights, where μ = o v and ∂ℓ/∂o = v ∂ℓ/∂μ), and the
 * total variance Σ over all weights. With the control variate the per-prompt gradient is the corrected one
 * (ℓ − ℓ_cv, its gradient, plus the closed-form mean), whose batch mean is what SGD uses. Immutable.
 */
public final class GradientNoise {
  private final int prompts;
  private final double[][] muMean;
  private final double[][] muSd;
  private final double totalVariance;
  private final double[] meanGradient;

  private GradientNoise(int prompts, double[][] muMean, double[][] muSd, double totalVariance, double[] mean) {
    this.prompts = prompts;
    this.muMean = muMean;
    this.muSd = muSd;
    this.totalVariance = totalVariance;
    this.meanGradient = mean;
  }

  /**
   * Measures on {@code prompts} ≥ 2 independent prompts drawn with {@code seed}.
   *
   * @param controlVariate whether each per-prompt gradient carries the control variate
   */
  public static GradientNoise measure(FullModel model, AttentionWeights w, long seed, int prompts,
      boolean controlVariate) {
    if (prompts < 2) {
      throw new IllegalArgumentException("need at least 2 prompts (got " + prompts + ")");
    }
    ProblemConfig c = model.config();
    int heads = c.heads();
    int n = c.tasks();
    int dd = c.tokenDim();
    int size = w.size();
    double[] sum = new double[size];
    double[] sumSq = new double[size];
    PromptSampler sampler = PromptSampler.of(c, seed, prompts, false);
    for (int p = 0; p < prompts; p++) {
      LossAndGradient lg = model.lossAndGradient(w, new OnePrompt(sampler, p), controlVariate);
      double[] g = lg.gradientArray();
      for (int k = 0; k < size; k++) {
        sum[k] += g[k];
        sumSq[k] += g[k] * g[k];
      }
    }
    double[] mean = new double[size];
    double total = 0;
    double[] var = new double[size];
    for (int k = 0; k < size; k++) {
      mean[k] = sum[k] / prompts;
      var[k] = FastMath.max(0, (sumSq[k] - prompts * mean[k] * mean[k]) / (prompts - 1.0));
      total += var[k];
    }
    double[][] mm = new double[heads][n];
    double[][] ms = new double[heads][n];
    for (int h = 0; h < heads; h++) {
      double[] v = w.block(4 * h + 2);
      for (int i = 0; i < n; i++) {
        int idx = AttentionWeights.flatOffset(c, h, 3) + i * dd + c.d() + i;
        double vi = v[(c.d() + i) * dd + c.d() + i];
        mm[h][i] = vi != 0 ? mean[idx] / vi : Double.NaN;
        ms[h][i] = vi != 0 ? FastMath.sqrt(var[idx]) / FastMath.abs(vi) : Double.NaN;
      }
    }
    return new GradientNoise(prompts, mm, ms, total, mean);
  }

  /** Number of prompts measured. */
  public int prompts() {
    return prompts;
  }

  /** Sample mean of ∂ℓ/∂μ_i^h. */
  public double muGradientMean(int head, int task) {
    return muMean[head][task];
  }

  /** Per-prompt standard deviation of ∂ℓ/∂μ_i^h. */
  public double muGradientSd(int head, int task) {
    return muSd[head][task];
  }

  /** Σ over all weights of the per-prompt gradient variance. */
  public double totalVariance() {
    return totalVariance;
  }

  /** A copy of the mean per-prompt gradient (flat layout). */
  public double[] meanGradient() {
    return meanGradient.clone();
  }

  /** Prompt {@code index} of a source as a source of one prompt. */
  private static final class OnePrompt implements PromptSource {
    private final PromptSource source;
    private final int index;

    OnePrompt(PromptSource source, int index) {
      this.source = source;
      this.index = index;
    }

    @Override
    public ProblemConfig config() {
      return source.config();
    }

    @Override
    public int size() {
      return 1;
    }

    @Override
    public void fill(int first, int count, PromptBlock block) {
      if (first != 0 || count != 1) {
        throw new IndexOutOfBoundsException("one prompt only");
      }
      source.fill(index, 1, block);
    }
  }
}
