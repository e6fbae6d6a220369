package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Containment of every interval operation against a 50-digit reference ({@link BigDecimal}; exact for
 * {@code + − ×} and integer powers, {@link BigMath} for exp and log), on seeded random intervals and points, and
 * the refusals. Containment is tested exactly (BigDecimal comparison), so there is no tolerance: the reference's
 * own error (≤ 1e-49 relative) is far below the one-ulp (≈ 1e-16) outward margin of every enclosure.
 */
class IntervalTest {
  private static final int CASES_PER_SEED = 300;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 12);
  }

  /** A random interval: sign, magnitude 2^[-30, 30], width from degenerate to comparable to the magnitude. */
  private static Interval randomInterval(SplitMix64 rng, double maxLog2) {
    double centre = (rng.nextDouble() < 0.5 ? -1 : 1) * Math.pow(2, rng.uniform(-maxLog2, maxLog2));
    double kind = rng.nextDouble();
    double width = kind < 0.2 ? 0.0 : Math.abs(centre) * Math.pow(10, rng.uniform(-16, 0.5));
    return Interval.of(centre, centre + width);
  }

  private static double pointIn(SplitMix64 rng, Interval x) {
    double u = rng.nextDouble();
    if (u < 0.2) {
      return x.lo();
    }
    if (u < 0.4) {
      return x.hi();
    }
    return Math.min(x.hi(), Math.max(x.lo(), x.lo() + (x.hi() - x.lo()) * rng.nextDouble()));
  }

  private static void checkBinary(long seed, String name, BiFunction<Interval, Interval, Interval> op,
      BiFunction<BigDecimal, BigDecimal, BigDecimal> exact, boolean nonZeroDivisor) {
    SplitMix64 rng = new SplitMix64(seed);
    for (int c = 0; c < CASES_PER_SEED; c++) {
      Interval x = randomInterval(rng, 30);
      Interval y = randomInterval(rng, 30);
      if (nonZeroDivisor && y.contains(0.0)) {
        continue;
      }
      Interval z = op.apply(x, y);
      for (int p = 0; p < 4; p++) {
        double a = pointIn(rng, x);
        double b = pointIn(rng, y);
        BigDecimal e = exact.apply(new BigDecimal(a), new BigDecimal(b));
        assertTrue(z.contains(e), () -> "seed " + seed + ": " + name + " of " + x + ", " + y + " = " + z
            + " misses " + a + " " + name + " " + b + " = " + e);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void arithmeticEnclosesExactResults(long seed) {
    checkBinary(seed, "+", Interval::add, BigDecimal::add, false);
    checkBinary(seed, "-", Interval::subtract, BigDecimal::subtract, false);
    checkBinary(seed, "*", Interval::multiply, BigDecimal::multiply, false);
    checkBinary(seed, "/", Interval::divide, (a, b) -> a.divide(b, BigMath.MC), true);
  }

  /**
   * Checks a unary enclosure at the points where {@code f} attains its extremes over {@code x}: both endpoints, and
   * 0 if it lies inside {@code x}. Every function checked here (sqr, sqrt, exp, log and x^k for -3 <= k <= 6, the
   * negative powers away from 0) is monotone on each side of 0, so the exact image of {@code x} is the hull of f at
   * these points; {@code z} being an interval, containing them is containing f(a) for every a in {@code x}. Random
   * interior points (the earlier version drew 4 points per interval, endpoints with probability 0.4 each) add
   * reference evaluations, the test's whole cost, and no strength; and they could miss an endpoint.
   */
  private static void checkUnary(long seed, String name, Function<Interval, Interval> op,
      Function<BigDecimal, BigDecimal> exact, Function<SplitMix64, Interval> domain) {
    SplitMix64 rng = new SplitMix64(seed);
    for (int c = 0; c < CASES_PER_SEED; c++) {
      Interval x = domain.apply(rng);
      Interval z = op.apply(x);
      double[] extremes = x.lo() < 0 && 0 < x.hi() ? new double[] {x.lo(), 0.0, x.hi()}
          : x.lo() == x.hi() ? new double[] {x.lo()} : new double[] {x.lo(), x.hi()};
      for (double a : extremes) {
        BigDecimal e = exact.apply(new BigDecimal(a));
        assertTrue(z.contains(e), () -> "seed " + seed + ": " + name + x + " = " + z + " misses " + name + "("
            + a + ") = " + e);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void elementaryFunctionsEncloseReferenceValues(long seed) {
    checkUnary(seed, "sqr", Interval::sqr, a -> a.multiply(a), r -> randomInterval(r, 30));
    checkUnary(seed, "sqrt", Interval::sqrt, a -> a.sqrt(BigMath.MC),
        r -> { Interval x = randomInterval(r, 30); return Interval.of(Math.abs(x.lo()), Math.abs(x.lo()) + x.width()); });
    // exp on |x| <= 2^5.5 ≈ 45: no overflow, and the BigDecimal reference stays cheap.
    checkUnary(seed, "exp", Interval::exp, BigMath::exp, r -> randomInterval(r, 5.5));
    checkUnary(seed, "log", Interval::log, BigMath::log,
        r -> { Interval x = randomInterval(r, 30); return Interval.of(Math.abs(x.lo()), Math.abs(x.lo()) + x.width()); });
    for (int k = -3; k <= 6; k++) {
      int power = k;
      checkUnary(seed, "pow" + k, x -> x.pow(power),
          a -> power >= 0 ? a.pow(power) : BigDecimal.ONE.divide(a.pow(-power), BigMath.MC),
          r -> { Interval x = randomInterval(r, 20); return power < 0 && x.contains(0.0) ? Interval.point(1.5) : x; });
    }
  }

  @Test
  void evenPowersAndSquaresOfIntervalsAroundZeroStartAtZero() {
    Interval x = Interval.of(-2.0, 1.0);
    assertEquals(0.0, x.sqr().lo());
    assertEquals(0.0, x.pow(2).lo());
    assertTrue(x.sqr().contains(4.0) && x.pow(4).contains(16.0));
    assertTrue(x.pow(3).contains(-8.0) && x.pow(3).contains(1.0));
  }

  @Test
  void outwardRoundingIsVisible() {
    // 0.1 + 0.2 in doubles is 0.30000000000000004: the enclosure must still contain the decimal 0.3 ...
    Interval sum = Interval.point(0.1).add(Interval.point(0.2));
    assertTrue(sum.contains(new BigDecimal("0.3")), sum::toString);
    assertTrue(sum.width() > 0);
    // ... and so must the sum of enclosures of the decimals themselves.
    Interval decimals = Interval.enclosing("0.1").add(Interval.enclosing("0.2"));
    assertTrue(decimals.contains(new BigDecimal("0.3")) && decimals.width() > 0, decimals::toString);
    assertFalse(Interval.point(0.1).contains(new BigDecimal("0.1")), "the double 0.1 is not the decimal 0.1");
    assertTrue(Interval.enclosing("0.1").contains(new BigDecimal("0.1")));
    assertEquals(Interval.point(0.5), Interval.enclosing("0.5"), "an exactly representable decimal stays a point");
    // Products with an exact zero stay exactly zero (needed to show off-task gradients vanish identically).
    assertTrue(Interval.ZERO.multiply(Interval.of(-3.0, 7.0)).isZero());
    assertTrue(Interval.ZERO.add(Interval.ZERO).isZero());
    assertTrue(Interval.point(3.0).multiply(Interval.point(7.0)).width() > 0, "inexactness is not assumed away");
  }

  /**
   * A zero endpoint gives an exact zero bound, whichever factor it is in, while every other bound is widened: the
   * straight-line product widens only the extremes when no endpoint is zero, and must not take that path when one
   * is. A quotient's zero numerator is exact too; a zero-free divisor changes nothing.
   */
  @Test
  void zeroEndpointsGiveExactZeroBoundsAndTheRestIsWidened() {
    Interval pos = Interval.of(2.0, 3.0);
    assertEquals(Interval.of(0.0, Math.nextUp(3.0)), Interval.of(0.0, 1.0).multiply(pos));
    assertEquals(Interval.of(0.0, Math.nextUp(3.0)), pos.multiply(Interval.of(0.0, 1.0)));
    assertEquals(Interval.of(Math.nextDown(-3.0), 0.0), Interval.of(-1.0, 0.0).multiply(pos));
    assertEquals(Interval.of(Math.nextDown(-3.0), 0.0), pos.multiply(Interval.of(-1.0, 0.0)));
    assertEquals(Interval.of(Math.nextDown(6.0), Math.nextUp(12.0)), pos.multiply(Interval.of(3.0, 4.0)));
    assertEquals(Interval.of(Math.nextDown(-12.0), Math.nextUp(-6.0)), pos.multiply(Interval.of(-4.0, -3.0)));
    assertEquals(Interval.of(0.0, Math.nextUp(0.5)), Interval.of(0.0, 1.0).divide(Interval.of(2.0, 4.0)));
    assertEquals(Interval.of(Math.nextDown(0.5), Math.nextUp(1.5)), pos.divide(Interval.of(2.0, 4.0)));
    assertTrue(Interval.ZERO.divide(pos).isZero());
  }

  @Test
  void refusals() {
    assertThrows(ArithmeticException.class, () -> Interval.ONE.divide(Interval.of(-1.0, 1.0)));
    assertThrows(ArithmeticException.class, () -> Interval.ONE.divide(Interval.of(0.0, 1.0)));
    assertThrows(ArithmeticException.class, () -> Interval.of(-1e-300, 1.0).sqrt());
    assertThrows(ArithmeticException.class, () -> Interval.of(0.0, 1.0).log());
    assertThrows(ArithmeticException.class, () -> Interval.of(-1.0, 1.0).log());
    assertThrows(ArithmeticException.class, () -> Interval.point(710.0).exp(), "overflow must not pass silently");
    assertThrows(ArithmeticException.class, () -> Interval.point(1e200).multiply(Interval.point(1e200)));
    assertThrows(ArithmeticException.class, () -> Interval.of(-1.0, 1.0).pow(-2));
    assertThrows(IllegalArgumentException.class, () -> Interval.of(2.0, 1.0));
    assertThrows(IllegalArgumentException.class, () -> Interval.of(Double.NaN, 1.0));
    assertThrows(IllegalArgumentException.class, () -> Interval.point(Double.POSITIVE_INFINITY));
  }

  @Test
  void setOperations() {
    Interval a = Interval.of(1.0, 3.0);
    Interval b = Interval.of(2.0, 5.0);
    assertEquals(Interval.of(1.0, 5.0), a.hull(b));
    assertEquals(Interval.of(2.0, 3.0), a.intersection(b).orElseThrow());
    assertTrue(a.intersection(Interval.of(4.0, 5.0)).isEmpty());
    assertTrue(a.contains(a.midpoint()) && Interval.of(-Double.MAX_VALUE, Double.MAX_VALUE).contains(0.0));
    assertEquals(Double.MAX_VALUE, Interval.of(Double.MAX_VALUE, Double.MAX_VALUE).midpoint());
    assertTrue(a.width() >= 2.0);
    assertTrue(a.containsInInterior(Interval.of(1.5, 2.5)) && !a.containsInInterior(Interval.of(1.0, 2.5)));
    assertTrue(a.contains(Interval.of(1.0, 3.0)) && !a.contains(b));
  }

  @Test
  void boundariesOfTheQueriesAndRefusals() {
    // A radius of 0 is allowed and gives an enclosure of the centre; below 0 (or NaN) is refused.
    Interval around = Interval.around(1.5, 0.0);
    assertTrue(around.contains(1.5) && around.width() == 0.0, around::toString);
    assertEquals("radius must be >= 0 (got -4.9E-324)",
        assertThrows(IllegalArgumentException.class, () -> Interval.around(1.0, -Double.MIN_VALUE)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Interval.around(1.0, Double.NaN));
    // contains(double) includes both endpoints and nothing beyond them.
    Interval a = Interval.of(1.0, 3.0);
    assertTrue(a.contains(1.0) && a.contains(3.0));
    assertFalse(a.contains(Math.nextDown(1.0)) || a.contains(Math.nextUp(3.0)));
    // A divisor touching 0 at either end is refused by the zero test itself (not by the overflow of 1/0), a
    // divisor one subnormal away from 0 is not.
    for (Interval y : new Interval[] {Interval.of(0.0, 1.0), Interval.of(-1.0, 0.0)}) {
      assertEquals("division by an interval containing 0: " + y,
          assertThrows(ArithmeticException.class, () -> Interval.point(0.0).divide(y)).getMessage());
    }
    assertTrue(Interval.point(0.0).divide(Interval.of(Double.MIN_VALUE, 1.0)).isZero());
    assertTrue(Interval.point(0.0).divide(Interval.of(-1.0, -Double.MIN_VALUE)).isZero());
    // sqrt accepts an interval starting exactly at 0; log refuses it by its own test (message), not by overflow.
    Interval root = Interval.of(0.0, 4.0).sqrt();
    assertTrue(root.lo() == 0.0 && root.contains(2.0), root::toString);
    assertEquals("log of an interval reaching 0 or below: [0.0, 1.0]",
        assertThrows(ArithmeticException.class, () -> Interval.of(0.0, 1.0).log()).getMessage());
    // Touching intervals intersect in their common point.
    assertEquals(Interval.point(3.0), a.intersection(Interval.of(3.0, 5.0)).orElseThrow());
    assertFalse(Interval.of(0.0, 1.0).isZero() || Interval.of(-1.0, 0.0).isZero());
    assertEquals(3.0, Interval.of(-3.0, 2.0).magnitude());
    assertEquals(3.0, Interval.of(-2.0, 3.0).magnitude());
    // add(double) takes the double as exact: 1 + 2 = 3 is representable, the enclosure contains it.
    Interval sum = Interval.point(1.0).add(2.0);
    assertTrue(sum.contains(3.0) && sum.width() <= 4 * Math.ulp(3.0), sum::toString);
  }

  @Test
  void equalityIsByBoundsAndHashCodeAgrees() {
    Interval a = Interval.of(1.0, 3.0);
    assertEquals(a, Interval.of(1.0, 3.0));
    assertEquals(a.hashCode(), Interval.of(1.0, 3.0).hashCode());
    assertFalse(a.equals(Interval.of(1.0, 4.0)) || a.equals(Interval.of(0.0, 3.0)) || a.equals("[1.0, 3.0]"));
    assertTrue(a.hashCode() != Interval.of(1.0, 4.0).hashCode() && a.hashCode() != Interval.of(0.0, 3.0).hashCode());
    assertEquals("[1.0, 3.0]", a.toString());
  }
}
