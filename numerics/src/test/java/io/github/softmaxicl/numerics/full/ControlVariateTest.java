package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The uniform-attention control variate is unbiased, consistent with the batch kernel, and reduces variance. */
class ControlVariateTest {
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {2, 2}, 2, 10, 0.3, 1.3);

  /**
   * Paired check of the closed-form mean: per prompt, (plain − corrected) gradient = ∇ℓ_cv − E∇ℓ_cv, whose mean
   * over prompts must vanish for every weight, and likewise for the loss. Off-structure random weights, so every
   * entry of U = Σ O V enters.
   */
  @ParameterizedTest
  @ValueSource(longs = {21L, 22L})
  void correctionHasZeroMean(long seed) {
    AttentionWeights w = Fixtures.randomWeights(C, 0.4, seed);
    int prompts = 3000;
    int size = w.size();
    double[] sum = new double[size + 1];
    double[] sumSq = new double[size + 1];
    try (FullModel m = new FullModel(C, 1)) {
      for (int p = 0; p < prompts; p++) {
        PromptSampler one = PromptSampler.of(C, Seeds.derive(seed, p), 1, false);
        LossAndGradient plain = m.lossAndGradient(w, one, false);
        LossAndGradient cv = m.lossAndGradient(w, one, true);
        for (int k = 0; k <= size; k++) {
          double dlt = k < size ? plain.gradient(k) - cv.gradient(k) : plain.loss() - cv.loss();
          sum[k] += dlt;
          sumSq[k] += dlt * dlt;
        }
      }
    }
    int checked = 0;
    for (int k = 0; k <= size; k++) {
      double mean = sum[k] / prompts;
      double se = Math.sqrt(Math.max(0, sumSq[k] / prompts - mean * mean) / (prompts - 1));
      if (se == 0) {
        // Q and K entries: the control variate does not touch them, the difference is exactly zero.
        assertEquals(0.0, mean, 0.0, "seed " + seed + " entry " + k);
        continue;
      }
      checked++;
      // 5 standard errors: with ~250 entries per case a false alarm has probability ≈ 250·6e-7.
      assertEquals(0.0, mean, 5 * se, "seed " + seed + " entry " + k + " (loss if " + size + ")");
    }
    assertTrue(checked > 50, "too few entries carried the correction: " + checked);
  }

  /** The batch kernel's moment accumulation gives the mean of the per-prompt corrected gradients. */
  @Test
  void batchEqualsMeanOfSinglePrompts() {
    AttentionWeights w = Fixtures.randomWeights(C, 0.4, 5L);
    PromptSource batch = StoredPrompts.copyOf(PromptSampler.of(C, 77L, 100, false));
    try (FullModel m = new FullModel(C, 2)) {
      LossAndGradient all = m.lossAndGradient(w, batch, true);
      GradientNoise perPrompt = GradientNoise.measure(m, w, 77L, 100, true);
      double[] mean = perPrompt.meanGradient();
      for (int k = 0; k < mean.length; k++) {
        // Same sums in another order: round-off ≈ 100·u·max|term| ≤ 1e-12 for terms of O(10).
        assertEquals(mean[k], all.gradient(k), 1e-11 * (1 + Math.abs(mean[k])), "entry " + k);
      }
      // The forward-only corrected loss equals the loss returned with the gradient.
      assertEquals(m.loss(w, batch, true), all.loss(), 1e-12 * Math.abs(all.loss()));
    }
  }

  /**
   * At the paper init of {@code small} the μ-gradient's per-prompt variance falls by far more than 100: the
   * plain spread is ≈ (2/n) d_i/√L ≈ 0.63 (§9), the corrected one comes only from the attention tilt, of relative
   * size ω(0)√d ≈ 4e-3, so the expected factor is ≳ 10⁴. 100 is a floor two orders below it; the Monte Carlo
   * error of a variance ratio from 2000 prompts is ≈ 2√(2/2000) ≈ 6 %.
   */
  @Test
  void reducesMuGradientVarianceAtPaperInit() {
    ProblemConfig c = Preset.SMALL.config();
    AttentionWeights w = AttentionWeights.paperInit(c, 1);
    try (FullModel m = new FullModel(c, 2)) {
      GradientNoise plain = GradientNoise.measure(m, w, 8L, 2000, false);
      GradientNoise cv = GradientNoise.measure(m, w, 8L, 2000, true);
      for (int h = 0; h < c.heads(); h++) {
        for (int i = 0; i < c.tasks(); i++) {
          double ratio = Math.pow(plain.muGradientSd(h, i) / cv.muGradientSd(h, i), 2);
          System.out.printf("CV small paper init h%d i%d: sd plain %.4f (predicted %.4f), cv %.2e, ratio %.3g%n", h, i,
              plain.muGradientSd(h, i), 2.0 / c.tasks() * c.blockSize(i) / Math.sqrt(c.promptLength()),
              cv.muGradientSd(h, i), ratio);
          assertTrue(ratio > 100, "variance reduction only " + ratio);
          // Plain spread against the §9 formula with the exact factor √(1 + 2/d_i) (SamplingDrift): 10 % covers
          // the MC error of an sd from 2000 prompts (≈ 3 % for heavy-tailed products) and the μ ȳ² term.
          double predicted = 2.0 / c.tasks() * Math.sqrt(c.blockSize(i) * (c.blockSize(i) + 2.0) / c.promptLength());
          assertEquals(predicted, plain.muGradientSd(h, i), 0.1 * predicted);
        }
      }
    }
  }

  /**
   * With n = 3 tasks (the correction's factor 2/n is then not 1, unlike n = 2 above) the corrected gradient is the
   * gradient of the corrected loss: central differences of m.loss(·, true) in every V and O entry (the only ones
   * the correction touches). Budget: step h = 1e-5 on weights of O(0.5); truncation h²/6·|F‴| ≲ 2e-10 for
   * |F‴| ≲ 10, round-off ≈ u·|F|/h ≈ 1e-11, so 1e-8 absolute; the correction moves these entries by O(0.1),
   * and a wrong factor (3/2 for 2/3) or a missing one changes them by a third of that or more.
   */
  @Test
  void correctedGradientIsTheGradientOfTheCorrectedLossForThreeTasks() {
    ProblemConfig three = ProblemConfig.of(3, new int[] {1, 1, 1}, 1, 5, 0.3, 1.2);
    AttentionWeights w = Fixtures.randomWeights(three, 0.5, 31L);
    PromptSource src = StoredPrompts.copyOf(PromptSampler.of(three, 32L, 40, false));
    double h = 1e-5;
    try (FullModel m = new FullModel(three, 1)) {
      LossAndGradient cv = m.lossAndGradient(w, src, true);
      LossAndGradient plain = m.lossAndGradient(w, src, false);
      double[] flat = w.toFlat();
      int from = AttentionWeights.flatOffset(three, 0, 2);
      double moved = 0;
      for (int k = from; k < flat.length; k++) {
        double[] up = flat.clone();
        double[] down = flat.clone();
        up[k] += h;
        down[k] -= h;
        double fd = (m.loss(AttentionWeights.fromFlat(three, up), src, true)
            - m.loss(AttentionWeights.fromFlat(three, down), src, true)) / (2 * h);
        assertEquals(fd, cv.gradient(k), 1e-8, "entry " + k);
        moved = Math.max(moved, Math.abs(cv.gradient(k) - plain.gradient(k)));
      }
      assertTrue(moved > 1e-3, "the correction must move some entry: " + moved);
    }
  }
}
