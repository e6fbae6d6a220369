package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.interval.TaylorSeries;
import java.util.List;

/**
 * An autonomous vector field {@code x' = f(x)} that can be evaluated on truncated Taylor series of interval jets
 * ({@link TaylorSeries}): the only access the validated integrator needs. Evaluated on series that are exact to
 * order k, the result must be exact to order k (true of any composition of the {@code Scalar} operations), and
 * every coefficient must enclose the true one for every point of the series' enclosures.
 */
public interface TaylorVectorField {
  /** Dimension of x. */
  int dimension();

  /**
   * {@code f(x)} for series of one common length and jet dimension.
   *
   * @throws ArithmeticException if an enclosure overflows
   */
  List<TaylorSeries> apply(List<TaylorSeries> x);
}
