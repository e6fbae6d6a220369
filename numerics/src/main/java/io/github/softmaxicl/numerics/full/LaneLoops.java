package io.github.softmaxicl.numerics.full;

import java.util.Arrays;

/**
 * The element-wise loops of {@link ChunkKernel}. Every operand is a set of rows, one {@code double[]} per index of
 * the math, and every loop runs over the entries ("lanes") of rows, with no reduction across lanes: the lanes are
 * a chunk's prompts ({@link #matrixTimes}), or one prompt's tokens or token coordinates ({@link #combineRows},
 * {@link #transposeTimes}).
 *
 * <p>Why this shape: a loop over lanes with no cross-lane reduction is what HotSpot's C2 compiler vectorises, and
 * each lane is computed with exactly the scalar sequence of IEEE operations written here (Java never contracts
 * {@code a * b + c} into an FMA, and a lane never mixes with another), so the bits do not depend on the vector
 * width, on the number of lanes or on the machine. Rows are separate arrays indexed by the lane alone because C2
 * (JDK 17) does not vectorise loops whose loads and stores use different offsets into arrays that might alias,
 * nor loops over about eight or more distinct arrays (both measured with JDK 17.0.15: seven arrays vectorise,
 * nine do not).
 *
 * <p>Why {@link #combineRows} is the kernel's workhorse (issue 16): with the chunk's prompts as lanes, both
 * factors of every token product vary per lane, so the loop {@code o[p] += t0 v0 + t1 v1 + t2 v2} loads seven
 * rows and stores one per six flops and is bound by loads (≈ 12 GFLOP/s alone in L1, 8–9 in the kernel; fusing
 * passes, blocking for L1 and 16–128 lanes gave ±5 %). With one prompt's tokens as lanes, the per-prompt vector
 * (b, p, ∂F/∂r, ∂F/∂s) becomes a scalar held in a register, and one pass serves up to three heads: the loop
 * {@code o_h[i] += c_h0 x0[i] + c_h1 x1[i] + c_h2 x2[i]}, h = 1..3, loads three rows of tokens and three
 * accumulators and stores three per eighteen flops, three times the work per memory operation.
 */
final class LaneLoops {
  private LaneLoops() {}

  /**
   * {@code out[h][i] = Σ_j coef[h][j] x[j][i]} for every head h &lt; {@code heads} and lane i &lt; {@code lanes},
   * j &lt; {@code rows} in increasing order, three terms per accumulator store (then one), each product written
   * coefficient times row. With x the transposed tokens (rows k, lanes l) and coef = b or ∂F/∂r this is the
   * scores s_l = z_l · b and their adjoint; with x the tokens (rows l, lanes k) and coef = p or ∂F/∂s it is
   * r = Z p and ∂F/∂b = Z ∂F/∂s. Heads are taken three (or two) at a time so each loaded row serves them all.
   */
  static void combineRows(double[][] x, int rows, double[][] coef, double[][] out, int heads, int lanes) {
    for (int h = 0; h < heads; h++) {
      Arrays.fill(out[h], 0, lanes, 0.0);
    }
    int j = 0;
    for (; j + 2 < rows; j += 3) {
      double[] x0 = x[j];
      double[] x1 = x[j + 1];
      double[] x2 = x[j + 2];
      for (int h = 0; h < heads; h++) {
        double[] o = out[h];
        double a0 = coef[h][j];
        double a1 = coef[h][j + 1];
        double a2 = coef[h][j + 2];
        for (int i = 0; i < lanes; i++) {
          o[i] += a0 * x0[i] + a1 * x1[i] + a2 * x2[i];
        }
      }
    }
    for (; j < rows; j++) {
      double[] x0 = x[j];
      for (int h = 0; h < heads; h++) {
        double[] o = out[h];
        double a0 = coef[h][j];
        for (int i = 0; i < lanes; i++) {
          o[i] += a0 * x0[i];
        }
      }
    }
  }

  /**
   * {@code out[r][p] = Σ_j a[r][j] x[j][p]} for a {@code rows × cols} row-major matrix a shared by all prompts
   * ({@code add}: added to out instead of written); lanes are the chunk's prompts, four terms per store.
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

  /**
   * {@code out[k] = Σ_i rows[i][k] x[i]} for k &lt; {@code lanes}, i &lt; {@code count} in increasing order, one
   * term per store: one prompt's transpose of a matrix (given by its rows) times a vector, ∂F/∂r = Wᵀ g.
   */
  static void transposeTimes(double[][] rows, int count, double[] x, double[] out, int lanes) {
    Arrays.fill(out, 0, lanes, 0.0);
    for (int i = 0; i < count; i++) {
      double[] ri = rows[i];
      double xi = x[i];
      for (int k = 0; k < lanes; k++) {
        out[k] += ri[k] * xi;
      }
    }
  }

  /**
   * In place, one prompt: {@code s[l] ← exp(s[l] − max_l s) / Σ_l exp(…)} over the first {@code ll} entries,
   * the softmax with max-subtraction; the sum runs over l in increasing order.
   */
  static void softmax(double[] s, int ll) {
    double max = s[0];
    for (int l = 1; l < ll; l++) {
      double v = s[l];
      max = v > max ? v : max;
    }
    double sum = 0;
    for (int l = 0; l < ll; l++) {
      // FastMath.exp: pure Java, so the same bits on every machine (java.lang.Math.exp may use intrinsics).
      double e = org.hipparchus.util.FastMath.exp(s[l] - max);
      s[l] = e;
      sum += e;
    }
    double inv = 1.0 / sum;
    for (int l = 0; l < ll; l++) {
      s[l] *= inv;
    }
  }

  /**
   * In place, one prompt, the adjoint of the softmax over the first {@code ll} entries: {@code g[l] ← prob[l]
   * (g[l] − Σ_l' prob[l'] g[l'])}, from ∂F/∂(probabilities) to ∂F/∂(scores).
   */
  static void softmaxAdjoint(double[] prob, double[] g, int ll) {
    double mean = 0;
    for (int l = 0; l < ll; l++) {
      mean += prob[l] * g[l];
    }
    for (int l = 0; l < ll; l++) {
      g[l] = prob[l] * (g[l] - mean);
    }
  }
}
