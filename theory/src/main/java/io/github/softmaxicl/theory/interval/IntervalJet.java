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
  private final Interval value;
  private final Interval[] gradient;
  /**
   * True if the gradient is exactly 0 by construction (a constant, or built from constants only). Operations
   * then skip the products with it: they are exact zeros and adding an exact zero is exact, so the results are
   * the same bits as the full chain rule, at about half the cost for the loss constants.
   */
  private final boolean constant;

  private IntervalJet(Interval value, Interval[] gradient, boolean constant) {
    this.value = value;
    this.gradient = gradient;
    this.constant = constant;
  }

  /** A constant (zero gradient) in {@code m} variables. */
  public static IntervalJet constant(Interval value, int m) {
    Interval[] g = new Interval[m];
    Arrays.fill(g, Interval.ZERO);
    return new IntervalJet(value, g, true);
  }

  /** The variable {@code x_index} of {@code m}, ranging over {@code value}: gradient the unit vector. */
  public static IntervalJet variable(Interval value, int index, int m) {
    if (index < 0 || index >= m) {
      throw new IllegalArgumentException("variable " + index + " of " + m);
    }
    Interval[] g = new Interval[m];
    Arrays.fill(g, Interval.ZERO);
    g[index] = Interval.ONE;
    return new IntervalJet(value, g, false);
  }

  /** The enclosure of the value. */
  public Interval value() {
    return value;
  }

  /** Number of variables m. */
  public int variables() {
    return gradient.length;
  }

  /** The enclosure of {@code ∂v/∂x_i}. */
  public Interval derivative(int i) {
    return gradient[i];
  }

  private void sameDimension(IntervalJet y) {
    if (y.gradient.length != gradient.length) {
      throw new IllegalArgumentException("jets in " + gradient.length + " and " + y.gradient.length + " variables");
    }
  }

  @Override
  public IntervalJet add(IntervalJet y) {
    sameDimension(y);
    if (constant || y.constant) {
      return new IntervalJet(value.add(y.value), constant ? y.gradient : gradient, constant && y.constant);
    }
    Interval[] g = new Interval[gradient.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = gradient[i].add(y.gradient[i]);
    }
    return new IntervalJet(value.add(y.value), g, false);
  }

  @Override
  public IntervalJet subtract(IntervalJet y) {
    sameDimension(y);
    Interval[] g = new Interval[gradient.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = gradient[i].subtract(y.gradient[i]);
    }
    return new IntervalJet(value.subtract(y.value), g, constant && y.constant);
  }

  /** {@code (uv)' = u'v + uv'}. */
  @Override
  public IntervalJet multiply(IntervalJet y) {
    sameDimension(y);
    if (constant && y.constant) {
      return new IntervalJet(value.multiply(y.value), gradient, true);
    }
    Interval[] g = new Interval[gradient.length];
    for (int i = 0; i < g.length; i++) {
      if (constant) {
        g[i] = value.multiply(y.gradient[i]);
      } else if (y.constant) {
        g[i] = gradient[i].multiply(y.value);
      } else {
        g[i] = gradient[i].multiply(y.value).add(value.multiply(y.gradient[i]));
      }
    }
    return new IntervalJet(value.multiply(y.value), g, false);
  }

  @Override
  public IntervalJet multiply(double c) {
    return scale(Interval.point(c));
  }

  /** {@code this × c} for an interval constant. */
  public IntervalJet scale(Interval c) {
    Interval[] g = new Interval[gradient.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = gradient[i].multiply(c);
    }
    return new IntervalJet(value.multiply(c), g, constant);
  }

  /** {@code this / k} for a positive integer k (the Taylor recurrences divide by the coefficient's index). */
  public IntervalJet divide(int k) {
    if (k <= 0) {
      throw new IllegalArgumentException("divisor must be > 0: " + k);
    }
    Interval d = Interval.point(k);
    Interval[] g = new Interval[gradient.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = gradient[i].divide(d);
    }
    return new IntervalJet(value.divide(d), g, constant);
  }

  /** {@code (u²)' = 2uu'}; the value is the tight square. */
  @Override
  public IntervalJet sqr() {
    Interval twice = value.multiply(2.0);
    Interval[] g = new Interval[gradient.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = gradient[i].multiply(twice);
    }
    return new IntervalJet(value.sqr(), g, constant);
  }

  /** {@code (e^u)' = e^u u'}. */
  @Override
  public IntervalJet exp() {
    Interval e = value.exp();
    Interval[] g = new Interval[gradient.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = gradient[i].multiply(e);
    }
    return new IntervalJet(e, g, constant);
  }

  /**
   * A running sum of jet products, {@code s ← s + x × y}, with the bits of {@code s.add(x.multiply(y))} but without
   * the two jets (m + 1 intervals each) that expression allocates per term. The Taylor recurrences' convolutions
   * Σ_j a_j b_{k−j} ({@link TaylorSeries}) are most of the validated integration's time, and allocating those
   * jets was most of theirs: a proof's profile showed 60 % of its samples on {@code new Interval}.
   *
   * <p>Same operations in the same order as the two calls it replaces: the product's gradient (by the constant
   * cases of {@link #multiply(IntervalJet)}), then its value, then the sum's gradient and value (by those of
   * {@link #add(IntervalJet)}), each bound checked and its zero normalised where {@link Interval#of} would be.
   * Mutable, for one convolution.
   */
  static final class ProductSum {
    private final int m;
    private final double[] lo;
    private final double[] hi;
    private final double[] productLo;
    private final double[] productHi;
    private final double[] bounds = new double[2];
    private double valueLo;
    private double valueHi;
    private boolean constant;
    private boolean started;

    /** An empty sum of jets in {@code m} variables. */
    ProductSum(int m) {
      this.m = m;
      lo = new double[m];
      hi = new double[m];
      productLo = new double[m];
      productHi = new double[m];
    }

    /** {@code s ← j}: a sum that starts from a given jet (as {@code s = zero; s = s.add(…)} does). */
    ProductSum start(IntervalJet j) {
      dimension(j);
      valueLo = j.value.lo();
      valueHi = j.value.hi();
      for (int i = 0; i < m; i++) {
        lo[i] = j.gradient[i].lo();
        hi[i] = j.gradient[i].hi();
      }
      constant = j.constant;
      started = true;
      return this;
    }

    /** {@code s ← x × y} for the first term, {@code s ← s + x × y} after it. */
    ProductSum addProduct(IntervalJet x, IntervalJet y) {
      dimension(x);
      dimension(y);
      boolean productConstant = x.constant && y.constant;
      if (!productConstant) {
        for (int i = 0; i < m; i++) {
          if (x.constant) {
            product(x.value, y.gradient[i]);
          } else if (y.constant) {
            product(x.gradient[i], y.value);
          } else {
            product(x.gradient[i], y.value);
            double l = bounds[0];
            double h = bounds[1];
            product(x.value, y.gradient[i]);
            sum(l, h, bounds[0], bounds[1]);
          }
          productLo[i] = bounds[0];
          productHi[i] = bounds[1];
        }
      }
      product(x.value, y.value);
      if (!started) {
        valueLo = bounds[0];
        valueHi = bounds[1];
        constant = productConstant;
        copyProductGradient(productConstant);
        started = true;
        return this;
      }
      double pl = bounds[0];
      double ph = bounds[1];
      if (constant || productConstant) {
        // one gradient is exactly 0: the sum keeps the other's, without arithmetic
        if (constant) {
          copyProductGradient(productConstant);
        }
      } else {
        for (int i = 0; i < m; i++) {
          sum(lo[i], hi[i], productLo[i], productHi[i]);
          lo[i] = bounds[0];
          hi[i] = bounds[1];
        }
      }
      sum(valueLo, valueHi, pl, ph);
      valueLo = bounds[0];
      valueHi = bounds[1];
      constant = constant && productConstant;
      return this;
    }

    /** The sum as a jet. */
    IntervalJet toJet() {
      if (!started) {
        throw new IllegalStateException("an empty sum of products");
      }
      Interval[] g = new Interval[m];
      for (int i = 0; i < m; i++) {
        g[i] = Interval.of(lo[i], hi[i]);
      }
      return new IntervalJet(Interval.of(valueLo, valueHi), g, constant);
    }

    private void copyProductGradient(boolean productConstant) {
      for (int i = 0; i < m; i++) {
        lo[i] = productConstant ? 0.0 : productLo[i];
        hi[i] = productConstant ? 0.0 : productHi[i];
      }
    }

    /** {@code bounds ← x × y}, as {@link Interval#multiply(Interval)} computes, checks and normalises it. */
    private void product(Interval x, Interval y) {
      bounds[0] = Interval.hullLo(x.lo(), x.hi(), y.lo(), y.hi(), false);
      bounds[1] = Interval.hullHi(x.lo(), x.hi(), y.lo(), y.hi(), false);
      settle();
    }

    /** {@code bounds ← [al, ah] + [bl, bh]}, as {@link Interval#add(Interval)} does. */
    private void sum(double al, double ah, double bl, double bh) {
      bounds[0] = Interval.sumLo(al, bl);
      bounds[1] = Interval.sumHi(ah, bh);
      settle();
    }

    private void settle() {
      Interval.requireBounds(bounds[0], bounds[1]);
      bounds[0] = Interval.normalised(bounds[0]);
      bounds[1] = Interval.normalised(bounds[1]);
    }

    private void dimension(IntervalJet j) {
      if (j.gradient.length != m) {
        throw new IllegalArgumentException("jets in " + m + " and " + j.gradient.length + " variables");
      }
    }
  }

  @Override
  public String toString() {
    return value + " d" + Arrays.toString(gradient);
  }
}
