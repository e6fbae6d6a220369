package io.github.softmaxicl.experiments.sweeps;

import io.github.softmaxicl.theory.ProblemConfig;

/**
 * Linear attention with a fixed scale, the baseline of the P7 length-generalisation check: for task i,
 * ŷ_i = a_i (1/L) Σ_{l=1}^{L'} y_{l,i} x_{l,S_i}ᵀ x_{q,S_i}, with a_i tuned at the training length L and the
 * 1/L kept when the prompt length changes to L'. Exact population loss per task (derived here; with
 * κ = a L'/L, d = d_i, and E[W²] = L'(L' + d + 1) I for the Wishart W = Σ_l x_l x_lᵀ):
 *
 * <pre>
 *   L_i(L') = s² d (1 − 2κ) + (a/L)² [ L'(L' + 1) s² d + L'(s² d² + σ² d) ]
 * </pre>
 *
 * minimised at L' = L by a = L s² / ((L + 1) s² + s² d + σ²). Its minimum over L' lies at L + (d + 1)/2 (for
 * σ = 0 and the tuned a); it grows like L'² above and tends to s² d as L' → 0. Reconstruction, not the paper's text.
 */
public final class LinearAttentionBaseline {
  private LinearAttentionBaseline() {}

  /** The scale a_i that minimises task i's loss at the training length L of {@code trainedAt}. */
  public static double tunedScale(ProblemConfig trainedAt, int task) {
    double s2 = trainedAt.s2();
    double l = trainedAt.promptLength();
    double d = trainedAt.blockSize(task);
    return l * s2 / ((l + 1) * s2 + s2 * d + trainedAt.sigma() * trainedAt.sigma());
  }

  /**
   * Exact loss of task i with scale {@code a} and fixed 1/L (L of {@code trainedAt}) at prompt length
   * {@code testLength}.
   */
  public static double taskLoss(ProblemConfig trainedAt, int task, double a, int testLength) {
    if (testLength < 1) {
      throw new IllegalArgumentException("test length must be >= 1 (got " + testLength + ")");
    }
    double s2 = trainedAt.s2();
    double l = trainedAt.promptLength();
    double lp = testLength;
    double d = trainedAt.blockSize(task);
    double sig2 = trainedAt.sigma() * trainedAt.sigma();
    double kappa = a * lp / l;
    double scale = a / l;
    return s2 * d * (1 - 2 * kappa) + scale * scale * (lp * (lp + 1) * s2 * d + lp * (s2 * d * d + sig2 * d));
  }

  /** F(L') = (1/n) Σ_i L_i(L') with every a_i tuned at L. */
  public static double loss(ProblemConfig trainedAt, int testLength) {
    double s = 0;
    for (int i = 0; i < trainedAt.tasks(); i++) {
      s += taskLoss(trainedAt, i, tunedScale(trainedAt, i), testLength);
    }
    return s / trainedAt.tasks();
  }
}
