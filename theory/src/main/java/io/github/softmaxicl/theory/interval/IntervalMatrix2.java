package io.github.softmaxicl.theory.interval;

/**
 * A 2×2 matrix of intervals {@code [[a11, a12], [a21, a22]]}: an enclosure of the Jacobian of a map of the plane
 * over a box (not symmetric in general; the Hessian of a scalar loss is the symmetric case).
 *
 * @param a11 row 1, column 1
 * @param a12 row 1, column 2
 * @param a21 row 2, column 1
 * @param a22 row 2, column 2
 */
public record IntervalMatrix2(Interval a11, Interval a12, Interval a21, Interval a22) {

  /** The symmetric matrix as a general one. */
  public static IntervalMatrix2 of(SymmetricIntervalMatrix2 s) {
    return new IntervalMatrix2(s.ww(), s.wm(), s.wm(), s.mm());
  }
}
