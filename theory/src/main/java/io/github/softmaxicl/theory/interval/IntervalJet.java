package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.Scalar;
import java.util.Arrays;

/**
 * A first-order jet in interval arithmetic: an enclosure of a value {@code v(x)} and of its gradient
 * {@code ∂v/∂x} with respect to {@code m} variables, for every {@code x} in a box (forward-mode automatic
 * differentiation, the mean-value / Lohner setting: evaluated over a box, the gradient part encloses the Jacobian
 * over the whole box). With {@code m = 0} it is an interval. Every operation applies the chain rule with
 * outward-rounded {@link Interval} arithmetic, so the enclosure property carries over from {@code Interval}.
 *
 * <p>Used as the coefficient type of {@link TaylorSeries}: the gradient of the k-th Taylor coefficient of the
 * solution with respect to the initial point is the k-th Taylor coefficient of the variational equation, which the
 * Lohner step needs for its moving frame (Nedialkov, Jackson and Corliss 1999, §3.2). Immutable.
 */
@SuppressWarnings("index") // gradients of two operands have the same length m (checked in sameDimension)
public final class IntervalJet implements Scalar<IntervalJet> {
  /**
   * The bounds, interleaved: {@code [lo, hi]} of the value at 0 and 1, of {@code ∂v/∂x_i} at {@code 2i + 2} and
   * {@code 2i + 3}; each pair checked and its zeros normalised as {@link Interval#of} does. One array, not an
   * {@code Interval} per entry: the validated integration's convolutions read millions of these a second, and
   * following a reference per interval was most of their time (a proof's profile: 27 % of its samples on the
   * loads of the operands' bounds, after the products themselves had been made cheap).
   */
  private final double[] b;
  /**
   * True if the gradient is exactly 0 by construction (a constant, or built from constants only). Operations
   * then skip the products with it: they are exact zeros and adding an exact zero is exact, so the results are
   * the same bits as the full chain rule, at about half the cost for the loss constants.
   */
  private final boolean constant;

  private IntervalJet(double[] bounds, boolean constant) {
    this.b = bounds;
    this.constant = constant;
  }

  /** A constant (zero gradient) in {@code m} variables. */
  public static IntervalJet constant(Interval value, int m) {
    double[] b = new double[2 * m + 2];
    b[0] = value.lo();
    b[1] = value.hi();
    return new IntervalJet(b, true);
  }

  /** The variable {@code x_index} of {@code m}, ranging over {@code value}: gradient the unit vector. */
  public static IntervalJet variable(Interval value, int index, int m) {
    if (index < 0 || index >= m) {
      throw new IllegalArgumentException("variable " + index + " of " + m);
    }
    double[] b = new double[2 * m + 2];
    b[0] = value.lo();
    b[1] = value.hi();
    b[2 * index + 2] = 1.0;
    b[2 * index + 3] = 1.0;
    return new IntervalJet(b, false);
  }

  /**
   * A jet with these enclosures of its value and gradient, not flagged constant (for tests, which need jets
   * whose entries are arbitrary intervals; the series build theirs from {@link #constant} and {@link #variable}).
   */
  static IntervalJet of(Interval value, Interval... gradient) {
    double[] b = new double[2 * gradient.length + 2];
    b[0] = value.lo();
    b[1] = value.hi();
    for (int i = 0; i < gradient.length; i++) {
      b[2 * i + 2] = gradient[i].lo();
      b[2 * i + 3] = gradient[i].hi();
    }
    return new IntervalJet(b, false);
  }

  /** The enclosure of the value. */
  public Interval value() {
    return Interval.of(b[0], b[1]);
  }

  /** Number of variables m. */
  public int variables() {
    return b.length / 2 - 1;
  }

  /** The enclosure of {@code ∂v/∂x_i}. */
  public Interval derivative(int i) {
    if (i < 0) {
      // b[2i + 2] would be the value's bounds (i = −1); past m the array's own bound check refuses
      throw new ArrayIndexOutOfBoundsException("derivative " + i + " of " + variables());
    }
    return Interval.of(b[2 * i + 2], b[2 * i + 3]);
  }

  private void sameDimension(IntervalJet y) {
    if (y.b.length != b.length) {
      throw new IllegalArgumentException("jets in " + variables() + " and " + y.variables() + " variables");
    }
  }

  @Override
  public IntervalJet add(IntervalJet y) {
    sameDimension(y);
    double[] r = new double[b.length];
    sumInto(b, constant, y.b, y.constant, r);
    return new IntervalJet(r, constant && y.constant);
  }

  @Override
  public IntervalJet subtract(IntervalJet y) {
    sameDimension(y);
    double[] r = new double[b.length];
    for (int j = 2; j < b.length; j += 2) {
      // x − y = x + (−y), the negation exact and normalised as Interval.negate's
      sum(b[j], b[j + 1], Interval.normalised(-y.b[j + 1]), Interval.normalised(-y.b[j]), r, j);
    }
    sum(b[0], b[1], Interval.normalised(-y.b[1]), Interval.normalised(-y.b[0]), r, 0);
    return new IntervalJet(r, constant && y.constant);
  }

  /** {@code (uv)' = u'v + uv'}. */
  @Override
  public IntervalJet multiply(IntervalJet y) {
    sameDimension(y);
    double[] r = new double[b.length];
    productInto(this, y, r, new Interval.Hull());
    return new IntervalJet(r, constant && y.constant);
  }

  @Override
  public IntervalJet multiply(double c) {
    return scale(Interval.point(c));
  }

  /** {@code this × c} for an interval constant. */
  public IntervalJet scale(Interval c) {
    return timesEach(c.lo(), c.hi(), false, this.b, constant);
  }

  /** {@code this / k} for a positive integer k (the Taylor recurrences divide by the coefficient's index). */
  public IntervalJet divide(int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("divisor must be > 0: " + k);
    }
    Interval d = Interval.point(k);
    return timesEach(d.lo(), d.hi(), true, this.b, constant);
  }

  /** {@code (u²)' = 2uu'}; the value is the tight square. */
  @Override
  public IntervalJet sqr() {
    Interval value = value();
    Interval twice = value.multiply(2.0);
    double[] r = new double[b.length];
    Interval.Hull h = new Interval.Hull();
    for (int j = 2; j < b.length; j += 2) {
      product(b[j], b[j + 1], twice.lo(), twice.hi(), false, r, j, h);
    }
    Interval square = value.sqr();
    r[0] = square.lo();
    r[1] = square.hi();
    return new IntervalJet(r, constant);
  }

  /** {@code (e^u)' = e^u u'}. */
  @Override
  public IntervalJet exp() {
    Interval e = value().exp();
    double[] r = new double[b.length];
    Interval.Hull h = new Interval.Hull();
    for (int j = 2; j < b.length; j += 2) {
      product(b[j], b[j + 1], e.lo(), e.hi(), false, r, j, h);
    }
    r[0] = e.lo();
    r[1] = e.hi();
    return new IntervalJet(r, constant);
  }

  @Override
  public String toString() {
    Interval[] g = new Interval[variables()];
    for (int i = 0; i < g.length; i++) {
      g[i] = derivative(i);
    }
    return value() + " d" + Arrays.toString(g);
  }

  /** Every entry (gradient first, then value) times (or divided by) {@code [cl, ch]}, as Interval does it. */
  private static IntervalJet timesEach(double cl, double ch, boolean quotient, double[] x, boolean constant) {
    double[] r = new double[x.length];
    Interval.Hull h = new Interval.Hull();
    for (int j = 2; j < x.length; j += 2) {
      product(x[j], x[j + 1], cl, ch, quotient, r, j, h);
    }
    product(x[0], x[1], cl, ch, quotient, r, 0, h);
    return new IntervalJet(r, constant);
  }

  /**
   * {@code r} ← the bounds of {@code x × y}: the gradient by the chain rule, skipping the exact-zero products with a
   * constant's gradient ({@code x·y'} if x is constant, {@code x'·y} if y is, else {@code x'·y + x·y'}; nothing if
   * both are, leaving r's gradient as it is), then the value.
   */
  private static void productInto(IntervalJet x, IntervalJet y, double[] r, Interval.Hull h) {
    double[] xb = x.b;
    double[] yb = y.b;
    if (!(x.constant && y.constant)) {
      for (int j = 2; j < xb.length; j += 2) {
        if (x.constant) {
          product(xb[0], xb[1], yb[j], yb[j + 1], false, r, j, h);
        } else if (y.constant) {
          product(xb[j], xb[j + 1], yb[0], yb[1], false, r, j, h);
        } else {
          product(xb[j], xb[j + 1], yb[0], yb[1], false, r, j, h);
          double first = r[j];
          double last = r[j + 1];
          product(xb[0], xb[1], yb[j], yb[j + 1], false, r, j, h);
          sum(first, last, r[j], r[j + 1], r, j);
        }
      }
    }
    product(xb[0], xb[1], yb[0], yb[1], false, r, 0, h);
  }

  /**
   * {@code r} ← the bounds of {@code x + y} (r may be x): where one gradient is exactly 0 the sum keeps the other's
   * without arithmetic, else entry by entry; then the value.
   */
  private static void sumInto(double[] x, boolean xConstant, double[] y, boolean yConstant, double[] r) {
    if (xConstant || yConstant) {
      System.arraycopy(xConstant ? y : x, 2, r, 2, r.length - 2);
    } else {
      for (int j = 2; j < r.length; j += 2) {
        sum(x[j], x[j + 1], y[j], y[j + 1], r, j);
      }
    }
    sum(x[0], x[1], y[0], y[1], r, 0);
  }

  /** {@code r[j], r[j + 1] ← [al, ah] × [bl, bh]} (or ÷), as {@link Interval#multiply(Interval)} does. */
  private static void product(double al, double ah, double bl, double bh, boolean quotient, double[] r, int j,
      Interval.Hull h) {
    Interval.hull(al, ah, bl, bh, quotient, h);
    settle(h.lo, h.hi, r, j);
  }

  /** {@code r[j], r[j + 1] ← [al, ah] + [bl, bh]}, as {@link Interval#add(Interval)} does. */
  private static void sum(double al, double ah, double bl, double bh, double[] r, int j) {
    double l = Interval.sumLo(al, bl);
    double h = Interval.sumHi(ah, bh);
    settle(l, h, r, j);
  }

  /** Checks and normalises a pair of bounds as {@link Interval#of} does, and stores it. */
  private static void settle(double l, double h, double[] r, int j) {
    Interval.requireBounds(l, h);
    r[j] = Interval.normalised(l);
    r[j + 1] = Interval.normalised(h);
  }

  /**
   * A running sum of jet products, {@code s ← s + x × y}, with the bits of {@code s.add(x.multiply(y))} but without
   * the jet that expression allocates per term and the one it discards. The Taylor recurrences' convolutions
   * Σ_j a_j b_{k−j} ({@link TaylorSeries}) are most of the validated integration's time, and allocating those
   * jets was most of theirs: a proof's profile showed 60 % of its samples on {@code new Interval}.
   *
   * <p>Same operations in the same order as the two calls it replaces: the product's gradient (by the constant
   * cases of {@link #multiply(IntervalJet)}), then its value, then the sum's gradient and value (by those of
   * {@link #add(IntervalJet)}). Mutable, for one convolution.
   */
  static final class ProductSum {
    private final double[] s;
    private final double[] p;
    private final Interval.Hull h = new Interval.Hull();
    private boolean constant;
    private boolean started;

    /** An empty sum of jets in {@code m} variables. */
    ProductSum(int m) {
      s = new double[2 * m + 2];
      p = new double[2 * m + 2];
    }

    /** {@code s ← j}: a sum that starts from a given jet (as {@code s = zero; s = s.add(…)} does). */
    ProductSum start(IntervalJet j) {
      dimension(j);
      System.arraycopy(j.b, 0, s, 0, s.length);
      constant = j.constant;
      started = true;
      return this;
    }

    /** {@code s ← x × y} for the first term, {@code s ← s + x × y} after it. */
    void addProduct(IntervalJet x, IntervalJet y) {
      dimension(x);
      dimension(y);
      boolean productConstant = x.constant && y.constant;
      // A constant product leaves p's gradient as it is: it is read below only while the sum is constant, and
      // until then every product was constant too, so p's gradient still holds the zeros it was created with.
      productInto(x, y, p, h);
      if (!started) {
        System.arraycopy(p, 0, s, 0, s.length);
        constant = productConstant;
        started = true;
        return;
      }
      sumInto(s, constant, p, productConstant, s);
      constant = constant && productConstant;
    }

    /** The sum as a jet. */
    IntervalJet toJet() {
      if (!started) {
        throw new IllegalStateException("an empty sum of products");
      }
      return new IntervalJet(s.clone(), constant);
    }

    private void dimension(IntervalJet j) {
      if (j.b.length != s.length) {
        throw new IllegalArgumentException("jets in " + (s.length / 2 - 1) + " and " + j.variables() + " variables");
      }
    }
  }
}
