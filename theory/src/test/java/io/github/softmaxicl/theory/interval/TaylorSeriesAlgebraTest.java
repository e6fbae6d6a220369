package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Sums, differences and scalings of Taylor series coefficient by coefficient, on small integers (exact values,
 * enclosed a few ulps wide), with jets that carry a gradient, and the dimension check on every binary operation.
 */
class TaylorSeriesAlgebraTest {
  private static IntervalJet v(double x, double dx) {
    // x + dx * (variable 0): a jet in one variable with gradient dx.
    return IntervalJet.variable(Interval.point(x), 0, 1).multiply(dx).add(IntervalJet.constant(
        Interval.point(x - x * dx), 1));
  }

  private static void assertCoefficient(double value, double gradient, IntervalJet got, String what) {
    assertTrue(got.value().contains(value) && got.value().width() <= 1e-14 * Math.max(1, Math.abs(value)),
        what + " value: " + got);
    assertTrue(got.derivative(0).contains(gradient) && got.derivative(0).width() <= 1e-14 * Math.max(1,
        Math.abs(gradient)), what + " gradient: " + got);
  }

  @Test
  void coefficientwiseSumDifferenceAndScale() {
    TaylorSeries a = TaylorSeries.of(v(1, 2), v(3, 0), v(-2, 1));
    TaylorSeries b = TaylorSeries.of(v(4, -1), v(1, 1));
    double[][] sum = {{5, 1}, {4, 1}, {-2, 1}, {0, 0}};
    double[][] diff = {{-3, 3}, {2, -1}, {-2, 1}, {0, 0}};
    double[][] scaled = {{-3, -6}, {-9, 0}, {6, -3}, {0, 0}};
    TaylorSeries s = a.add(b);
    TaylorSeries d = a.subtract(b);
    TaylorSeries m = a.multiply(-3.0);
    for (int k = 0; k < 4; k++) {
      assertCoefficient(sum[k][0], sum[k][1], s.coefficient(k), "sum k = " + k);
      assertCoefficient(diff[k][0], diff[k][1], d.coefficient(k), "difference k = " + k);
      assertCoefficient(scaled[k][0], scaled[k][1], m.coefficient(k), "scaled k = " + k);
    }
    assertTrue(s.toString().startsWith("ADD"), s.toString());
  }

  @Test
  void everyBinaryOperationChecksTheJetDimension() {
    TaylorSeries one = TaylorSeries.of(IntervalJet.constant(Interval.ONE, 1));
    TaylorSeries two = TaylorSeries.of(IntervalJet.constant(Interval.ONE, 2));
    assertThrows(IllegalArgumentException.class, () -> one.subtract(two));
    assertThrows(IllegalArgumentException.class, () -> two.add(one));
    assertThrows(IllegalArgumentException.class, () -> two.multiply(one));
  }
}
