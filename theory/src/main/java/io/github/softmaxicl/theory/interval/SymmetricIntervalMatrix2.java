package io.github.softmaxicl.theory.interval;

/**
 * A symmetric 2×2 matrix of intervals {@code [[ww, wm], [wm, mm]]}: an enclosure of the Hessian of one task's
 * loss in its on-task variables {@code (ω, μ)} over a box.
 *
 * @param ww enclosure of {@code ∂²/∂ω²}
 * @param wm enclosure of {@code ∂²/∂ω∂μ}
 * @param mm enclosure of {@code ∂²/∂μ²}
 */
public record SymmetricIntervalMatrix2(Interval ww, Interval wm, Interval mm) {

  /** Enclosure of the determinant {@code ww·mm − wm²} over all matrices of the enclosure. */
  public Interval determinant() {
    return ww.multiply(mm).subtract(wm.sqr());
  }

  /**
   * True if every symmetric matrix in the enclosure is positive definite: by Sylvester's criterion it suffices that
   * the interval of {@code ww} and the interval of the determinant are both &gt; 0.
   */
  public boolean isPositiveDefinite() {
    return ww.isPositive() && determinant().isPositive();
  }

  /** True if the symmetric matrix {@code [[a, b], [b, c]]} lies in the enclosure. */
  public boolean contains(double a, double b, double c) {
    return ww.contains(a) && wm.contains(b) && mm.contains(c);
  }

  @Override
  public String toString() {
    return "[[" + ww + ", " + wm + "], [" + wm + ", " + mm + "]]";
  }
}
