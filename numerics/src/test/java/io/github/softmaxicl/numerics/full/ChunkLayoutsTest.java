package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two layouts of {@link ChunkKernel}'s per-prompt passes ({@link PromptLanePasses}, {@link TokenLanePasses})
 * give bit-identical loss, per-prompt losses, G and S on the same chunk, whatever the sizes: so which one
 * {@link ChunkKernel#tokenLanes} picks can never change a result. Sizes cover every remainder of L and D modulo 3
 * (both group rows in threes), D below and above the lane padding, 1 to 4 heads, and chunks not full.
 */
class ChunkLayoutsTest {
  @Test
  void layoutsAgreeBitForBit() {
    check(Preset.PAPER.config(), 32, 32);
    check(Preset.PAPER.config(), 32, 5);
    check(ProblemConfig.of(4, new int[] {2, 2}, 2, 30, 0.1, 1.0), 32, 32);
    check(ProblemConfig.of(5, new int[] {2, 3}, 1, 13, 0.3, 1.0), 8, 7);
    check(ProblemConfig.of(7, new int[] {1, 4, 2}, 4, 11, 0.5, 1.0), 32, 17);
    check(ProblemConfig.of(13, new int[] {6, 7}, 3, 17, 0.0, 1.0), 32, 31);
    check(ProblemConfig.of(23, new int[] {11, 12}, 4, 29, 0.2, 1.0), 32, 32);
    check(ProblemConfig.of(2, new int[] {1, 1}, 2, 2, 0.0, 1.0), 4, 3);
  }

  @Test
  void paperSizesUseTokenLanesAndLadderSizesPromptLanes() {
    assertTrue(ChunkKernel.tokenLanes(Preset.PAPER.config()));
    assertTrue(ChunkKernel.tokenLanes(ProblemConfig.of(23, new int[] {11, 12}, 4, 29, 0.2, 1.0)));
    assertFalse(ChunkKernel.tokenLanes(ProblemConfig.of(4, new int[] {2, 2}, 2, 30, 0.0, 1.0)));
    // D = 53 but L = 10: too few token lanes.
    assertFalse(ChunkKernel.tokenLanes(ProblemConfig.of(50, new int[] {16, 17, 17}, 3, 10, 0.0, 1.0)));
  }

  private static void check(ProblemConfig c, int capacity, int count) {
    PromptBlock block = new PromptBlock(c, capacity);
    PromptSampler.of(c, 77L, count, false).fill(0, count, block);
    Random rng = new Random(c.tokenDim() * 1000L + count);
    int heads = c.heads();
    int dd = c.tokenDim();
    int n = c.tasks();
    double[][] m = new double[heads][dd * dd];
    double[][] w = new double[heads][n * dd];
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < m[h].length; i++) {
        m[h][i] = 0.3 * rng.nextGaussian();
      }
      for (int i = 0; i < w[h].length; i++) {
        w[h][i] = 0.3 * rng.nextGaussian();
      }
    }
    double[][][] gParts = new double[2][heads][dd * dd];
    double[][][] sParts = new double[2][heads][n * dd];
    double[][] losses = new double[2][count + 3];
    double[] sums = new double[2];
    double[] lossOnly = new double[2];
    for (int t = 0; t < 2; t++) {
      ChunkKernel kernel = new ChunkKernel(c, capacity, t == 1);
      sums[t] = kernel.chunk(block, m, w, gParts[t], sParts[t], 0.7, losses[t], 3);
      lossOnly[t] = kernel.chunk(block, m, w, null, null, 0.7, null, 0);
    }
    String at = c + ", " + count + " prompts";
    assertEquals(Double.doubleToRawLongBits(sums[0]), Double.doubleToRawLongBits(sums[1]), at);
    assertEquals(Double.doubleToRawLongBits(sums[0]), Double.doubleToRawLongBits(lossOnly[1]), at);
    assertEquals(Double.doubleToRawLongBits(lossOnly[0]), Double.doubleToRawLongBits(lossOnly[1]), at);
    assertArrayEquals(losses[0], losses[1], 0.0, at);
    assertTrue(losses[0][3] > 0, at);
    for (int h = 0; h < heads; h++) {
      assertArrayEquals(gParts[0][h], gParts[1][h], 0.0, at);
      assertArrayEquals(sParts[0][h], sParts[1][h], 0.0, at);
    }
  }
}
