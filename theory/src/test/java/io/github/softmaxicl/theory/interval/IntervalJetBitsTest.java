package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The jets, which keep their bounds in one array, against {@link Interval}'s own operations applied entry by entry
 * (the chain rule as the jets computed it when they held an {@code Interval} per entry), bit for bit; and the
 * running sum of products ({@link IntervalJet.ProductSum}, the Taylor convolutions) against
 * {@code s.add(x.multiply(y))}. Seeded cases: entries that are [0, 0], have one zero endpoint, are one-signed or
 * straddle 0; constant and variable jets; 0, 1 and 3 variables. A failure names its seed and case.
 */
class IntervalJetBitsTest {

  /** The reference: a value, a gradient and the constant flag, combined with Interval's methods. */
  private record Ref(Interval v, Interval[] g, boolean c) {
    static Ref constant(Interval v, int m) {
      Interval[] g = new Interval[m];
      Arrays.fill(g, Interval.ZERO);
      return new Ref(v, g, true);
    }

    IntervalJet jet() {
      return c ? IntervalJet.constant(v, g.length) : IntervalJet.of(v, g);
    }

    Ref add(Ref y) {
      Interval[] r = new Interval[g.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = c ? y.g[i] : y.c ? g[i] : g[i].add(y.g[i]);
      }
      return new Ref(v.add(y.v), r, c && y.c);
    }

    Ref subtract(Ref y) {
      Interval[] r = new Interval[g.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = g[i].subtract(y.g[i]);
      }
      return new Ref(v.subtract(y.v), r, c && y.c);
    }

    Ref multiply(Ref y) {
      Interval[] r = new Interval[g.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = c && y.c ? Interval.ZERO
            : c ? v.multiply(y.g[i]) : y.c ? g[i].multiply(y.v) : g[i].multiply(y.v).add(v.multiply(y.g[i]));
      }
      return new Ref(v.multiply(y.v), r, c && y.c);
    }

    Ref scale(Interval k) {
      Interval[] r = new Interval[g.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = g[i].multiply(k);
      }
      return new Ref(v.multiply(k), r, c);
    }

    Ref divide(int k) {
      Interval[] r = new Interval[g.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = g[i].divide(Interval.point(k));
      }
      return new Ref(v.divide(Interval.point(k)), r, c);
    }

    Ref sqr() {
      Interval twice = v.multiply(2.0);
      Interval[] r = new Interval[g.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = g[i].multiply(twice);
      }
      return new Ref(v.sqr(), r, c);
    }

    Ref exp() {
      Interval e = v.exp();
      Interval[] r = new Interval[g.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = g[i].multiply(e);
      }
      return new Ref(e, r, c);
    }
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  /** An interval of one of seven shapes, magnitudes 2⁻⁸ … 2⁸ (products and exponentials stay finite). */
  private static Interval interval(SplitMix64 rng) {
    double x = rng.uniform(0.5, 2.0) * Math.scalb(1.0, rng.nextInt(-8, 8));
    double y = x + rng.uniform(0.0, 2.0) * Math.scalb(1.0, rng.nextInt(-8, 4));
    switch (rng.nextInt(0, 6)) {
      case 0: return Interval.ZERO;
      case 1: return Interval.of(0.0, x);
      case 2: return Interval.of(-x, 0.0);
      case 3: return Interval.of(x, y);
      case 4: return Interval.of(-y, -x);
      case 5: return Interval.of(-x, y);
      default: return Interval.point(x);
    }
  }

  /** A constant jet a third of the time, else one whose gradient entries are arbitrary intervals. */
  private static Ref jet(SplitMix64 rng, int m) {
    Interval v = interval(rng);
    if (rng.nextInt(0, 2) == 0) {
      return Ref.constant(v, m);
    }
    Interval[] g = new Interval[m];
    for (int i = 0; i < m; i++) {
      g[i] = interval(rng);
    }
    return new Ref(v, g, false);
  }

  private static void assertSame(Ref want, IntervalJet got, String what) {
    assertEquals(want.v, got.value(), what + ": value");
    assertEquals(want.g.length, got.variables(), what + ": variables");
    for (int i = 0; i < want.g.length; i++) {
      assertEquals(want.g[i], got.derivative(i), what + ": d/dx" + i);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyOperationMatchesIntervalArithmeticEntryByEntry(long seed) {
    SplitMix64 rng = new SplitMix64(seed);
    for (int m : new int[] {0, 1, 3}) {
      Ref x = jet(rng, m);
      Ref y = jet(rng, m);
      Interval k = interval(rng);
      int divisor = rng.nextInt(1, 9);
      String c = "seed " + seed + ", m " + m + ", x " + x.jet() + ", y " + y.jet();
      assertSame(x.add(y), x.jet().add(y.jet()), c + ": x + y");
      assertSame(x.subtract(y), x.jet().subtract(y.jet()), c + ": x - y");
      assertSame(x.multiply(y), x.jet().multiply(y.jet()), c + ": x y");
      assertSame(x.scale(k), x.jet().scale(k), c + ": x " + k);
      assertSame(x.scale(Interval.point(k.hi())), x.jet().multiply(k.hi()), c + ": x " + k.hi());
      assertSame(x.divide(divisor), x.jet().divide(divisor), c + ": x / " + divisor);
      assertSame(x.sqr(), x.jet().sqr(), c + ": x²");
      assertSame(x.exp(), x.jet().exp(), c + ": exp x");
      // the constant flag carries into later operations: a product of the result must still match
      assertSame(x.add(y).multiply(y), x.jet().add(y.jet()).multiply(y.jet()), c + ": (x + y) y");
      assertSame(x.multiply(y).add(x), x.jet().multiply(y.jet()).add(x.jet()), c + ": x y + x");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void productSumMatchesTheChainOfAddAndMultiply(long seed) {
    SplitMix64 rng = new SplitMix64(seed);
    for (int m : new int[] {0, 1, 3}) {
      for (boolean fromZero : new boolean[] {false, true}) {
        int terms = rng.nextInt(1, 5);
        List<Ref> xs = new ArrayList<>();
        List<Ref> ys = new ArrayList<>();
        Ref want = fromZero ? Ref.constant(Interval.ZERO, m) : null;
        IntervalJet.ProductSum sum = new IntervalJet.ProductSum(m);
        if (fromZero) {
          sum.start(IntervalJet.constant(Interval.ZERO, m));
        }
        for (int t = 0; t < terms; t++) {
          Ref x = jet(rng, m);
          Ref y = jet(rng, m);
          xs.add(x);
          ys.add(y);
          want = want == null ? x.multiply(y) : want.add(x.multiply(y));
          sum.addProduct(x.jet(), y.jet());
        }
        assertSame(want, sum.toJet(), "seed " + seed + ", m " + m + (fromZero ? ", from 0" : "") + ", x " + xs
            + ", y " + ys);
      }
    }
  }

  @Test
  void aSumStartedFromAJetKeepsItsGradient() {
    IntervalJet x = IntervalJet.variable(Interval.point(3), 0, 2);
    IntervalJet c = IntervalJet.constant(Interval.point(2), 2);
    IntervalJet.ProductSum sum = new IntervalJet.ProductSum(2).start(x);
    sum.addProduct(c, c);
    IntervalJet got = sum.toJet();
    assertSame(new Ref(Interval.point(3), new Interval[] {Interval.ONE, Interval.ZERO}, false)
        .add(Ref.constant(Interval.point(2), 2).multiply(Ref.constant(Interval.point(2), 2))), got, "x + c c");
    // and it is not constant: a later product with a variable keeps x's part of the gradient
    assertEquals(Interval.ONE.multiply(Interval.point(2)), got.multiply(c).derivative(0));
  }

  @Test
  void productSumRefusesMismatchedJetsAndAnEmptySum() {
    IntervalJet two = IntervalJet.constant(Interval.ONE, 2);
    IntervalJet three = IntervalJet.constant(Interval.ONE, 3);
    IntervalJet.ProductSum sum = new IntervalJet.ProductSum(2);
    assertThrows(IllegalStateException.class, sum::toJet);
    assertEquals("jets in 2 and 3 variables",
        assertThrows(IllegalArgumentException.class, () -> sum.addProduct(three, two)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> sum.addProduct(two, three));
    assertThrows(IllegalArgumentException.class, () -> sum.start(three));
  }

  @Test
  void boundsThatLeaveTheDoublesAreRefusedAsIntervalRefusesThem() {
    IntervalJet huge = IntervalJet.of(Interval.point(-Double.MAX_VALUE), Interval.point(-Double.MAX_VALUE));
    IntervalJet one = IntervalJet.of(Interval.ONE, Interval.ONE);
    // −MAX × 1 is exact in value but widened by an ulp: −∞, as Interval.multiply refuses it
    assertThrows(IllegalArgumentException.class, () -> Interval.point(-Double.MAX_VALUE).multiply(Interval.ONE));
    assertThrows(IllegalArgumentException.class, () -> huge.multiply(one));
    IntervalJet.ProductSum sum = new IntervalJet.ProductSum(1);
    assertThrows(IllegalArgumentException.class, () -> sum.addProduct(huge, one));
    assertThrows(ArithmeticException.class, () -> huge.add(huge));
  }

  @Test
  void derivativeIndexAndPrintedForm() {
    IntervalJet x = IntervalJet.variable(Interval.point(3), 1, 2);
    assertEquals("[3.0, 3.0] d[[0.0, 0.0], [1.0, 1.0]]", x.toString());
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> x.derivative(-1));
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> x.derivative(2));
    assertEquals(Interval.ONE, x.derivative(1));
  }
}
