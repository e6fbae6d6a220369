package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact bits of the full model's loss, gradient and per-prompt losses on a few configurations, as
 * fingerprints. They were recorded from the prompt-minor kernel of 2026-12-07 (commit e2a87e7) and kept through the
 * kernel's rewrites for speed (issue 16), each of which computed every output by the same scalar sequence of IEEE
 * operations; they moved once, on purpose, the same day: the softmax's exponential became {@link LaneExp} (within
 * 1 ulp of StrictMath.exp, like FastMath.exp, but not the same bits) and {@link FullModel#CHUNK} went from 32 to 64
 * (the sums over a chunk's prompts are grouped by chunk). Otherwise they would move with any change of summation
 * order or FMA contraction. A change that alters them on purpose must say so and record the new values. The configurations cover the kernel's edges: paper sizes with a partial chunk, both layouts of
 * {@link ChunkKernel} (token lanes at paper sizes and D = 25, L = 29; prompt lanes for the small ones), 1 to 4 heads, L and D with
 * every remainder modulo 3 (rows are grouped in threes). {@link ChunkLayoutsTest} shows the layouts agree.
 */
class KernelBitsTest {
  @Test
  void paperSizesPartialChunk() {
    ProblemConfig c = Preset.PAPER.config();
    check(c, AttentionWeights.paperInit(c, 1).perturbed(1e-2, 5L), 37, 1L, 5013059993450151353L);
  }

  @Test
  void smallLadderSizeTwoHeads() {
    ProblemConfig c = ProblemConfig.of(4, new int[] {2, 2}, 2, 30, 0.1, 1.0);
    check(c, Fixtures.randomWeights(c, 0.3, 3L), 70, 2L, 7546839336287521262L);
  }

  @Test
  void oneAndFourHeadsOddSizes() {
    // D = 7 (7 mod 3 = 1), L = 13 (mod 3 = 1), one head.
    ProblemConfig one = ProblemConfig.of(5, new int[] {2, 3}, 1, 13, 0.3, 1.0);
    check(one, Fixtures.randomWeights(one, 0.4, 11L), 7, 4L, 4465168286889573100L);
    // D = 10 (mod 3 = 1), L = 11 (mod 3 = 2), four heads (3 + 1).
    ProblemConfig four = ProblemConfig.of(7, new int[] {1, 4, 2}, 4, 11, 0.5, 1.0);
    check(four, Fixtures.randomWeights(four, 0.3, 12L), 101, 5L, -3159256923464692622L);
  }

  @Test
  void fourHeadsWithTokenLanes() {
    // D = 25 (mod 3 = 1, not a whole number of vectors), L = 29 (mod 3 = 2), H = 4: token lanes.
    ProblemConfig c = ProblemConfig.of(23, new int[] {11, 12}, 4, 29, 0.2, 1.0);
    check(c, Fixtures.randomWeights(c, 0.3, 13L), 45, 6L, 9071561358243184752L);
  }

  private static void check(ProblemConfig c, AttentionWeights w, int prompts, long seed, long expected) {
    PromptSource src = PromptSampler.of(c, seed, prompts, false);
    long print;
    try (FullModel m = new FullModel(c, 2)) {
      LossAndGradient lg = m.lossAndGradient(w, src);
      print = fingerprint(lg.loss(), lg.gradient(), m.promptLosses(w, src), m.loss(w, src));
    }
    System.out.printf("kernel bits fingerprint %s: %dL%n", c, print);
    assertEquals(expected, print);
  }

  /** A 64-bit polynomial hash of the raw bits of every value, in order. */
  private static long fingerprint(double loss, double[] gradient, double[] perPrompt, double lossOnly) {
    long h = Double.doubleToRawLongBits(loss);
    for (double g : gradient) {
      h = 31 * h + Double.doubleToRawLongBits(g);
    }
    for (double v : perPrompt) {
      h = 31 * h + Double.doubleToRawLongBits(v);
    }
    return 31 * h + Double.doubleToRawLongBits(lossOnly);
  }
}
