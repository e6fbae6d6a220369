package io.github.softmaxicl.numerics.full;

/**
 * The exponential of the full model's softmax, over a row of arguments at a time, in plain double arithmetic that
 * HotSpot's C2 vectorises.
 *
 * <p>Why not {@code FastMath.exp}: it is a table look-up per argument (two tables, a branch per range), which C2
 * cannot vectorise; it cost ≈ 4–5 ns per call and was a third of the kernel's time at the ladder's sizes (JMH stack
 * profile, blocks 2+2, H 2, L 30) and a sixth at paper sizes (issue 16). {@code java.lang.Math.exp} is not an
 * option: it may be a platform intrinsic, so its bits could depend on the machine.
 *
 * <p>Method (Cody–Waite): {@code x = k ln 2 + r} with k = rint(x log₂e) (rounded by adding and subtracting
 * 1.5·2⁵², exact for |x log₂e| &lt; 2⁵¹) and r = (x − k ln2_hi) − k ln2_lo, where ln2_hi has 32 significant bits
 * so that k·ln2_hi and the first subtraction are exact for |k| ≤ 2²¹; |r| ≤ ln2/2 + 2⁻³⁰. Then
 * e^r = 1 + (r + r² q(r)) with q the Taylor polynomial of (e^r − 1 − r)/r² to degree 11 (terms through r¹³/13!;
 * truncation below (ln2/2)¹⁴/14! ≈ 4·10⁻¹⁸ relative, under a twentieth of an ulp), and e^x = e^r · 2^k by
 * multiplying with an exact power of two built from k's bits (in a separate loop, so that the
 * polynomial's loop stays vectorisable). Measured error: within 1 ulp of {@code StrictMath.exp} (fdlibm, itself
 * within 1 ulp of e^x) on every argument tried ({@code LaneExpTest}), so within 2 ulp of e^x.
 *
 * <p>Outside −1020 ≤ k ≤ 1020 (|x| above ≈ 707, where 2^k or the product would leave the normal range), and for
 * NaN, the result is {@code StrictMath.exp(x)}; the softmax's arguments are s − max s ≤ 0 and reach that range only
 * for probabilities below 10⁻³⁰⁷.
 *
 * <p>Determinism: every element goes through the same IEEE operations in the same order whether C2 runs the loop
 * as vectors or as scalars (no FMA contraction in Java, no lane mixing), so the bits do not depend on the vector
 * width, the row length or the machine ({@code LaneExpTest} compares long rows with one-element calls).
 */
final class LaneExp {
  private static final double LOG2_E = 1.4426950408889634;
  /** ln 2's leading 32 bits (fdlibm's ln2_hi, 0x3fe62e42fee00000) and the rest. */
  private static final double LN2_HI = 6.93147180369123816490e-01;
  private static final double LN2_LO = 1.90821492927058770002e-10;
  /** 1.5·2⁵²: adding and subtracting it rounds to an integer (ties to even). */
  private static final double ROUNDER = 0x1.8p52;
  private static final int MAX_K = 1020;
  /**
   * 1.5·2⁵² + 1023: for an integer-valued k with |k| ≤ 1020, k + this is exact and its 12 lowest significand bits
   * are k + 1023 (2⁵¹'s bit lies above them), so shifting its bits left by 52 gives the bits of 2^k: a biased
   * exponent in [3, 2043], sign and significand 0. Cheaper than a table look-up (≈ 1 against 2 ns per element).
   */
  private static final double EXPONENT_BIAS_SHIFT = 0x1.8p52 + 1023;

  // 1/j! for j = 2 … 13; the divisions are exact-rounded constants, folded at compile time.
  private static final double C2 = 1.0 / 2;
  private static final double C3 = 1.0 / 6;
  private static final double C4 = 1.0 / 24;
  private static final double C5 = 1.0 / 120;
  private static final double C6 = 1.0 / 720;
  private static final double C7 = 1.0 / 5040;
  private static final double C8 = 1.0 / 40320;
  private static final double C9 = 1.0 / 362880;
  private static final double C10 = 1.0 / 3628800;
  private static final double C11 = 1.0 / 39916800;
  private static final double C12 = 1.0 / 479001600;
  private static final double C13 = 1.0 / 6227020800.0;

  private LaneExp() {}

  /**
   * In place, {@code x[i] ← exp(x[i])} for i &lt; {@code n}; {@code r} and {@code k} are scratch of length ≥ n.
   * Three loops: the reduction and the polynomial (vectorised; splitting them keeps each loop body small enough
   * for C2 to vectorise it over rows as short as 32, which one fused loop was not: 7 against 2.6 ns per element),
   * then the scaling by 2^k (scalar: C2 does not vectorise the bit moves).
   */
  static void expInPlace(double[] x, int n, double[] r, double[] k) {
    for (int i = 0; i < n; i++) {
      double v = x[i];
      double kd = (v * LOG2_E + ROUNDER) - ROUNDER;
      k[i] = kd;
      r[i] = (v - kd * LN2_HI) - kd * LN2_LO;
    }
    for (int i = 0; i < n; i++) {
      double t = r[i];
      double q = C13;
      q = q * t + C12;
      q = q * t + C11;
      q = q * t + C10;
      q = q * t + C9;
      q = q * t + C8;
      q = q * t + C7;
      q = q * t + C6;
      q = q * t + C5;
      q = q * t + C4;
      q = q * t + C3;
      q = q * t + C2;
      r[i] = 1.0 + (t + t * t * q);
    }
    for (int i = 0; i < n; i++) {
      double kd = k[i];
      if (kd >= -MAX_K && kd <= MAX_K) {
        x[i] = r[i] * Double.longBitsToDouble(Double.doubleToRawLongBits(kd + EXPONENT_BIAS_SHIFT) << 52);
      } else {
        x[i] = StrictMath.exp(x[i]);
      }
    }
  }

  /** e^x for one argument, by the same operations as {@link #expInPlace} (for tests and comparisons). */
  static double exp(double x) {
    double[] v = {x};
    expInPlace(v, 1, new double[1], new double[1]);
    return v[0];
  }
}
