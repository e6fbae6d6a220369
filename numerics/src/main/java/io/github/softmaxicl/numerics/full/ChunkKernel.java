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
 * <p>Layout: the chunk's tokens are transposed to prompt-minor rows (see {@link LaneLoops}), so all per-prompt
 * work is element-wise over the chunk's prompts. The only sums across prompts (the loss, G and S) run over p in
 * a fixed order, so a chunk's result depends on its prompts alone.
 */
final class ChunkKernel {
  private final int heads;
  private final int ll;
  private final int dd;
  private final int n;
  /** tok[l D + k][p]: coordinate k of token l of prompt p. */
  private final double[][] tok;
  /** xq[k][p]: query tokens. */
  private final double[][] xq;
  /** y[i][p]: targets. */
  private final double[][] y;
  /** Per head: b = M z_q (D rows), probabilities (L rows), r = Z p (D rows). */
  private final double[][][] b;
  private final double[][][] prob;
  private final double[][][] r;
  /** ŷ, then g = ∂F/∂ŷ (n rows). */
  private final double[][] yhat;
  /** Backward, per head: ∂F/∂r (D rows), ∂F/∂s (L rows), ∂F/∂b (D rows). */
  private final double[][][] gr;
  private final double[][][] gs;
  private final double[][][] gb;
  /** qRows[p]: the query of prompt p (row-major copy); gRow: one row of G being accumulated. */
  private final double[][] qRows;
  private final double[] gRow;
  private final double[] laneA;
  private final double[] laneB;

  ChunkKernel(ProblemConfig config, int capacity) {
    this.heads = config.heads();
    this.ll = config.promptLength();
    this.dd = config.tokenDim();
    this.n = config.tasks();
    this.tok = new double[ll * dd][capacity];
    this.xq = new double[dd][capacity];
    this.y = new double[n][capacity];
    this.b = new double[heads][dd][capacity];
    this.prob = new double[heads][ll][capacity];
    this.r = new double[heads][dd][capacity];
    this.yhat = new double[n][capacity];
    this.gr = new double[heads][dd][capacity];
    this.gs = new double[heads][ll][capacity];
    this.gb = new double[heads][dd][capacity];
    this.qRows = new double[capacity][dd];
    this.gRow = new double[dd];
    this.laneA = new double[capacity];
    this.laneB = new double[capacity];
  }

  /**
   * Loss sum (Σ_p (1/n) ‖y_q − ŷ‖²) of the prompts in {@code block}; per-prompt losses into {@code perPrompt}
   * from {@code firstPrompt} if given; if {@code gPart} is given, writes (not adds) the chunk's G^h into
   * {@code gPart[h]} (D×D) and S^h into {@code sPart[h]} (n×D), scaled by {@code gScale}.
   */
  double chunk(PromptBlock block, double[][] m, double[][] w, double @Nullable [][] gPart,
      double @Nullable [][] sPart, double gScale, double @Nullable [] perPrompt, int firstPrompt) {
    int c = block.count;
    load(block, c);
    for (int h = 0; h < heads; h++) {
      LaneLoops.matrixTimes(m[h], dd, dd, xq, b[h], c, false);
    }
    LaneLoops.tokenDots(tok, b, prob, heads, ll, dd, c);
    for (int h = 0; h < heads; h++) {
      LaneLoops.softmax(prob[h], ll, c, laneA, laneB);
    }
    LaneLoops.weightedTokenSum(tok, prob, r, heads, ll, dd, c);
    for (int h = 0; h < heads; h++) {
      LaneLoops.matrixTimes(w[h], n, dd, r[h], yhat, c, h > 0);
    }
    // Per-prompt loss (lane-wise), then g = gScale (ŷ − y) in place of ŷ.
    double[] lp = laneA;
    Arrays.fill(lp, 0, c, 0.0);
    for (int i = 0; i < n; i++) {
      double[] yh = yhat[i];
      double[] yi = y[i];
      for (int p = 0; p < c; p++) {
        double e = yh[p] - yi[p];
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
    if (gPart == null || sPart == null) {
      return lossSum;
    }
    double[][] g = yhat;
    for (int h = 0; h < heads; h++) {
      outerOverPrompts(g, n, r[h], dd, sPart[h], c);
      LaneLoops.transposeTimes(w[h], n, dd, g, gr[h], c);
    }
    LaneLoops.tokenDots(tok, gr, gs, heads, ll, dd, c);
    for (int h = 0; h < heads; h++) {
      LaneLoops.softmaxAdjoint(prob[h], gs[h], ll, c, laneB);
    }
    LaneLoops.weightedTokenSum(tok, gs, gb, heads, ll, dd, c);
    for (int h = 0; h < heads; h++) {
      queryOuter(gb[h], gPart[h], c);
    }
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
    int p;
    for (p = 0; p < c; p++) {
      System.arraycopy(block.queries, p * dd, qRows[p], 0, dd);
      for (int k = 0; k < dd; k++) {
        xq[k][p] = block.queries[p * dd + k];
      }
      for (int i = 0; i < n; i++) {
        y[i][p] = block.targets[p * n + i];
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
