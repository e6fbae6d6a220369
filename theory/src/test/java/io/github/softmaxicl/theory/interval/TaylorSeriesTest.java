package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * The Taylor arithmetic against series known in closed form. Containment of exact rationals (1/k!, 2^k/k!) is
 * tested exactly with {@link BigDecimal} at 60 digits, whose own error (≤ 1e-59 relative) is far below the
 * one-ulp outward margin of every enclosure; widths are bounded by a round-off budget stated at each test.
 */
class TaylorSeriesTest {
  private static final MathContext MC = new MathContext(60);
  private static final int ORDER = 20;

  private static IntervalJet c(double x) {
    return IntervalJet.constant(Interval.point(x), 0);
  }

  private static BigDecimal factorial(int k) {
    BigInteger f = BigInteger.ONE;
    for (int i = 2; i <= k; i++) {
      f = f.multiply(BigInteger.valueOf(i));
    }
    return new BigDecimal(f);
  }

  /**
   * e^{2s}: coefficients 2^k/k!. Round-off budget: coefficient k is built from k products and one division, each
   * widening by at most a few ulps of the result's size, so its relative width stays below 8k·2^-52 < 1e-13 for
   * k ≤ 20.
   */
  @Test
  void expOfLinearSeriesHasTheExponentialCoefficients() {
    TaylorSeries e = TaylorSeries.of(c(0.0), c(2.0)).exp();
    for (int k = 0; k <= ORDER; k++) {
      Interval got = e.coefficient(k).value();
      BigDecimal exact = new BigDecimal(BigInteger.TWO.pow(k)).divide(factorial(k), MC);
      assertTrue(got.contains(exact), "k = " + k + ": " + got + " vs " + exact);
      assertTrue(got.width() <= 1e-13 * exact.doubleValue(), "k = " + k + " width " + got.width());
    }
  }

  /**
   * e^{s²} = Σ s^{2k}/k!: checks the weights j·u_j of the exp recurrence with a series whose first-order term is
   * 0 (a recurrence without the weight j, or with u_{j} and u_{k−j} swapped, fails here).
   */
  @Test
  void expOfSquareHasOddCoefficientsZeroAndEvenOnesOneOverFactorial() {
    TaylorSeries e = TaylorSeries.of(c(0.0), c(0.0), c(1.0)).exp();
    for (int k = 0; k <= ORDER; k++) {
      Interval got = e.coefficient(k).value();
      if (k % 2 == 1) {
        assertTrue(got.contains(0.0) && got.width() < 1e-15, "odd k = " + k + ": " + got);
      } else {
        BigDecimal exact = BigDecimal.ONE.divide(factorial(k / 2), MC);
        assertTrue(got.contains(exact), "k = " + k + ": " + got);
      }
    }
  }

  /**
   * (1+s)(1−s) = 1 − s² and (1+s)² = 1 + 2s + s². Budget: coefficient k ≤ 4 is a sum of at most 5 products of
   * values ≤ 1, each operation widening by one ulp either side, so the width stays below 20 ulps of 2, < 1e-14.
   */
  @Test
  void cauchyProductAndSquareAreExactOnSmallIntegers() {
    TaylorSeries a = TaylorSeries.of(c(1.0), c(1.0));
    TaylorSeries b = TaylorSeries.of(c(1.0), c(-1.0));
    double[] product = {1, 0, -1, 0, 0};
    double[] square = {1, 2, 1, 0, 0};
    TaylorSeries p = a.multiply(b);
    TaylorSeries q = a.sqr();
    TaylorSeries q2 = a.multiply(a);
    for (int k = 0; k < product.length; k++) {
      for (Interval got : new Interval[] {p.coefficient(k).value()}) {
        assertTrue(got.contains(product[k]) && got.width() < 1e-14, "product k = " + k + ": " + got);
      }
      for (Interval got : new Interval[] {q.coefficient(k).value(), q2.coefficient(k).value()}) {
        assertTrue(got.contains(square[k]) && got.width() < 1e-14, "square k = " + k + ": " + got);
      }
    }
  }

  /**
   * An unknown bound to its own derivative: x' = x, x(0) = 1 gives x_k = 1/k!; x' = x², x(0) = 1 gives
   * x_k = 1 (the series of 1/(1 − s)).
   */
  @Test
  void unknownBoundToItsFieldYieldsTheSolutionSeries() {
    TaylorSeries x = TaylorSeries.unknown(c(1.0));
    x.define(x);
    TaylorSeries y = TaylorSeries.unknown(c(1.0));
    y.define(y.sqr());
    for (int k = 0; k <= ORDER; k++) {
      assertTrue(x.coefficient(k).value().contains(BigDecimal.ONE.divide(factorial(k), MC)), "e^s, k = " + k);
      assertTrue(y.coefficient(k).value().contains(1.0), "1/(1-s), k = " + k);
    }
    assertThrows(IllegalStateException.class, () -> x.define(x));
  }

  /**
   * Jets: for x ∈ [1, 1] as variable 0 of 1, d/dx e^{x²} = 2x e^{x²} = 2e, and the time series of e^{x² s}
   * has coefficient 1 equal to x² e^0 = x² with derivative 2x = 2.
   */
  @Test
  void jetCoefficientsCarryTheDerivativeWithRespectToTheStart() {
    IntervalJet x = IntervalJet.variable(Interval.ONE, 0, 1);
    IntervalJet e = x.sqr().exp();
    BigDecimal eValue = new BigDecimal("2.71828182845904523536028747135266249775724709369995957496697");
    assertTrue(e.value().contains(eValue));
    assertTrue(e.derivative(0).contains(eValue.multiply(BigDecimal.valueOf(2))));
    TaylorSeries s = TaylorSeries.of(IntervalJet.constant(Interval.ZERO, 1), x.sqr()).exp();
    assertTrue(s.coefficient(1).value().contains(1.0));
    assertTrue(s.coefficient(1).derivative(0).contains(2.0));
    assertTrue(s.coefficient(2).derivative(0).contains(2.0), "(x²)²/2 has derivative 2x³ = 2");
  }

  @Test
  void mixedJetDimensionsAreRefused() {
    TaylorSeries a = TaylorSeries.of(IntervalJet.constant(Interval.ONE, 1));
    TaylorSeries b = TaylorSeries.of(IntervalJet.constant(Interval.ONE, 2));
    assertThrows(IllegalArgumentException.class, () -> a.add(b));
    assertThrows(IllegalArgumentException.class, () -> a.multiply(b));
  }

  /**
   * The constant-factor shortcut (O(1) per coefficient instead of the Cauchy sum) gives the same bits as the full
   * product with the constant written as a two-term series (c, 0), on jets with a gradient.
   */
  @Test
  void constantFactorShortcutGivesTheBitsOfTheFullProduct() {
    IntervalJet x = IntervalJet.variable(Interval.of(0.3, 0.30000001), 0, 2);
    IntervalJet y = IntervalJet.variable(Interval.of(-1.7, -1.6), 1, 2);
    TaylorSeries u = TaylorSeries.of(x, y, x.multiply(y)).exp();
    IntervalJet c = IntervalJet.constant(Interval.of(2.5, 2.6), 2);
    TaylorSeries shortcut = TaylorSeries.constant(c).multiply(u);
    TaylorSeries shortcutRight = u.multiply(TaylorSeries.constant(c));
    TaylorSeries full = TaylorSeries.of(c, IntervalJet.constant(Interval.ZERO, 2)).multiply(u);
    for (int k = 0; k <= 8; k++) {
      for (TaylorSeries s : new TaylorSeries[] {shortcut, shortcutRight}) {
        assertTrue(s.coefficient(k).value().equals(full.coefficient(k).value()), "value k = " + k);
        for (int i = 0; i < 2; i++) {
          assertTrue(s.coefficient(k).derivative(i).equals(full.coefficient(k).derivative(i)), "d" + i + " k = " + k);
        }
      }
    }
  }
}
