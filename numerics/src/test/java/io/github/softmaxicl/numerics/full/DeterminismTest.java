package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/** Same seed, same bits: across thread counts, instances and range splits. */
class DeterminismTest {
  private final ProblemConfig c = ProblemConfig.of(6, new int[] {3, 3}, 2, 12, 0.1, 1.0);

  @Test
  void lossAndGradientBitsDoNotDependOnThreads() {
    AttentionWeights w = Fixtures.randomWeights(c, 0.3, 21L);
    // 40 draws x 16 images = 640 prompts = 20 chunks: more than one wave of 16 chunks.
    PromptSource prompts = PromptSampler.of(c, 8L, 40, true);
    LossAndGradient one;
    LossAndGradient two;
    LossAndGradient three;
    try (FullModel m = new FullModel(c, 1)) {
      one = m.lossAndGradient(w, prompts);
    }
    try (FullModel m = new FullModel(c, 2)) {
      two = m.lossAndGradient(w, prompts);
    }
    try (FullModel m = new FullModel(c, 3)) {
      three = m.lossAndGradient(w, prompts);
    }
    assertEquals(Double.doubleToRawLongBits(one.loss()), Double.doubleToRawLongBits(two.loss()));
    assertEquals(Double.doubleToRawLongBits(one.loss()), Double.doubleToRawLongBits(three.loss()));
    assertArrayEquals(one.gradient(), two.gradient(), 0.0);
    assertArrayEquals(one.gradient(), three.gradient(), 0.0);
  }

  @Test
  void samplerIsReproducibleAndSplitIndependent() {
    PromptSampler a = PromptSampler.of(c, 1234L, 10, true);
    PromptSampler b = PromptSampler.of(c, 1234L, 10, true);
    PromptBlock whole = new PromptBlock(c, 160);
    a.fill(0, 160, whole);
    PromptBlock part = new PromptBlock(c, 7);
    for (int first = 0; first < 160; first += 7) {
      int count = Math.min(7, 160 - first);
      b.fill(first, count, part);
      for (int p = 0; p < count; p++) {
        for (int l = 0; l < c.promptLength(); l++) {
          for (int k = 0; k < c.tokenDim(); k++) {
            assertEquals(whole.token(first + p, l, k), part.token(p, l, k), 0.0);
          }
        }
        for (int i = 0; i < c.tasks(); i++) {
          assertEquals(whole.target(first + p, i), part.target(p, i), 0.0);
        }
      }
    }
    PromptBlock other = new PromptBlock(c, 1);
    PromptSampler.of(c, 1235L, 10, true).fill(0, 1, other);
    assertNotEquals(whole.token(0, 0, 0), other.token(0, 0, 0));
  }

  @Test
  void symmetrisedImagesAreSignFlipsOfTheirDraw() {
    PromptSampler s = PromptSampler.of(c, 77L, 2, true);
    PromptBlock b = new PromptBlock(c, 32);
    s.fill(0, 32, b);
    int d = c.d();
    // image 16 + 5 = draw 1, image 5: flips x-block 0 (bit 0) and y-column 0 (bit n + 0 = 2).
    for (int l = 0; l < c.promptLength(); l++) {
      assertEquals(-b.token(16, l, 0), b.token(21, l, 0), 0.0);
      assertEquals(b.token(16, l, 4), b.token(21, l, 4), 0.0);
      assertEquals(-b.token(16, l, d), b.token(21, l, d), 0.0);
      assertEquals(b.token(16, l, d + 1), b.token(21, l, d + 1), 0.0);
    }
    assertEquals(-b.target(16, 0), b.target(21, 0), 0.0);
    assertEquals(-b.query(16, 1), b.query(21, 1), 0.0);
  }
}
