package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link ChunkPasses} with the chunk's prompts as vector lanes: the tokens are transposed to prompt-minor rows
 * ({@code tok[l D + k][p]}), so every per-prompt step is one element-wise loop of {@link LaneLoops} over the
 * chunk's prompts, whatever L and D are. Its token loops multiply two lane-varying rows (7 loads and a store per
 * 6 flops), which bounds it at ≈ 8–9 GFLOP/s; it is kept for small prompts (the ladder's sizes; the rule is
 * {@link ChunkKernel#tokenLanes}), where {@link TokenLanePasses}' per-prompt loops are too short to vectorise
 * well.
 */
final class PromptLanePasses extends ChunkPasses {
  /** tok[l D + k][p]: coordinate k of token l of prompt p. */
  private final double[][] tok;
  /** Per head: probabilities (L rows), ∂F/∂r (D rows), ∂F/∂s (L rows). */
  private final double[][][] prob;
  private final double[][][] gr;
  private final double[][][] gs;
  private final double[] laneA;
  private final double[] laneB;
  /** Scratch of the softmax's exponential ({@link LaneExp}). */
  private final double[] expR;
  private final double[] expK;

  PromptLanePasses(ProblemConfig config, int capacity) {
    super(config, capacity);
    this.tok = new double[ll * dd][capacity];
    this.prob = new double[heads][ll][capacity];
    this.gr = new double[heads][dd][capacity];
    this.gs = new double[heads][ll][capacity];
    this.laneA = new double[capacity];
    this.laneB = new double[capacity];
    this.expR = new double[capacity];
    this.expK = new double[capacity];
  }

  @Override
  double run(PromptBlock block, double[][][] b, double[][] w, boolean backward, double gScale,
      double @Nullable [] perPrompt, int firstPrompt) {
    int c = block.count;
    load(block, c);
    LaneLoops.tokenDots(tok, b, prob, heads, ll, dd, c);
    for (int h = 0; h < heads; h++) {
      LaneLoops.softmax(prob[h], ll, c, laneA, laneB, expR, expK);
    }
    LaneLoops.weightedTokenSum(tok, prob, r, heads, ll, dd, c);
    double[][] yhat = g;
    for (int h = 0; h < heads; h++) {
      LaneLoops.matrixTimes(w[h], n, dd, r[h], yhat, c, h > 0);
    }
    // Per-prompt loss (lane-wise), then g = gScale (ŷ − y) in place of ŷ.
    double[] lp = laneA;
    Arrays.fill(lp, 0, c, 0.0);
    for (int i = 0; i < n; i++) {
      double[] yh = yhat[i];
      for (int p = 0; p < c; p++) {
        double e = yh[p] - block.targets[p * n + i];
        lp[p] += e * e;
        yh[p] = gScale * e;
      }
    }
    double lossSum = 0;
    for (int p = 0; p < c; p++) {
      double v = lp[p] / n;
      if (perPrompt != null) {
        perPrompt[firstPrompt + p] = v;
      }
      lossSum += v;
    }
    if (!backward) {
      return lossSum;
    }
    for (int h = 0; h < heads; h++) {
      LaneLoops.transposeTimes(w[h], n, dd, g, gr[h], c);
    }
    LaneLoops.tokenDots(tok, gr, gs, heads, ll, dd, c);
    for (int h = 0; h < heads; h++) {
      LaneLoops.softmaxAdjoint(prob[h], gs[h], ll, c, laneB);
    }
    LaneLoops.weightedTokenSum(tok, gs, gb, heads, ll, dd, c);
    return lossSum;
  }

  /**
   * Transposes the block's prompts into the prompt-minor rows, eight rows at a time: each source cache line is
   * read once and each group of destination rows is filled while it sits in L1 (writing all rows for four
   * prompts at a time swept the whole token array, 1.4 MB at paper sizes, eight times per chunk; the profile put
   * 14 % of the kernel's time in this copy, and the blocked copy showed no measurable change under load).
   */
  private void load(PromptBlock block, int c) {
    int rows = ll * dd;
    int q = 0;
    for (; q + 7 < rows; q += 8) {
      double[] r0 = tok[q];
      double[] r1 = tok[q + 1];
      double[] r2 = tok[q + 2];
      double[] r3 = tok[q + 3];
      double[] r4 = tok[q + 4];
      double[] r5 = tok[q + 5];
      double[] r6 = tok[q + 6];
      double[] r7 = tok[q + 7];
      for (int p = 0; p < c; p++) {
        double[] src = block.tokens[p];
        r0[p] = src[q];
        r1[p] = src[q + 1];
        r2[p] = src[q + 2];
        r3[p] = src[q + 3];
        r4[p] = src[q + 4];
        r5[p] = src[q + 5];
        r6[p] = src[q + 6];
        r7[p] = src[q + 7];
      }
    }
    for (; q < rows; q++) {
      double[] r0 = tok[q];
      for (int p = 0; p < c; p++) {
        r0[p] = block.tokens[p][q];
      }
    }
  }
}
