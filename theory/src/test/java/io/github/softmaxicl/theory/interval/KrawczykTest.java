package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Preset;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Krawczyk operator on textbook systems whose image is known in closed form, on boxes it must reject (image
 * not inside, two zeros, no zero), and the inclusion test. Each expected image below is derived by hand in exact
 * rational arithmetic from {@code K(X) = x̃ − Y f(x̃) + (I − Y J(X))(X − x̃)}, {@code Y = J(x̃)^{-1}}: the examples
 * are the standard first ones of the interval Newton / Krawczyk chapters of Moore, Kearfott &amp; Cloud,
 * "Introduction to Interval Analysis" (SIAM 2009, ch. 8) and Neumaier, "Interval Methods for Systems of
 * Equations" (CUP 1990, ch. 5) (x² − 2 on [1, 2]; the circle x² + y² = 1 cut by x = y).
 *
 * <p>Tolerance of the enclosure tests: the operator does about 12 interval operations on numbers of magnitude
 * ≤ 4, each rounded outward by at most one ulp (≤ 8.9e-16 at magnitude 4): the computed bounds lie within
 * 12 · 8.9e-16 ≈ 1.1e-14 of the exact ones; {@link #SLACK} = 2e-14 covers that. Dropping the term
 * {@code (I − Y J(X))(X − x̃)} shrinks each image below to its Newton point, a width error of ≥ 0.028, far
 * outside the slack.
 */
class KrawczykTest {
  private static final double SLACK = 2e-14;

  /** A one-dimensional equation g(x) = 0 embedded as (g(x), y) = 0: the second row is inert (K_y = {0}). */
  private interface Scalar1 {
    Interval value(Interval x);

    Interval derivative(Interval x);
  }

  private static Krawczyk.System2 embed(Scalar1 g) {
    return new Krawczyk.System2() {
      @Override
      public TaskBox value(double x, double y) {
        return new TaskBox(g.value(Interval.point(x)), Interval.point(y));
      }

      @Override
      public IntervalMatrix2 jacobian(TaskBox box) {
        return new IntervalMatrix2(g.derivative(box.omega()), Interval.ZERO, Interval.ZERO, Interval.ONE);
      }

      @Override
      public double[] jacobianApprox(double x, double y) {
        return new double[] {g.derivative(Interval.point(x)).midpoint(), 0, 0, 1};
      }
    };
  }

  /** x² − 2. */
  private static final Krawczyk.System2 SQRT2 = embed(new Scalar1() {
    @Override
    public Interval value(Interval x) {
      return x.sqr().subtract(Interval.point(2));
    }

    @Override
    public Interval derivative(Interval x) {
      return x.multiply(2.0);
    }
  });

  /** x³ − x: zeros −1, 0, 1. */
  private static final Krawczyk.System2 CUBIC = embed(new Scalar1() {
    @Override
    public Interval value(Interval x) {
      return x.pow(3).subtract(x);
    }

    @Override
    public Interval derivative(Interval x) {
      return x.sqr().multiply(3.0).subtract(Interval.ONE);
    }
  });

  /** x² + 1/100: no real zero. */
  private static final Krawczyk.System2 NO_ROOT = embed(new Scalar1() {
    @Override
    public Interval value(Interval x) {
      return x.sqr().add(Interval.enclosing("0.01"));
    }

    @Override
    public Interval derivative(Interval x) {
      return x.multiply(2.0);
    }
  });

  /** (x² + y² − 1, x − y): zeros ±(1/√2, 1/√2); Jacobian [[2x, 2y], [1, −1]], not symmetric. */
  private static final Krawczyk.System2 CIRCLE_LINE = new Krawczyk.System2() {
    @Override
    public TaskBox value(double x, double y) {
      Interval ix = Interval.point(x);
      Interval iy = Interval.point(y);
      return new TaskBox(ix.sqr().add(iy.sqr()).subtract(Interval.ONE), ix.subtract(iy));
    }

    @Override
    public IntervalMatrix2 jacobian(TaskBox box) {
      return new IntervalMatrix2(box.omega().multiply(2.0), box.mu().multiply(2.0), Interval.ONE,
          Interval.point(-1));
    }

    @Override
    public double[] jacobianApprox(double x, double y) {
      return new double[] {2 * x, 2 * y, 1, -1};
    }
  };

  private static final TaskBox INERT = new TaskBox(Interval.ZERO, Interval.of(-1, 1));

  private static TaskBox box1(double lo, double hi) {
    return new TaskBox(Interval.of(lo, hi), INERT.mu());
  }

  /**
   * The bounds of {@code k} lie within {@link #SLACK} of the exact [lo, hi]. Two-sided, not containment: the operator
   * is evaluated with Y rounded to doubles (a different, equally valid Y), which moves the exact bounds by ≈ 1 ulp.
   */
  private static void assertEnclosure(double lo, double hi, Interval k, String what) {
    assertEquals(lo, k.lo(), SLACK, () -> what + ": lower bound of " + k);
    assertEquals(hi, k.hi(), SLACK, () -> what + ": upper bound of " + k);
  }

  /**
   * x² − 2 on X = [1, 2]: x̃ = 3/2, f(x̃) = 1/4, J(X) = [2, 4], Y = 1/3, Newton point 17/12, I − Y J(X) = [−1/3, 1/3],
   * X − x̃ = [−1/2, 1/2]: K(X) = 17/12 + [−1/6, 1/6] = [5/4, 19/12] ⊂ (1, 2), so [1, 2] holds exactly one zero (√2).
   */
  @Test
  void sqrtTwoOnOneTwo() {
    TaskBox x = box1(1, 2);
    TaskBox k = Krawczyk.image(SQRT2, x);
    assertEnclosure(1.25, 19.0 / 12, k.omega(), "K([1, 2]) for x^2 - 2");
    assertTrue(k.mu().contains(0.0) && k.mu().magnitude() < SLACK, "the inert row maps to about {0}: " + k.mu());
    assertTrue(Krawczyk.provesUniqueZero(SQRT2, x));
    assertTrue(k.omega().contains(new BigDecimal(2).sqrt(BigMath.MC)), k::toString);
    // Contraction, measured from x̃ = 3/2: below (3/2 − 5/4)/(1/2) = 1/2, above (19/12 − 3/2)/(1/2) = 1/6; the
    // inert row gives about 0: max 1/2.
    assertEquals(0.5, Krawczyk.contraction(x, k), 1e-13);
  }

  /**
   * x² − 2 on X = [0, 3]: x̃ = 3/2, J(X) = [0, 6], I − Y J(X) = [−1, 1], X − x̃ = [−3/2, 3/2]: K(X) = 17/12 +
   * [−3/2, 3/2] = [−1/12, 35/12], which leaves X at the bottom: the test is inconclusive and must say so, although
   * X holds one zero. The Newton point 17/12 alone would lie inside.
   */
  @Test
  void sqrtTwoOnZeroThreeIsNotProved() {
    TaskBox x = box1(0, 3);
    TaskBox k = Krawczyk.image(SQRT2, x);
    assertEnclosure(-1.0 / 12, 35.0 / 12, k.omega(), "K([0, 3]) for x^2 - 2");
    assertFalse(Krawczyk.provesUniqueZero(SQRT2, x), k::toString);
    assertTrue(Krawczyk.contraction(x, k) > 1, () -> "contraction of " + k);
  }

  /**
   * x² − 2 on X = [2, 3] (no zero): x̃ = 5/2, f(x̃) = 17/4, Y = 1/5, Newton point 33/20, I − Y J(X) = [−1/5, 1/5],
   * X − x̃ = [−1/2, 1/2]: K(X) = [31/20, 7/4], disjoint from X, which proves X holds no zero.
   */
  @Test
  void sqrtTwoOnTwoThreeHasNoZero() {
    TaskBox x = box1(2, 3);
    TaskBox k = Krawczyk.image(SQRT2, x);
    assertEnclosure(31.0 / 20, 1.75, k.omega(), "K([2, 3]) for x^2 - 2");
    assertTrue(x.omega().intersection(k.omega()).isEmpty());
    assertFalse(Krawczyk.provesUniqueZero(SQRT2, x));
  }

  /**
   * x³ − x on X = [−1/2, 13/10], which holds two zeros (0 and 1): x̃ = 2/5, f(x̃) = −42/125, f'(x̃) = −13/25, so the
   * Newton point 2/5 − 42/65 ≈ −0.246 lies inside X; but J(X) = 3X² − 1 = [−1, 4.07] makes I − Y J(X) wide and
   * K(X) must leave X. Every zero in X lies in K(X), so K(X) holds both.
   */
  @Test
  void cubicBoxWithTwoZerosIsRejected() {
    TaskBox x = box1(-0.5, 1.3);
    TaskBox k = Krawczyk.image(CUBIC, x);
    assertFalse(Krawczyk.provesUniqueZero(CUBIC, x), k::toString);
    assertTrue(k.omega().contains(0.0) && k.omega().contains(1.0), k::toString);
    assertTrue(Krawczyk.contraction(x, k) > 1);
  }

  /**
   * x² + 1/100 on X = [−1, 0.9] (no real zero): x̃ = −0.05, f'(x̃) = −0.1, Newton point −0.05 + 0.0125/0.1 = 0.075
   * lies inside X; J(X) = [−2, 1.8], Y = −10, I − Y J(X) = [−19, 19]: K(X) is far wider than X and is rejected.
   */
  @Test
  void boxWithoutZeroIsRejectedAlthoughItsNewtonPointIsInside() {
    TaskBox x = box1(-1, 0.9);
    TaskBox k = Krawczyk.image(NO_ROOT, x);
    assertFalse(Krawczyk.provesUniqueZero(NO_ROOT, x), k::toString);
    assertTrue(k.omega().width() > x.omega().width(), k::toString);
  }

  /**
   * x² + y² = 1, x = y on X = [0.6, 0.8]²: x̃ = (7/10, 7/10), f(x̃) = (−1/50, 0), J(x̃) = [[7/5, 7/5], [1, −1]],
   * Y = [[5/14, 1/2], [5/14, −1/2]], Newton point (99/140, 99/140); I − Y J(X) has every entry in [−1/14, 1/14]
   * and X − x̃ = [−1/10, 1/10]², so K(X) = (99/140 ± 1/70)² = [97/140, 101/140]² ⊂ interior(X): exactly one zero,
   * (1/√2, 1/√2) ≈ 0.70711 ∈ [0.69286, 0.72143].
   */
  @Test
  void circleAndLine() {
    TaskBox x = new TaskBox(Interval.of(0.6, 0.8), Interval.of(0.6, 0.8));
    TaskBox k = Krawczyk.image(CIRCLE_LINE, x);
    assertEnclosure(97.0 / 140, 101.0 / 140, k.omega(), "K_x");
    assertEnclosure(97.0 / 140, 101.0 / 140, k.mu(), "K_y");
    assertTrue(Krawczyk.provesUniqueZero(CIRCLE_LINE, x));
    BigDecimal root = BigDecimal.ONE.divide(new BigDecimal(2).sqrt(BigMath.MC), BigMath.MC);
    assertTrue(k.omega().contains(root) && k.mu().contains(root), k::toString);
    // Measured from 7/10 = 98/140: below (1/140)/(1/10) = 1/14, above (3/140)/(1/10) = 3/14.
    assertEquals(3.0 / 14, Krawczyk.contraction(x, k), 1e-12);
  }

  /** The same system on [−0.8, 0.9]², which holds both zeros: rejected, and K(X) holds both. */
  @Test
  void circleAndLineBoxWithTwoZeros() {
    TaskBox x = new TaskBox(Interval.of(-0.8, 0.9), Interval.of(-0.8, 0.9));
    TaskBox k = Krawczyk.image(CIRCLE_LINE, x);
    assertFalse(Krawczyk.provesUniqueZero(CIRCLE_LINE, x), k::toString);
    double r = 1 / Math.sqrt(2);
    assertTrue(k.contains(r, r) && k.contains(-r, -r), k::toString);
  }

  @Test
  void singularJacobianAtTheMidpointIsRefused() {
    // x² − 2 on [−2, 2]: J(0) = 0.
    assertThrows(ArithmeticException.class, () -> Krawczyk.image(SQRT2, box1(-2, 2)));
  }

  /** The on-task loss: certified at a small radius, and the operator's answer agrees with provesUniqueZero. */
  @ParameterizedTest
  @EnumSource(Preset.class)
  void onTaskLossSmallBoxIsProvedAndWideBoxIsNot(Preset preset) {
    for (int i = 0; i < preset.config().tasks(); i++) {
      OnTaskLoss loss = OnTaskLoss.of(preset.config(), i);
      double w = loss.omegaStarApprox();
      double m = loss.muStarApprox();
      TaskBox small = TaskBox.around(w, 1e-6 * w, m, 1e-6 * m);
      assertTrue(Krawczyk.provesUniqueZero(loss, small), preset.id() + " task " + i);
      double q = Krawczyk.contraction(small, Krawczyk.image(loss, small));
      // K(X) is the Newton point (≈ 1e-16 relative from the centre) plus M·(X − x̃) with |M| = O(r): depth O(r).
      assertTrue(q >= 0 && q < 1e-3, preset.id() + " task " + i + ": contraction " + q);
      // At relative radius 0.9 the box reaches ω, μ ≈ 0, where the loss is not convex: K(X) leaves X.
      TaskBox wide = TaskBox.around(w, 0.9 * w, m, 0.9 * m);
      assertFalse(Krawczyk.provesUniqueZero(loss, wide), preset.id() + " task " + i);
    }
  }

  /** The inclusion test is strict in both coordinates. */
  @Test
  void inclusionIsIntoTheInteriorOfBothCoordinates() {
    TaskBox x = new TaskBox(Interval.of(0, 1), Interval.of(0, 1));
    assertTrue(x.containsInInterior(new TaskBox(Interval.of(0.25, 0.75), Interval.of(0.25, 0.75))));
    assertFalse(x.containsInInterior(new TaskBox(Interval.of(0, 0.75), Interval.of(0.25, 0.75))), "touches");
    assertFalse(x.containsInInterior(new TaskBox(Interval.of(0.25, 0.75), Interval.of(0.25, 1))), "touches");
    assertFalse(x.containsInInterior(new TaskBox(Interval.of(0.25, 0.75), Interval.of(0.5, 1.5))), "mu leaves");
    assertFalse(x.containsInInterior(new TaskBox(Interval.of(-0.5, 0.75), Interval.of(0.25, 0.75))), "omega leaves");
    assertTrue(x.contains(new TaskBox(Interval.of(0, 1), Interval.of(0.25, 1))));
    assertFalse(x.contains(new TaskBox(Interval.of(0, 1), Interval.of(0.25, 1.5))));
    assertFalse(x.contains(new TaskBox(Interval.of(-1, 1), Interval.of(0.25, 0.5))));
  }
}
