package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@link ChunkPasses} one prompt at a time, with the prompt's tokens in two copies of row arrays,
 * {@code zRows[l][k]} (lanes: coordinates) and {@code ztRows[k][l]} (lanes: tokens), so that the four passes over
 * the tokens (scores, r = Z p, and their adjoints: 8 L D H of the flops) are {@link TokenLaneLoops#combineRows}
 * with the per-prompt vector in registers. Forward and backward of a prompt run back to back, so its tokens
 * (2 × 42 KB at paper sizes) are still in L1/L2 for the backward pass. ŷ = Σ_h W^h r^h is a scalar loop (3 H D
 * products at most a few hundred per prompt). Rows are padded with zeros to whole vectors ({@link #LANE_BLOCK}),
 * so C2's vector loops have no scalar remainder; the padding lanes compute zeros that nothing reads.
 */
final class TokenLanePasses extends ChunkPasses {
  /** Lanes per vector that rows are padded to: one AVX-512 vector of doubles. */
  static final int LANE_BLOCK = 8;

  /** L and D rounded up to whole vectors: the lane counts of the loops. */
  private final int lLanes;
  private final int dLanes;
  /** wRows[h][i]: row i of W^h. */
  private final double[][][] wRows;
  /** The current prompt's tokens: zRows[l][k] and its transpose ztRows[k][l]. */
  private final double[][] zRows;
  private final double[][] ztRows;
  /** Per head, the current prompt's b (D), probabilities (L), r (D), ∂F/∂r (D), ∂F/∂s (L), ∂F/∂b (D). */
  private final double[][] bOne;
  private final double[][] prob;
  private final double[][] rOne;
  private final double[][] grOne;
  private final double[][] gsOne;
  private final double[][] gbOne;
  /** The current prompt's ŷ, then g = ∂F/∂ŷ (n). */
  private final double[] yhat;
  /** Scratch of the softmax's exponential ({@link LaneExp}). */
  private final double[] expR;
  private final double[] expK;

  TokenLanePasses(ProblemConfig config, int capacity) {
    super(config, capacity);
    this.lLanes = roundUp(ll);
    this.dLanes = roundUp(dd);
    this.wRows = new double[heads][n][dLanes];
    this.zRows = new double[ll][dLanes];
    this.ztRows = new double[dd][lLanes];
    this.bOne = new double[heads][dd];
    this.prob = new double[heads][lLanes];
    this.rOne = new double[heads][dLanes];
    this.grOne = new double[heads][dLanes];
    this.gsOne = new double[heads][lLanes];
    this.gbOne = new double[heads][dLanes];
    this.yhat = new double[n];
    this.expR = new double[lLanes];
    this.expK = new double[lLanes];
  }

  private static int roundUp(int lanes) {
    return (lanes + LANE_BLOCK - 1) / LANE_BLOCK * LANE_BLOCK;
  }

  @Override
  double run(PromptBlock block, double[][][] b, double[][] w, boolean backward, double gScale,
      double @Nullable [] perPrompt, int firstPrompt) {
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < n; i++) {
        System.arraycopy(w[h], i * dd, wRows[h][i], 0, dd);
      }
    }
    double lossSum = 0;
    double[][] rows = block.rows();
    for (int p = 0; p < block.count; p++) {
      loadTokens(rows[p]);
      for (int h = 0; h < heads; h++) {
        for (int k = 0; k < dd; k++) {
          bOne[h][k] = b[h][k][p];
        }
      }
      TokenLaneLoops.combineRows(ztRows, dd, bOne, prob, heads, lLanes);
      for (int h = 0; h < heads; h++) {
        TokenLaneLoops.softmax(prob[h], ll, expR, expK);
      }
      TokenLaneLoops.combineRows(zRows, ll, prob, rOne, heads, dLanes);
      predict(w);
      // Loss, then g = gScale (ŷ − y) in place of ŷ.
      double sq = 0;
      for (int i = 0; i < n; i++) {
        double e = yhat[i] - block.targets[p * n + i];
        sq += e * e;
        yhat[i] = gScale * e;
      }
      double v = sq / n;
      if (perPrompt != null) {
        perPrompt[firstPrompt + p] = v;
      }
      lossSum += v;
      if (backward) {
        backward(p);
      }
    }
    return lossSum;
  }

  /** ŷ = Σ_h W^h r^h of the current prompt, four terms per accumulation as in {@link LaneLoops#matrixTimes}. */
  private void predict(double[][] w) {
    Arrays.fill(yhat, 0.0);
    for (int h = 0; h < heads; h++) {
      double[] wh = w[h];
      double[] x = rOne[h];
      for (int i = 0; i < n; i++) {
        int row = i * dd;
        double o = yhat[i];
        int j = 0;
        for (; j + 3 < dd; j += 4) {
          o += wh[row + j] * x[j] + wh[row + j + 1] * x[j + 1] + wh[row + j + 2] * x[j + 2]
              + wh[row + j + 3] * x[j + 3];
        }
        for (; j < dd; j++) {
          o += wh[row + j] * x[j];
        }
        yhat[i] = o;
      }
    }
  }

  /**
   * The current prompt's backward pass from g (in {@link #yhat}) to ∂F/∂b, and its g, r and ∂F/∂b stored as
   * entry {@code p} of {@link #g}, {@link #r} and {@link #gb}.
   */
  private void backward(int p) {
    for (int i = 0; i < n; i++) {
      g[i][p] = yhat[i];
    }
    for (int h = 0; h < heads; h++) {
      for (int k = 0; k < dd; k++) {
        r[h][k][p] = rOne[h][k];
      }
      TokenLaneLoops.transposeTimes(wRows[h], n, yhat, grOne[h], dLanes);
    }
    TokenLaneLoops.combineRows(ztRows, dd, grOne, gsOne, heads, lLanes);
    for (int h = 0; h < heads; h++) {
      TokenLaneLoops.softmaxAdjoint(prob[h], gsOne[h], ll);
    }
    TokenLaneLoops.combineRows(zRows, ll, gsOne, gbOne, heads, dLanes);
    for (int h = 0; h < heads; h++) {
      for (int k = 0; k < dd; k++) {
        gb[h][k][p] = gbOne[h][k];
      }
    }
  }

  /**
   * The prompt's tokens (row-major L×D) into {@link #zRows} and, eight coordinates at a time, into
   * {@link #ztRows}: each group of eight source values is about one cache line, read once. This copy is
   * ≈ 13 % of the time at paper sizes, the price of the two layouts, and also where a stored prompt is first read
   * from memory (the block holds a reference to it, see {@link StoredPrompts}; storing both layouts instead was
   * slower).
   */
  private void loadTokens(double[] src) {
    for (int l = 0; l < ll; l++) {
      System.arraycopy(src, l * dd, zRows[l], 0, dd);
    }
    int k = 0;
    for (; k + 7 < dd; k += 8) {
      double[] r0 = ztRows[k];
      double[] r1 = ztRows[k + 1];
      double[] r2 = ztRows[k + 2];
      double[] r3 = ztRows[k + 3];
      double[] r4 = ztRows[k + 4];
      double[] r5 = ztRows[k + 5];
      double[] r6 = ztRows[k + 6];
      double[] r7 = ztRows[k + 7];
      for (int l = 0, t = k; l < ll; l++, t += dd) {
        r0[l] = src[t];
        r1[l] = src[t + 1];
        r2[l] = src[t + 2];
        r3[l] = src[t + 3];
        r4[l] = src[t + 4];
        r5[l] = src[t + 5];
        r6[l] = src[t + 6];
        r7[l] = src[t + 7];
      }
    }
    for (; k < dd; k++) {
      double[] r0 = ztRows[k];
      for (int l = 0, t = k; l < ll; l++, t += dd) {
        r0[l] = src[t];
      }
    }
  }
}
