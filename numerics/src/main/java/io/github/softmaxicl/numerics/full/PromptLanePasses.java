package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link ChunkPasses} with the chunk's prompts as vector lanes: the tokens as prompt-minor rows
 * ({@code tok[l D + k][p]}; copied row by row from a stored chunk, see {@link StoredPrompts}, transposed from
 * other blocks), so every per-prompt step is one element-wise loop of {@link LaneLoops} over the
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
    double[][] lanes = load(block, c);
    LaneLoops.tokenDots(lanes, b, prob, heads, ll, dd, c);
    for (int h = 0; h < heads; h++) {
      LaneLoops.softmax(prob[h], ll, c, laneA, laneB, expR, expK);
    }
    LaneLoops.weightedTokenSum(lanes, prob, r, heads, ll, dd, c);
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
    LaneLoops.tokenDots(lanes, gr, gs, heads, ll, dd, c);
    for (int h = 0; h < heads; h++) {
      LaneLoops.softmaxAdjoint(prob[h], gs[h], ll, c, laneB);
    }
    LaneLoops.weightedTokenSum(lanes, gs, gb, heads, ll, dd, c);
    return lossSum;
  }

  /**
   * Transposes the block's prompts into the prompt-minor rows, for blocks that do not hold a stored chunk of lanes
   * (generated prompts, large prompts forced into this layout), eight prompts at a time: each group reads eight
   * prompts as eight sequential streams (which the hardware prefetcher follows) and writes eight adjacent lanes of
   * every row.
   * Measured (issue 16; process CPU per prompt, ladder size, 1 thread, load 3–5): 65,536 prompts 0.85 against
   * 0.88–0.92 µs for the previous order (eight rows at a time across the chunk's 64 prompts, 64 streams), 1,024
   * prompts 0.64–0.66 against 0.66–0.68 µs.
   */
  private double[][] load(PromptBlock block, int c) {
    double[] held = block.lanes;
    if (held != null) {
      // A stored chunk already in this layout: one sequential read, row by row.
      for (int q = 0; q < ll * dd; q++) {
        System.arraycopy(held, q * c, tok[q], 0, c);
      }
      return tok;
    }
    double[][] src = block.rows();
    int rows = ll * dd;
    int p = 0;
    for (; p + 7 < c; p += 8) {
      double[] s0 = src[p];
      double[] s1 = src[p + 1];
      double[] s2 = src[p + 2];
      double[] s3 = src[p + 3];
      double[] s4 = src[p + 4];
      double[] s5 = src[p + 5];
      double[] s6 = src[p + 6];
      double[] s7 = src[p + 7];
      for (int q = 0; q < rows; q++) {
        double[] r = tok[q];
        r[p] = s0[q];
        r[p + 1] = s1[q];
        r[p + 2] = s2[q];
        r[p + 3] = s3[q];
        r[p + 4] = s4[q];
        r[p + 5] = s5[q];
        r[p + 6] = s6[q];
        r[p + 7] = s7[q];
      }
    }
    for (; p < c; p++) {
      double[] s = src[p];
      for (int q = 0; q < rows; q++) {
        tok[q][p] = s[q];
      }
    }
    return tok;
  }

}
