package io.github.softmaxicl.numerics.full;

import java.util.Arrays;

/**
 * The element-wise loops of {@link PromptLanePasses} (and b = M z_q of {@link ChunkKernel}) over a chunk's prompts
 * ("lanes"). Every operand is a set of rows, one {@code double[]} per index of the math (token coordinate, token,
 * task), holding one entry per prompt: {@code x[r][p]}. Token arrays hold row {@code l * D + k} for coordinate k
 * of token l.
 *
 * <p>Why this shape: every per-prompt operation becomes a loop over prompts with no cross-prompt reduction, which
 * HotSpot's C2 compiler vectorises. Each prompt is one lane and is computed with exactly the scalar sequence of
 * IEEE operations written here (Java never contracts {@code a * b + c} into an FMA, and a lane never mixes with
 * another), so the bits do not depend on the vector width, on the number of prompts in the chunk or on the
 * machine. Rows are separate arrays indexed by p alone because C2 (JDK 17) does not vectorise loops whose loads
 * and stores use different offsets into arrays that might alias, nor loops over about eight or more distinct
 * arrays (both measured with JDK 17.0.15: seven arrays vectorise, nine do not): so a product of two lane-varying
 * rows is combined three terms per accumulator store (seven arrays), a row times a scalar four terms. The
 * grouping fixes the summation order, which {@link TokenLaneLoops} repeats exactly.
 *
 * <p>Measured ceiling of this loop shape (issue 16, JDK 17.0.15, AVX-512 EPYC): the three-term loop
 * {@code o[p] += t0 v0 + t1 v1 + t2 v2} (seven loads and one store per six flops) runs alone, all in L1, at
 * ≈ 12 GFLOP/s over 32 lanes, 14 over 64, 17 over 256, and 5.6 with vectorisation off. The kernel's token
 * sweeps reach ≈ 8–9 GFLOP/s. Tried without a gain beyond noise (±5 %): one backward sweep instead of two,
 * transposing tokens inside the score sweep, blocking the sweeps over token coordinates so the accumulators stay
 * in L1, and 16, 48, 64 or 128 lanes per chunk. The loop is load-bound, not memory-bound; {@link TokenLaneLoops}
 * halves the loads per flop for large prompts.
 */
final class LaneLoops {
  private LaneLoops() {}

  /**
   * {@code out[h][l][p] = Σ_k tok[l D + k][p] v[h][k][p]} for every head h &lt; {@code heads}, token l &lt;
   * {@code ll} and prompt p &lt; {@code c}: per prompt, the dot products of every token with one D-vector per head
   * (attention scores, and their adjoint ∂F/∂p). The heads share each pass over the tokens, so the chunk's
   * tokens (the largest array, beyond L1) are streamed once, not H times.
   */
  static void tokenDots(double[][] tok, double[][][] v, double[][][] out, int heads, int ll, int dd, int c) {
    for (int l = 0; l < ll; l++) {
      for (int h = 0; h < heads; h++) {
        Arrays.fill(out[h][l], 0, c, 0.0);
      }
      int to = l * dd;
      int k = 0;
      for (; k + 2 < dd; k += 3) {
        double[] t0 = tok[to + k];
        double[] t1 = tok[to + k + 1];
        double[] t2 = tok[to + k + 2];
        for (int h = 0; h < heads; h++) {
          double[] o = out[h][l];
          double[] v0 = v[h][k];
          double[] v1 = v[h][k + 1];
          double[] v2 = v[h][k + 2];
          for (int p = 0; p < c; p++) {
            o[p] += t0[p] * v0[p] + t1[p] * v1[p] + t2[p] * v2[p];
          }
        }
      }
      for (; k < dd; k++) {
        double[] t0 = tok[to + k];
        for (int h = 0; h < heads; h++) {
          double[] o = out[h][l];
          double[] v0 = v[h][k];
          for (int p = 0; p < c; p++) {
            o[p] += t0[p] * v0[p];
          }
        }
      }
    }
  }

  /**
   * {@code out[h][k][p] = Σ_l w[h][l][p] tok[l D + k][p]} for every head: per prompt, the w-weighted sum of its
   * tokens (r = Z p, and the adjoint ∂F/∂b = Z (∂F/∂s)); one pass over the tokens for all heads.
   */
  static void weightedTokenSum(double[][] tok, double[][][] w, double[][][] out, int heads, int ll, int dd,
      int c) {
    for (int h = 0; h < heads; h++) {
      for (int k = 0; k < dd; k++) {
        Arrays.fill(out[h][k], 0, c, 0.0);
      }
    }
    int l = 0;
    for (; l + 2 < ll; l += 3) {
      int base = l * dd;
      for (int k = 0; k < dd; k++) {
        double[] t0 = tok[base + k];
        double[] t1 = tok[base + dd + k];
        double[] t2 = tok[base + 2 * dd + k];
        for (int h = 0; h < heads; h++) {
          double[] o = out[h][k];
          double[] w0 = w[h][l];
          double[] w1 = w[h][l + 1];
          double[] w2 = w[h][l + 2];
          for (int p = 0; p < c; p++) {
            o[p] += w0[p] * t0[p] + w1[p] * t1[p] + w2[p] * t2[p];
          }
        }
      }
    }
    for (; l < ll; l++) {
      int base = l * dd;
      for (int k = 0; k < dd; k++) {
        double[] t0 = tok[base + k];
        for (int h = 0; h < heads; h++) {
          double[] o = out[h][k];
          double[] w0 = w[h][l];
          for (int p = 0; p < c; p++) {
            o[p] += w0[p] * t0[p];
          }
        }
      }
    }
  }

  /**
   * {@code out[r][p] = Σ_j a[r][j] x[j][p]} for a {@code rows × cols} row-major matrix a shared by all prompts
   * ({@code add}: added to out instead of written).
   */
  static void matrixTimes(double[] a, int rows, int cols, double[][] x, double[][] out, int c, boolean add) {
    for (int r = 0; r < rows; r++) {
      double[] o = out[r];
      int ar = r * cols;
      if (!add) {
        Arrays.fill(o, 0, c, 0.0);
      }
      int j = 0;
      for (; j + 3 < cols; j += 4) {
        double a0 = a[ar + j];
        double a1 = a[ar + j + 1];
        double a2 = a[ar + j + 2];
        double a3 = a[ar + j + 3];
        double[] x0 = x[j];
        double[] x1 = x[j + 1];
        double[] x2 = x[j + 2];
        double[] x3 = x[j + 3];
        for (int p = 0; p < c; p++) {
          o[p] += a0 * x0[p] + a1 * x1[p] + a2 * x2[p] + a3 * x3[p];
        }
      }
      for (; j < cols; j++) {
        double a0 = a[ar + j];
        double[] x0 = x[j];
        for (int p = 0; p < c; p++) {
          o[p] += a0 * x0[p];
        }
      }
    }
  }

  /** {@code out[k][p] = Σ_i a[i][k] x[i][p]}: the transpose of a {@code rows × cols} row-major a times x. */
  static void transposeTimes(double[] a, int rows, int cols, double[][] x, double[][] out, int c) {
    for (int k = 0; k < cols; k++) {
      double[] o = out[k];
      Arrays.fill(o, 0, c, 0.0);
      for (int i = 0; i < rows; i++) {
        double aik = a[i * cols + k];
        double[] x0 = x[i];
        for (int p = 0; p < c; p++) {
          o[p] += aik * x0[p];
        }
      }
    }
  }

  /**
   * In place, per prompt: {@code s[l][p] ← exp(s[l][p] − max_l s) / Σ_l exp(…)}, the softmax over the
   * {@code ll} tokens with max-subtraction, the exponential by {@link LaneExp} (the same bits on every machine).
   * {@code max}, {@code sum}, {@code scratchR} and {@code scratchK} are lane scratch of length ≥ c.
   */
  static void softmax(double[][] s, int ll, int c, double[] max, double[] sum, double[] scratchR,
      double[] scratchK) {
    System.arraycopy(s[0], 0, max, 0, c);
    for (int l = 1; l < ll; l++) {
      double[] sl = s[l];
      for (int p = 0; p < c; p++) {
        double v = sl[p];
        max[p] = v > max[p] ? v : max[p];
      }
    }
    Arrays.fill(sum, 0, c, 0.0);
    for (int l = 0; l < ll; l++) {
      double[] sl = s[l];
      for (int p = 0; p < c; p++) {
        sl[p] = sl[p] - max[p];
      }
      LaneExp.expInPlace(sl, c, scratchR, scratchK);
      for (int p = 0; p < c; p++) {
        sum[p] += sl[p];
      }
    }
    for (int p = 0; p < c; p++) {
      sum[p] = 1.0 / sum[p];
    }
    for (int l = 0; l < ll; l++) {
      double[] sl = s[l];
      for (int p = 0; p < c; p++) {
        sl[p] *= sum[p];
      }
    }
  }

  /**
   * In place, per prompt, the adjoint of the softmax: {@code g[l][p] ← prob[l][p] (g[l][p] − Σ_l' prob[l'][p]
   * g[l'][p])}, from ∂F/∂(probabilities) to ∂F/∂(scores). {@code mean} is lane scratch of length ≥ c.
   */
  static void softmaxAdjoint(double[][] prob, double[][] g, int ll, int c, double[] mean) {
    Arrays.fill(mean, 0, c, 0.0);
    for (int l = 0; l < ll; l++) {
      double[] pl = prob[l];
      double[] gl = g[l];
      for (int p = 0; p < c; p++) {
        mean[p] += pl[p] * gl[p];
      }
    }
    for (int l = 0; l < ll; l++) {
      double[] pl = prob[l];
      double[] gl = g[l];
      for (int p = 0; p < c; p++) {
        gl[p] = pl[p] * (gl[p] - mean[p]);
      }
    }
  }
}
