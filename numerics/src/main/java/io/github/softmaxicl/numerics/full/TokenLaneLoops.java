package io.github.softmaxicl.numerics.full;

import java.util.Arrays;

/**
 * The element-wise loops of {@link TokenLanePasses}, over one prompt: its tokens or its token coordinates are the
 * lanes. Every operand is a set of rows, one {@code double[]} per index of the math, and no loop reduces across
 * lanes (the softmax's max and sums over tokens are scalar loops in increasing order).
 *
 * <p>Why (issue 16): with a chunk's prompts as lanes ({@link LaneLoops}), both factors of every token product
 * vary per lane, so the token loop {@code o[p] += t0 v0 + t1 v1 + t2 v2} loads seven rows and stores one per six
 * flops. With one prompt's tokens as lanes, the per-prompt vector (b, p, ∂F/∂r, ∂F/∂s) is a scalar held in a
 * register: {@code o[i] += c0 x0[i] + c1 x1[i] + c2 x2[i]} loads three rows and the accumulator and stores it per
 * six flops, and the three rows are reused from L1 for every head. Each output is still the same scalar
 * sequence of IEEE operations as in LaneLoops (same grouping in threes, same order; a product's operand order
 * does not change its bits), so the two layouts give identical results.
 *
 * <p>Measured (JDK 17.0.15, AVX-512 EPYC, thread CPU time at load 4–6): this loop alone, in L1, runs at
 * 15–20 GFLOP/s over 56–104 lanes and 23–24 over 1,024, bound by L1 loads and stores (five vector memory
 * operations per 48 flops); with vectorisation off, 9. {@code Math.fma} (which C2 vectorises too) gives the same
 * rate, as it must in a loop bound by memory operations, and would change the bits. What would lift the bound is
 * register blocking across heads (three accumulators per loop sharing the three row loads: 9 memory operations
 * per 18 flops), but C2 (JDK 17) does not vectorise a loop that stores to more than one array (measured:
 * 12.6 GFLOP/s, scalar speed), nor one that sums six rows through a temporary. The JDK's incubating Vector API
 * can: a prototype with 3 heads × 16 lanes of accumulators held in registers over the whole row sum (same
 * grouping, same bits) ran at 30–33 GFLOP/s against this loop's 20–21 in the same run; but it needs
 * {@code --add-modules jdk.incubator.vector} in every compile, test and run of every module that uses the full
 * model, and the token passes are only 42 % of the kernel's time at paper sizes (JFR, 1,024 stored prompts; the
 * rest: exp and softmax 17 %, the two token copies 13 %, b and G 12 %, per-prompt glue 7 %).
 */
final class TokenLaneLoops {
  private TokenLaneLoops() {}

  /**
   * {@code out[h][i] = Σ_j coef[h][j] x[j][i]} for every head h &lt; {@code heads} and lane i &lt; {@code lanes},
   * j &lt; {@code rows} in increasing order, three terms per accumulator store (then one), each product written
   * coefficient times row. With x the transposed tokens (rows k, lanes l) and coef = b or ∂F/∂r this is the
   * scores s_l = z_l · b and their adjoint; with x the tokens (rows l, lanes k) and coef = p or ∂F/∂s it is
   * r = Z p and ∂F/∂b = Z ∂F/∂s. The heads share each group of three rows while it sits in L1.
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
   * the softmax with max-subtraction, the exponential by {@link LaneExp}; the sum runs over l in increasing order.
   * {@code scratchR} and {@code scratchK} are scratch of length ≥ ll.
   */
  static void softmax(double[] s, int ll, double[] scratchR, double[] scratchK) {
    double max = s[0];
    for (int l = 1; l < ll; l++) {
      double v = s[l];
      max = v > max ? v : max;
    }
    for (int l = 0; l < ll; l++) {
      s[l] = s[l] - max;
    }
    LaneExp.expInPlace(s, ll, scratchR, scratchK);
    double sum = 0;
    for (int l = 0; l < ll; l++) {
      sum += s[l];
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
