package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.junit.jupiter.api.Test;

/** The batched forward pass against the independent per-prompt loop of {@link Fixtures#naiveLoss}. */
class FullModelForwardTest {

  @Test
  void forwardAtDecomposablePointMatchesNaiveLoop() {
    ProblemConfig c = ProblemConfig.of(6, new int[] {3, 3}, 2, 20, 0.2, 1.0);
    SpectralState s = SpectralState.of(new double[][] {{0.3, 0.05}, {0.02, 0.25}}, new double[][] {{1.5, 0.1}, {-0.2, 1.2}});
    AttentionWeights w = AttentionWeights.decomposable(c, s);
    PromptSource prompts = PromptSampler.of(c, 99L, 70, false);
    try (FullModel model = new FullModel(c, 2)) {
      double fast = model.loss(w, prompts);
      double naive = Fixtures.naiveLoss(w, prompts);
      // Both sum ~1e4 terms of size O(1) in different orders: relative round-off ≲ 1e4·u ≈ 1e-12.
      assertEquals(naive, fast, 1e-11 * Math.abs(naive));
    }
  }

  @Test
  void forwardAtRandomPointMatchesNaiveLoop() {
    ProblemConfig c = ProblemConfig.of(5, new int[] {2, 3}, 3, 15, 0.0, 2.0);
    AttentionWeights w = Fixtures.randomWeights(c, 0.4, 5L);
    PromptSource prompts = PromptSampler.of(c, 3L, 8, true); // 8 draws x 16 images
    try (FullModel model = new FullModel(c, 1)) {
      double fast = model.loss(w, prompts);
      double naive = Fixtures.naiveLoss(w, prompts);
      assertEquals(naive, fast, 1e-11 * Math.abs(naive)); // same round-off budget as above
    }
  }

  @Test
  void paperInitLossAtTinyWeightsIsSignalVariance() {
    // At the paper init ŷ is O(L^{-3}) so F ≈ (1/n) Σ_i E y_{q,i}² = (1/n) Σ_i s² d_i: a closed form.
    ProblemConfig c = ProblemConfig.of(8, new int[] {4, 4}, 2, 40, 0.0, 1.0);
    AttentionWeights w = AttentionWeights.decomposable(c, Initialisations.paper(c));
    PromptSource prompts = PromptSampler.of(c, 5L, 4000, false);
    try (FullModel model = new FullModel(c, 2)) {
      double[] losses = model.promptLosses(w, prompts);
      double mean = 0;
      for (double l : losses) {
        mean += l;
      }
      mean /= losses.length;
      double var = 0;
      for (double l : losses) {
        var += (l - mean) * (l - mean);
      }
      double se = Math.sqrt(var / (losses.length - 1) / losses.length);
      // Expected 4; the model's contribution is O(μω·y) ≈ 1e-5 relative, far below 4 standard errors (≈0.13).
      assertEquals(4.0, mean, 4 * se);
    }
  }
}
