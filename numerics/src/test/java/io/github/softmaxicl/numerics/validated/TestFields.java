package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.interval.TaylorSeries;
import java.util.List;
import java.util.function.UnaryOperator;

/** Closed-form test fields for the validated integrator, written as a dimension and a right-hand side. */
final class TestFields {
  private TestFields() {}

  /** x' = −x: x(t) = x0 e^{−t}. */
  static final TaylorVectorField DECAY = of(1, x -> List.of(x.get(0).multiply(-1.0)));

  /** x' = x²: x(t) = x0/(1 − x0 t), which blows up at t = 1/x0. */
  static final TaylorVectorField SQUARE = of(1, x -> List.of(x.get(0).sqr()));

  /** The field x' = f(x) in {@code dimension} dimensions. */
  static TaylorVectorField of(int dimension, UnaryOperator<List<TaylorSeries>> f) {
    return new TaylorVectorField() {
      @Override
      public int dimension() {
        return dimension;
      }

      @Override
      public List<TaylorSeries> apply(List<TaylorSeries> x) {
        return f.apply(x);
      }
    };
  }
}
