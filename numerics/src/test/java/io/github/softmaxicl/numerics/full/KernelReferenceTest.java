package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/**
 * The chunked, prompt-minor kernel of {@link FullModel} against a straightforward per-prompt backpropagation
 * written here in the original Q, K, V, O form (no M = KᵀQ, no W = OV, no layout change), on configurations
 * that stress the kernel's edges: unequal blocks, more heads than tasks, noise σ &gt; 0, prompt counts that the
 * chunk size does not divide, L and D odd (the kernel's two-at-a-time loops have tails).
 *
 * <p>Error budget. Both sides compute every entry as a sum of products along a chain of at most
 * m = N + 2L + 4D + 2n + 16 rounded operations (the prompt sum N; the softmax sum and the adjoint's mean over L;
 * dot products and matrix products over D, four deep; the outputs over n; exp, divisions and the final weight
 * products as the constant). The classical bound gives |computed − exact| ≤ γ_m Σ|terms| ≈ m·u·A per side,
 * where A is the same computation with every factor replaced by its absolute value and every difference by a
 * sum (computed below by the reference in "magnitude" mode). So the two sides may differ by 2·m·u·A per entry;
 * the assertion uses exactly that, with u = 2⁻⁵³.
 */
class KernelReferenceTest {
  private static final double U = 0x1p-53;

  @Test
  void unequalBlocksMoreHeadsThanTasksNoisyUnevenChunks() {
    // d = 5 in blocks 2 + 3 (n = 2, D = 7), H = 3 > n, L = 13, σ = 0.3: 7 plain prompts, less than one chunk.
    check(ProblemConfig.of(5, new int[] {2, 3}, 3, 13, 0.3, 1.0), 7, 0.4, 11L);
    // 3 blocks (1, 4, 2): D = 10, H = 4 > n = 3, L = 9, 101 prompts = 3 full chunks + 5.
    check(ProblemConfig.of(7, new int[] {1, 4, 2}, 4, 9, 0.5, 1.0), 101, 0.3, 12L);
  }

  /**
   * The smallest shapes next to the larger token-lane ones: D = 3 (fewer columns than the 4-way unrolled outer
   * products) with L = 2 (fewer token rows, L·D = 6, than the 8-way blocked load), and a token-lane problem whose
   * L = 24 fills its lanes exactly (no padding lane).
   */
  @Test
  void shapesBelowTheUnrollingAndWithoutPaddingLanes() {
    check(ProblemConfig.of(2, new int[] {2}, 1, 2, 0.2, 1.0), 9, 0.5, 15L);
    check(ProblemConfig.of(18, new int[] {9, 9}, 1, 24, 0.1, 1.0), 3, 0.3, 16L);
  }

  @Test
  void oneTwoThreeThreadsGiveTheSameBits() {
    ProblemConfig c = ProblemConfig.of(7, new int[] {1, 4, 2}, 4, 9, 0.5, 1.0);
    AttentionWeights w = Fixtures.randomWeights(c, 0.3, 13L);
    // 611 prompts: 20 chunks (more than one wave of 16) and a last chunk of 3.
    PromptSource prompts = PromptSampler.of(c, 14L, 611, false);
    LossAndGradient[] r = new LossAndGradient[3];
    for (int t = 1; t <= 3; t++) {
      try (FullModel m = new FullModel(c, t)) {
        r[t - 1] = m.lossAndGradient(w, prompts);
      }
    }
    for (int t = 1; t < 3; t++) {
      assertEquals(Double.doubleToRawLongBits(r[0].loss()), Double.doubleToRawLongBits(r[t].loss()));
      assertArrayEquals(r[0].gradient(), r[t].gradient(), 0.0);
    }
  }

  private static void check(ProblemConfig c, int prompts, double scale, long seed) {
    AttentionWeights w = Fixtures.randomWeights(c, scale, seed);
    PromptSource src = PromptSampler.of(c, seed + 100, prompts, false);
    int size = AttentionWeights.size(c);
    double[] refGrad = new double[size];
    double[] magnitude = new double[size];
    double refLoss = 0;
    double lossMagnitude = 0;
    PromptBlock block = new PromptBlock(c, 1);
    for (int p = 0; p < src.size(); p++) {
      src.fill(p, 1, block);
      refLoss += promptLossAndGradient(c, w, block, src.size(), false, refGrad);
      lossMagnitude += promptLossAndGradient(c, w, block, src.size(), true, magnitude);
    }
    refLoss /= src.size();
    lossMagnitude /= src.size();
    LossAndGradient got;
    try (FullModel m = new FullModel(c, 2)) {
      got = m.lossAndGradient(w, src);
    }
    int m = src.size() + 2 * c.promptLength() + 4 * c.tokenDim() + 2 * c.tasks() + 16;
    double budget = 2 * m * U;
    assertTrue(Math.abs(got.loss() - refLoss) <= budget * lossMagnitude,
        "loss " + got.loss() + " vs reference " + refLoss);
    double worst = 0;
    for (int i = 0; i < size; i++) {
      double diff = Math.abs(got.gradient()[i] - refGrad[i]);
      assertTrue(diff <= budget * magnitude[i], "gradient entry " + i + ": " + got.gradient()[i] + " vs reference "
          + refGrad[i] + ", allowed " + budget * magnitude[i]);
      worst = Math.max(worst, magnitude[i] == 0 ? 0 : diff / (budget * magnitude[i]));
    }
    System.out.printf("kernel vs reference: worst gradient difference = %.3f of its budget%n", worst);
  }

  /**
   * One prompt's loss (1/n)‖y_q − ŷ‖², and its contribution to ∇F = (1/N) Σ_p ∇loss_p added into {@code grad}
   * (flat layout of {@link AttentionWeights}). In magnitude mode ({@code abs}) every weight and token is replaced
   * by its absolute value and every difference by a sum, with the true softmax probabilities: the result bounds
   * Σ|terms| of each entry's computation.
   */
  private static double promptLossAndGradient(ProblemConfig c, AttentionWeights w, PromptBlock b, int count,
      boolean abs, double[] grad) {
    int dd = c.tokenDim();
    int n = c.tasks();
    int ll = c.promptLength();
    int heads = c.heads();
    double invRootD = 1.0 / Math.sqrt(dd);
    double[][] z = new double[ll][dd];
    double[] zq = new double[dd];
    double[] y = new double[n];
    for (int l = 0; l < ll; l++) {
      for (int k = 0; k < dd; k++) {
        z[l][k] = a(b.token(0, l, k), abs);
      }
    }
    for (int k = 0; k < dd; k++) {
      zq[k] = a(b.query(0, k), abs);
    }
    for (int i = 0; i < n; i++) {
      y[i] = a(b.target(0, i), abs);
    }
    double[][] q = new double[heads][];
    double[][] kk = new double[heads][];
    double[][] v = new double[heads][];
    double[][] o = new double[heads][];
    double[][] qz = new double[heads][];
    double[][][] kz = new double[heads][ll][];
    double[][] prob = new double[heads][ll];
    double[][] att = new double[heads][];
    double[][] vr = new double[heads][];
    double[] yhat = new double[n];
    for (int h = 0; h < heads; h++) {
      q[h] = abs(w.block(4 * h), abs);
      kk[h] = abs(w.block(4 * h + 1), abs);
      v[h] = abs(w.block(4 * h + 2), abs);
      o[h] = abs(w.block(4 * h + 3), abs);
      qz[h] = times(q[h], dd, zq);
      // The probabilities are always the true ones (in [0, 1]): from the signed weights and tokens.
      double[] qzTrue = times(w.block(4 * h), dd, signedQuery(b, dd));
      double[] s = new double[ll];
      double max = Double.NEGATIVE_INFINITY;
      for (int l = 0; l < ll; l++) {
        kz[h][l] = times(kk[h], dd, z[l]);
        double[] kzTrue = times(w.block(4 * h + 1), dd, signedToken(b, l, dd));
        s[l] = dot(kzTrue, qzTrue) * invRootD;
        max = Math.max(max, s[l]);
      }
      double norm = 0;
      for (int l = 0; l < ll; l++) {
        prob[h][l] = Math.exp(s[l] - max);
        norm += prob[h][l];
      }
      att[h] = new double[dd];
      for (int l = 0; l < ll; l++) {
        prob[h][l] /= norm;
        for (int k = 0; k < dd; k++) {
          att[h][k] += prob[h][l] * z[l][k];
        }
      }
      vr[h] = times(v[h], dd, att[h]);
      double[] out = times(o[h], dd, vr[h]);
      for (int i = 0; i < n; i++) {
        yhat[i] += out[i];
      }
    }
    double loss = 0;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      double e = abs ? yhat[i] + y[i] : yhat[i] - y[i];
      loss += e * e;
      g[i] = 2.0 * e / ((double) n * count);
    }
    for (int h = 0; h < heads; h++) {
      int oq = AttentionWeights.flatOffset(c, h, 0);
      int ok = AttentionWeights.flatOffset(c, h, 1);
      int ov = AttentionWeights.flatOffset(c, h, 2);
      int oo = AttentionWeights.flatOffset(c, h, 3);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < dd; k++) {
          grad[oo + i * dd + k] += g[i] * vr[h][k];
        }
      }
      double[] gvr = transposeTimes(o[h], n, dd, g);
      for (int i = 0; i < dd; i++) {
        for (int k = 0; k < dd; k++) {
          grad[ov + i * dd + k] += gvr[i] * att[h][k];
        }
      }
      double[] gatt = transposeTimes(v[h], dd, dd, gvr);
      double[] gp = new double[ll];
      double mean = 0;
      for (int l = 0; l < ll; l++) {
        gp[l] = dot(z[l], gatt);
        mean += prob[h][l] * gp[l];
      }
      for (int l = 0; l < ll; l++) {
        double gs = prob[h][l] * (abs ? gp[l] + mean : gp[l] - mean) * invRootD;
        // s_l = (K z_l)·(Q z_q)/√D: ∂/∂K = (Q z_q) z_lᵀ, ∂/∂Q = (K z_l) z_qᵀ.
        for (int i = 0; i < dd; i++) {
          for (int k = 0; k < dd; k++) {
            grad[ok + i * dd + k] += gs * qz[h][i] * z[l][k];
            grad[oq + i * dd + k] += gs * kz[h][l][i] * zq[k];
          }
        }
      }
    }
    return loss / n;
  }

  private static double a(double x, boolean abs) {
    return abs ? Math.abs(x) : x;
  }

  private static double[] abs(double[] x, boolean abs) {
    double[] out = x.clone();
    if (abs) {
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.abs(out[i]);
      }
    }
    return out;
  }

  private static double[] signedQuery(PromptBlock b, int dd) {
    double[] zq = new double[dd];
    for (int k = 0; k < dd; k++) {
      zq[k] = b.query(0, k);
    }
    return zq;
  }

  private static double[] signedToken(PromptBlock b, int l, int dd) {
    double[] z = new double[dd];
    for (int k = 0; k < dd; k++) {
      z[k] = b.token(0, l, k);
    }
    return z;
  }

  /** m x for a row-major matrix with {@code cols} columns. */
  private static double[] times(double[] m, int cols, double[] x) {
    double[] out = new double[m.length / cols];
    for (int i = 0; i < out.length; i++) {
      for (int j = 0; j < cols; j++) {
        out[i] += m[i * cols + j] * x[j];
      }
    }
    return out;
  }

  /** mᵀ x for a row-major rows × cols matrix. */
  private static double[] transposeTimes(double[] m, int rows, int cols, double[] x) {
    double[] out = new double[cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[j] += m[i * cols + j] * x[i];
      }
    }
    return out;
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }
}
