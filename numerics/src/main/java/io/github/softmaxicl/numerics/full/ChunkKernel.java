package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Loss and gradient partials of one chunk of prompts, for {@link FullModel}; per-thread buffers, not thread-safe.
 *
 * <p>The model per head h is written through the two products that do not depend on the prompt,
 * {@code M^h = K^hᵀ Q^h / √D} (D×D) and {@code W^h = O^h V^h} (n×D), computed once per evaluation by
 * {@link FullModel}: {@code b = M^h z_q}, scores {@code s_l = z_l · b}, {@code p = softmax(s)}, {@code r = Z p},
 * {@code ŷ = Σ_h W^h r^h}. The chunk's gradient is returned as the two sums over its prompts
 * {@code G^h = Σ_p (∂F/∂b) z_qᵀ} (= ∂F/∂M^h) and {@code S^h = Σ_p g r^hᵀ} (= ∂F/∂W^h, g = ∂F/∂ŷ); FullModel
 * turns the totals into ∂F/∂Q = K G / √D, ∂F/∂K = Q Gᵀ / √D, ∂F/∂O = S Vᵀ, ∂F/∂V = Oᵀ S. This does per prompt
 * H (8 L D + 4 D² + 6 n D) flops instead of H (8 L D + 10 D² + 6 n D).
 *
 * <p>Layout ({@link LaneLoops} says why): the products with the prompt-independent matrix M, b = M z_q, run over
 * the whole chunk with its prompts as lanes. Everything else runs one prompt at a time, with the prompt's tokens
 * in two copies of row arrays, {@code zRows[l][k]} (lanes: coordinates) and {@code ztRows[k][l]} (lanes: tokens),
 * so that the four passes over the tokens (scores, r, and their adjoints, 8 L D H of the flops) are
 * {@link LaneLoops#combineRows} with the per-prompt vector in registers; the prompt's 2 × 42 KB (paper sizes) stay
 * in L1/L2 from the forward to the backward pass. The only sums across prompts (the loss, G and S) run over p in a
 * fixed order, so a chunk's result depends on its prompts alone; every output is the same scalar sequence of
 * IEEE operations as in the chunk-wide prompt-lane kernel this replaced (KernelBitsTest pins the bits).
 */
final class ChunkKernel {
  /**
   * Per-prompt rows are padded with zeros to a multiple of this many lanes (one AVX-512 vector), so C2's
   * vectorised loops have no scalar remainder; the padding lanes compute zeros that nothing reads.
   */
  static final int LANE_BLOCK = 8;

  private final int heads;
  private final int ll;
  private final int dd;
  private final int n;
  /** L and D rounded up to whole vectors ({@link #LANE_BLOCK}): the lane counts of the per-prompt loops. */
  private final int lLanes;
  private final int dLanes;
  /** xq[k][p]: query tokens of the chunk (lanes: prompts). */
  private final double[][] xq;
  /** b[h][k][p] = (M^h z_q)_k of the chunk (lanes: prompts). */
  private final double[][][] b;
  /** qRows[p]: the query of prompt p (row-major copy); gRow: one row of G being accumulated. */
  private final double[][] qRows;
  private final double[] gRow;
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
  /** Per chunk, for the sums over prompts: g[i][p], r[h][k][p], ∂F/∂b [h][k][p]. */
  private final double[][] gAll;
  private final double[][][] rAll;
  private final double[][][] gbAll;

  ChunkKernel(ProblemConfig config, int capacity) {
    this.heads = config.heads();
    this.ll = config.promptLength();
    this.dd = config.tokenDim();
    this.n = config.tasks();
    this.lLanes = roundUp(ll);
    this.dLanes = roundUp(dd);
    this.xq = new double[dd][capacity];
    this.b = new double[heads][dd][capacity];
    this.qRows = new double[capacity][dd];
    this.gRow = new double[dd];
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
    this.gAll = new double[n][capacity];
    this.rAll = new double[heads][dd][capacity];
    this.gbAll = new double[heads][dd][capacity];
  }

  /**
   * Loss sum (Σ_p (1/n) ‖y_q − ŷ‖²) of the prompts in {@code block}; per-prompt losses into {@code perPrompt}
   * from {@code firstPrompt} if given; if {@code gPart} is given, writes (not adds) the chunk's G^h into
   * {@code gPart[h]} (D×D) and S^h into {@code sPart[h]} (n×D), scaled by {@code gScale}.
   */
  double chunk(PromptBlock block, double[][] m, double[][] w, double @Nullable [][] gPart,
      double @Nullable [][] sPart, double gScale, double @Nullable [] perPrompt, int firstPrompt) {
    int c = block.count;
    loadQueries(block, c);
    for (int h = 0; h < heads; h++) {
      LaneLoops.matrixTimes(m[h], dd, dd, xq, b[h], c, false);
      for (int i = 0; i < n; i++) {
        System.arraycopy(w[h], i * dd, wRows[h][i], 0, dd);
      }
    }
    boolean gradient = gPart != null && sPart != null;
    double lossSum = 0;
    for (int p = 0; p < c; p++) {
      loadTokens(block.tokens[p]);
      for (int h = 0; h < heads; h++) {
        for (int k = 0; k < dd; k++) {
          bOne[h][k] = b[h][k][p];
        }
      }
      LaneLoops.combineRows(ztRows, dd, bOne, prob, heads, lLanes);
      for (int h = 0; h < heads; h++) {
        LaneLoops.softmax(prob[h], ll);
      }
      LaneLoops.combineRows(zRows, ll, prob, rOne, heads, dLanes);
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
      if (gradient) {
        backward(p);
      }
    }
    if (gPart == null || sPart == null) {
      return lossSum;
    }
    for (int h = 0; h < heads; h++) {
      outerOverPrompts(gAll, n, rAll[h], dd, sPart[h], c);
      queryOuter(gbAll[h], gPart[h], c);
    }
    return lossSum;
  }

  private static int roundUp(int lanes) {
    return (lanes + LANE_BLOCK - 1) / LANE_BLOCK * LANE_BLOCK;
  }

  /**
   * ŷ = Σ_h W^h r^h of the current prompt, scalar (3 H D products at most a few hundred: not worth lanes),
   * four terms per accumulation in the order of {@link LaneLoops#matrixTimes}.
   */
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
   * The current prompt's backward pass from g (in {@link #yhat}) to ∂F/∂b, and its r, g and ∂F/∂b stored as
   * lane {@code p} of the chunk's arrays for the sums over prompts.
   */
  private void backward(int p) {
    for (int i = 0; i < n; i++) {
      gAll[i][p] = yhat[i];
    }
    for (int h = 0; h < heads; h++) {
      for (int k = 0; k < dd; k++) {
        rAll[h][k][p] = rOne[h][k];
      }
      LaneLoops.transposeTimes(wRows[h], n, yhat, grOne[h], dLanes);
    }
    LaneLoops.combineRows(ztRows, dd, grOne, gsOne, heads, lLanes);
    for (int h = 0; h < heads; h++) {
      LaneLoops.softmaxAdjoint(prob[h], gsOne[h], ll);
    }
    LaneLoops.combineRows(zRows, ll, gsOne, gbOne, heads, dLanes);
    for (int h = 0; h < heads; h++) {
      for (int k = 0; k < dd; k++) {
        gbAll[h][k][p] = gbOne[h][k];
      }
    }
  }

  /**
   * The prompt's tokens (row-major L×D) into {@link #zRows} and, eight coordinates at a time, into
   * {@link #ztRows}: each group of eight source values is one cache line, read once.
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

  /** The chunk's queries into {@link #xq} (lanes: prompts) and {@link #qRows}. */
  private void loadQueries(PromptBlock block, int c) {
    for (int p = 0; p < c; p++) {
      System.arraycopy(block.queries, p * dd, qRows[p], 0, dd);
      for (int k = 0; k < dd; k++) {
        xq[k][p] = block.queries[p * dd + k];
      }
    }
  }

  /** {@code out[i][k] = Σ_p a[i][p] bm[k][p]} (rows × cols, row-major), p in increasing order. */
  private static void outerOverPrompts(double[][] a, int rows, double[][] bm, int cols, double[] out, int c) {
    for (int i = 0; i < rows; i++) {
      double[] ai = a[i];
      for (int k = 0; k < cols; k++) {
        double[] bk = bm[k];
        double s = 0;
        for (int p = 0; p < c; p++) {
          s += ai[p] * bk[p];
        }
        out[i * cols + k] = s;
      }
    }
  }

  /**
   * {@code out[k][j] = Σ_p gbm[k][p] z_q[p][j]} (D×D, row-major): vectorised over j, four prompts per accumulator
   * store, p in increasing order.
   */
  private void queryOuter(double[][] gbm, double[] out, int c) {
    for (int k = 0; k < dd; k++) {
      double[] o = gRow;
      Arrays.fill(o, 0.0);
      double[] gk = gbm[k];
      int p = 0;
      for (; p + 3 < c; p += 4) {
        double g0 = gk[p];
        double g1 = gk[p + 1];
        double g2 = gk[p + 2];
        double g3 = gk[p + 3];
        double[] q0 = qRows[p];
        double[] q1 = qRows[p + 1];
        double[] q2 = qRows[p + 2];
        double[] q3 = qRows[p + 3];
        for (int j = 0; j < dd; j++) {
          o[j] += g0 * q0[j] + g1 * q1[j] + g2 * q2[j] + g3 * q3[j];
        }
      }
      for (; p < c; p++) {
        double g0 = gk[p];
        double[] q0 = qRows[p];
        for (int j = 0; j < dd; j++) {
          o[j] += g0 * q0[j];
        }
      }
      System.arraycopy(o, 0, out, k * dd, dd);
    }
  }
}
