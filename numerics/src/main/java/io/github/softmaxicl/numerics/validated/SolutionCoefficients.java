package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.interval.IntervalJet;
import io.github.softmaxicl.theory.interval.TaylorSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * The normalised Taylor coefficients {@code x_k = x^{(k)}(0)/k!} of the solution of {@code x' = f(x)} through an
 * initial jet, by the standard recursion of automatic differentiation (Moore 1966; Nedialkov, Jackson and
 * Corliss 1999, §4): the field is built once on {@link TaylorSeries#unknown} series bound to it, and
 * {@code x_{k+1} = f(x)_k / (k+1)} is drawn lazily, k by k. Evaluated on jets seeded with the identity over a box,
 * the gradients are the Taylor coefficients of the variational equation over that box.
 */
final class SolutionCoefficients {
  private SolutionCoefficients() {}

  /**
   * Coefficients 0..order; entry {@code [k][i]} is {@code x_k} of component i.
   *
   * @throws ArithmeticException if an enclosure overflows
   */
  static IntervalJet[][] of(TaylorVectorField f, IntervalJet[] start, int order) {
    int m = start.length;
    List<TaylorSeries> x = new ArrayList<>();
    for (IntervalJet s : start) {
      x.add(TaylorSeries.unknown(s));
    }
    List<TaylorSeries> fx = f.apply(x);
    for (int i = 0; i < m; i++) {
      x.get(i).define(fx.get(i));
    }
    IntervalJet[][] c = new IntervalJet[order + 1][m];
    for (int k = 0; k <= order; k++) {
      for (int i = 0; i < m; i++) {
        c[k][i] = x.get(i).coefficient(k);
      }
    }
    return c;
  }
}
