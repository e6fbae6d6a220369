package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The jet's chain rules on small integers (exact results, enclosed a few ulps wide): sums, differences and products of two variables, of a variable and a
 * constant, and of sums that contain a constant; and the argument checks that keep a wrong call from computing
 * silently (mismatched dimensions, a variable index out of range, a non-positive divisor).
 */
class IntervalJetTest {
  private static final IntervalJet X = IntervalJet.variable(Interval.point(3), 0, 2);
  private static final IntervalJet Y = IntervalJet.variable(Interval.point(5), 1, 2);
  private static final IntervalJet C = IntervalJet.constant(Interval.point(7), 2);

  private static void assertJet(double value, double dx, double dy, IntervalJet j) {
    assertEncloses(value, j.value(), "value of " + j);
    assertEncloses(dx, j.derivative(0), "d/dx of " + j);
    assertEncloses(dy, j.derivative(1), "d/dy of " + j);
  }

  /**
   * Contains the exact value, and is at most a few ulps wide: each operation rounds outward by one ulp even when
   * the result is exact, and these are at most three operations deep (width below 1e-14 of max(1, |x|)).
   */
  private static void assertEncloses(double x, Interval got, String what) {
    assertTrue(got.contains(x) && got.width() <= 1e-14 * Math.max(1, Math.abs(x)), what + ": " + got);
  }

  @Test
  void sumsDifferencesAndProductsOfTwoVariables() {
    assertJet(8, 1, 1, X.add(Y));
    assertJet(-2, 1, -1, X.subtract(Y));
    assertJet(15, 5, 3, X.multiply(Y));
    assertJet(9, 6, 0, X.sqr());
  }

  @Test
  void aConstantOperandContributesNoGradient() {
    assertJet(10, 1, 0, C.add(X));
    assertJet(12, 0, 1, Y.add(C));
    assertJet(4, -1, 0, C.subtract(X));
    assertJet(21, 7, 0, C.multiply(X));
    assertJet(35, 0, 7, Y.multiply(C));
    assertJet(14, 0, 0, C.add(C));
    assertJet(49, 0, 0, C.multiply(C));
  }

  @Test
  void aSumWithAConstantIsStillAVariableInLaterProducts() {
    // (c + x) y: d/dx = y = 5, d/dy = c + x = 10. A sum wrongly flagged constant would lose its own gradient here.
    assertJet(50, 5, 10, C.add(X).multiply(Y));
    assertJet(50, 5, 10, Y.multiply(X.add(C)));
    // (c * x) (c + y): d/dx = 7 * 12 = 84, d/dy = 21.
    assertJet(252, 84, 21, C.multiply(X).multiply(C.add(Y)));
    // (x - c) y = -20: d/dx = 5, d/dy = -4; (c - x) y = 20: d/dx = -5, d/dy = 4 (differences flagged constant
    // would lose their gradient in the product).
    assertJet(-20, 5, -4, X.subtract(C).multiply(Y));
    assertJet(20, -5, 4, C.subtract(X).multiply(Y));
  }

  @Test
  void divisionByAPositiveIndexOnly() {
    assertJet(1.5, 0.5, 0, X.divide(2));
    assertThrows(IllegalArgumentException.class, () -> X.divide(0));
    assertThrows(IllegalArgumentException.class, () -> X.divide(-1));
  }

  @Test
  void wrongCallsAreRefused() {
    IntervalJet one = IntervalJet.variable(Interval.ONE, 0, 1);
    assertThrows(IllegalArgumentException.class, () -> X.add(one));
    assertThrows(IllegalArgumentException.class, () -> one.add(X));
    assertThrows(IllegalArgumentException.class, () -> X.subtract(one));
    assertThrows(IllegalArgumentException.class, () -> X.multiply(one));
    assertThrows(IllegalArgumentException.class, () -> C.multiply(one));
    assertThrows(IllegalArgumentException.class, () -> IntervalJet.variable(Interval.ONE, 2, 2));
    assertThrows(IllegalArgumentException.class, () -> IntervalJet.variable(Interval.ONE, -1, 2));
    assertEquals(2, IntervalJet.variable(Interval.ONE, 1, 2).variables());
    assertTrue(X.toString().contains("3"), X.toString());
  }
}
