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
 * <p>Work: b = M z_q for the whole chunk with its prompts as lanes ({@link LaneLoops#matrixTimes}); the per-prompt
 * passes in the layout {@link #tokenLanes} picks ({@link ChunkPasses}: both give the same bits, so the choice is
 * only about speed); then the sums G and S over the chunk's prompts in increasing p. A chunk's result depends on
 * its prompts alone.
 */
final class ChunkKernel {
  /**
   * Smallest token dimension D and prompt length L at which prompts are processed one at a time with their
   * tokens as lanes. Measured (issue 16; the chunk alone, CPU time per prompt, prompt lanes → token lanes, JDK
   * 17.0.15 on the 2-core AVX-512 EPYC under load 4–8): D 53, L 100, H 3 (paper) 20.8 → 15.6 µs; D 53, L 60:
   * 13.2 → 10.3; D 53, L 30: 7.6 → 6.9; D 34, L 100: 10.2 → 8.1; D 30, L 50: 6.6 → 5.8; D 24, L 100: 7.3 → 6.2;
   * D 18, L 100: 5.76 → 5.75; D 15, L 1000: 79 → 75. The other way: D 53, L 10: 4.1 → 5.4; D 18, L 30:
   * 1.9 → 2.2; D 14, L 60: 4.3 → 4.8; the ladder's D 4–8, L 10–60: 15–110 % slower (loops over that few lanes
   * are mostly C2's scalar pre- and post-loops).
   */
  static final int TOKEN_LANES_FROM_DIM = 20;
  static final int TOKEN_LANES_FROM_LENGTH = 24;

  private final int heads;
  private final int dd;
  private final int n;
  private final ChunkPasses passes;
  /** xq[k][p]: the chunk's queries (lanes: prompts), for b = M z_q. */
  private final double[][] xq;
  /** b[h][k][p] = (M^h z_q)_k. */
  private final double[][][] b;
  /** qRows[p]: the query of prompt p (row-major copy); gRow: one row of G being accumulated. */
  private final double[][] qRows;
  private final double[] gRow;

  ChunkKernel(ProblemConfig config, int capacity) {
    this(config, capacity, tokenLanes(config));
  }

  /** With the per-prompt passes' layout chosen by the caller (tests compare the two). */
  ChunkKernel(ProblemConfig config, int capacity, boolean tokenLanes) {
    this.heads = config.heads();
    this.dd = config.tokenDim();
    this.n = config.tasks();
    this.passes = tokenLanes ? new TokenLanePasses(config, capacity) : new PromptLanePasses(config, capacity);
    this.xq = new double[dd][capacity];
    this.b = new double[heads][dd][capacity];
    this.qRows = new double[capacity][dd];
    this.gRow = new double[dd];
  }

  /** Whether {@link TokenLanePasses} is the faster layout for this problem's sizes. */
  static boolean tokenLanes(ProblemConfig config) {
    return config.tokenDim() >= TOKEN_LANES_FROM_DIM && config.promptLength() >= TOKEN_LANES_FROM_LENGTH;
  }

  /**
   * Loss sum (Σ_p (1/n) ‖y_q − ŷ‖²) of the prompts in {@code block}; per-prompt losses into {@code perPrompt}
   * from {@code firstPrompt} if given; if {@code gPart} is given, writes (not adds) the chunk's G^h into
   * {@code gPart[h]} (D×D) and S^h into {@code sPart[h]} (n×D), scaled by {@code gScale}.
   */
  double chunk(PromptBlock block, double[][] m, double[][] w, double @Nullable [][] gPart,
      double @Nullable [][] sPart, double gScale, double @Nullable [] perPrompt, int firstPrompt) {
    int c = block.count;
    for (int p = 0; p < c; p++) {
      System.arraycopy(block.queries, p * dd, qRows[p], 0, dd);
      for (int k = 0; k < dd; k++) {
        xq[k][p] = block.queries[p * dd + k];
      }
    }
    for (int h = 0; h < heads; h++) {
      LaneLoops.matrixTimes(m[h], dd, dd, xq, b[h], c, false);
    }
    boolean backward = gPart != null && sPart != null;
    double lossSum = passes.run(block, b, w, backward, gScale, perPrompt, firstPrompt);
    if (gPart == null || sPart == null) {
      return lossSum;
    }
    for (int h = 0; h < heads; h++) {
      outerOverPrompts(passes.g, n, passes.r[h], dd, sPart[h], c);
      queryOuter(passes.gb[h], gPart[h], c);
    }
    return lossSum;
  }

  /**
   * {@code out[i][k] = Σ_p a[i][p] bm[k][p]} (rows × cols, row-major), p in increasing order. Four outputs at a
   * time: four independent add chains instead of one (a chain waits on each add's latency; issue 16), each still
   * summed in increasing p from zero.
   */
  private static void outerOverPrompts(double[][] a, int rows, double[][] bm, int cols, double[] out, int c) {
    for (int i = 0; i < rows; i++) {
      double[] ai = a[i];
      int k = 0;
      for (; k + 3 < cols; k += 4) {
        double[] b0 = bm[k];
        double[] b1 = bm[k + 1];
        double[] b2 = bm[k + 2];
        double[] b3 = bm[k + 3];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int p = 0; p < c; p++) {
          double x = ai[p];
          s0 += x * b0[p];
          s1 += x * b1[p];
          s2 += x * b2[p];
          s3 += x * b3[p];
        }
        out[i * cols + k] = s0;
        out[i * cols + k + 1] = s1;
        out[i * cols + k + 2] = s2;
        out[i * cols + k + 3] = s3;
      }
      for (; k < cols; k++) {
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
