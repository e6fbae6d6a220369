package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.Scalar;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A closed interval {@code [lo, hi]} of real numbers with finite {@code double} bounds, and interval arithmetic
 * with <em>outward rounding</em>: every operation returns an interval that contains the exact real result of the
 * operation applied to every pair of real numbers of its operands.
 *
 * <p>How the rounding is made outward. Java evaluates {@code + - * /} and {@link StrictMath#sqrt} correctly rounded
 * to nearest (IEEE 754), so the exact result of one operation on two doubles lies within half an ulp of the computed
 * double {@code r}, hence in {@code [Math.nextDown(r), Math.nextUp(r)]}; that is the bound used here. A bound is
 * left unwidened only where the operation is exact: a product with a zero factor, a sum with a zero term, a
 * negation. {@link StrictMath#exp} and {@link StrictMath#log} are fdlibm, whose documented error is below one ulp;
 * their bounds are widened by two ulps (one beyond the documented accuracy). The results of {@code exp} and
 * {@code log} at the endpoints suffice because both functions are increasing.
 *
 * <p>Every bound is finite: an operation whose result would overflow, or is undefined (a NaN), throws
 * {@link ArithmeticException} instead of returning a meaningless enclosure. Refused operations: division by an
 * interval containing 0, {@link #sqrt()} of an interval reaching below 0, {@link #log()} of an interval reaching
 * 0 or below.
 *
 * <p>Immutable and thread-safe. Results do not depend on the platform ({@code StrictMath}, strict IEEE doubles).
 */
public final class Interval implements Scalar<Interval> {
  /** The degenerate interval [0, 0]. */
  public static final Interval ZERO = new Interval(0.0, 0.0);
  /** The degenerate interval [1, 1]. */
  public static final Interval ONE = new Interval(1.0, 1.0);

  private final double lo;
  private final double hi;

  private Interval(double lo, double hi) {
    this.lo = lo;
    this.hi = hi;
  }

  /**
   * The interval {@code [lo, hi]}.
   *
   * @throws IllegalArgumentException if a bound is not finite or {@code lo > hi}
   */
  public static Interval of(double lo, double hi) {
    requireBounds(lo, hi);
    return new Interval(normalised(lo), normalised(hi));
  }

  /** Refuses bounds that are not finite or not ordered, as {@link #of} does. */
  static void requireBounds(double lo, double hi) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
      throw new IllegalArgumentException("not an interval with finite bounds lo <= hi: [" + lo + ", " + hi + "]");
    }
  }

  /** −0.0 and 0.0 are the same real number; bounds are stored as 0.0 so that they compare and print predictably. */
  static double normalised(double bound) {
    return bound == 0.0 ? 0.0 : bound;
  }

  /** The degenerate interval {@code [x, x]} holding exactly the double {@code x}. */
  public static Interval point(double x) {
    return of(x, x);
  }

  /**
   * An enclosure of a real number written in decimal (e.g. {@code "0.1"}, which no double equals): the nearest
   * double widened by one ulp either side, or the degenerate interval if the double equals the decimal exactly.
   *
   * @throws NumberFormatException if {@code decimal} is not a decimal number
   */
  public static Interval enclosing(String decimal) {
    BigDecimal exact = new BigDecimal(decimal);
    double x = exact.doubleValue();
    if (!Double.isFinite(x)) {
      throw new ArithmeticException("decimal out of the double range: " + decimal);
    }
    if (new BigDecimal(x).compareTo(exact) == 0) {
      return point(x);
    }
    return of(Math.nextDown(x), Math.nextUp(x));
  }

  /** The interval {@code [centre − radius, centre + radius]}, rounded outward; {@code radius ≥ 0}. */
  public static Interval around(double centre, double radius) {
    if (!(radius >= 0)) {
      throw new IllegalArgumentException("radius must be >= 0 (got " + radius + ")");
    }
    return point(centre).add(of(-radius, radius));
  }

  /** Lower bound. */
  public double lo() {
    return lo;
  }

  /** Upper bound. */
  public double hi() {
    return hi;
  }

  // ---- rounding helpers --------------------------------------------------------------------------------------

  /** A lower bound of the exact result whose nearest double is {@code r}; exact results stay as they are. */
  private static double down(double r, boolean exact) {
    finite(r);
    return exact ? r : Math.nextDown(r);
  }

  private static double up(double r, boolean exact) {
    finite(r);
    return exact ? r : Math.nextUp(r);
  }

  private static double finite(double r) {
    if (!Double.isFinite(r)) {
      throw new ArithmeticException("interval bound overflowed or is undefined: " + r);
    }
    return r;
  }

  // ---- arithmetic --------------------------------------------------------------------------------------------

  /** {@code this + y}. */
  public Interval add(Interval y) {
    return of(sumLo(lo, y.lo), sumHi(hi, y.hi));
  }

  /** The lower bound of {@link #add}: the rounded sum of two lower bounds, widened unless a term is 0. */
  static double sumLo(double x, double y) {
    return down(x + y, x == 0.0 || y == 0.0);
  }

  /** The upper bound of {@link #add}. */
  static double sumHi(double x, double y) {
    return up(x + y, x == 0.0 || y == 0.0);
  }

  /** {@code this − y}. */
  public Interval subtract(Interval y) {
    return add(y.negate());
  }

  /** {@code −this} (exact). */
  public Interval negate() {
    return of(-hi, -lo);
  }

  /** {@code this × y}: the hull of the four endpoint products, each rounded outward. */
  public Interval multiply(Interval y) {
    return endpointHull(y, false);
  }

  /** {@code this × c} for a double {@code c} taken as exact. */
  public Interval multiply(double c) {
    return multiply(point(c));
  }

  /** {@code this + c} for a double {@code c} taken as exact. */
  public Interval add(double c) {
    return add(point(c));
  }

  /**
   * {@code this ÷ y}.
   *
   * @throws ArithmeticException if {@code y} contains 0
   */
  public Interval divide(Interval y) {
    if (y.lo <= 0.0 && y.hi >= 0.0) {
      throw new ArithmeticException("division by an interval containing 0: " + y);
    }
    return endpointHull(y, true);
  }

  /**
   * The hull of the four endpoint products (or quotients), each rounded outward unless it is exact: a product
   * with a zero factor, or a quotient with a zero numerator (the divisor never contains 0 here).
   */
  private Interval endpointHull(Interval y, boolean quotient) {
    Hull h = new Hull();
    hull(lo, hi, y.lo, y.hi, quotient, h);
    return of(h.lo, h.hi);
  }

  /** The two bounds of one product or quotient, before {@link #of} checks them (the jets keep one per operation). */
  static final class Hull {
    double lo;
    double hi;
  }

  /**
   * The bounds of {@code [a, b] × [c, d]} (or {@code ÷}) as {@link #multiply(Interval)} computes them, before
   * {@link #of} checks and normalises them, into {@code out}: the least and the greatest of the four endpoint
   * results, each widened by an ulp unless it is exact (signed zeros, the only ties whose order could show, are
   * normalised by {@code of}). A non-finite product or quotient is refused, the first in the order a·c, a·d, b·c,
   * b·d. Straight-line, without arrays or {@code Math.min}/{@code max}: interval products are most of the validated
   * integration's time (the Taylor coefficients' convolutions, {@link IntervalJet.ProductSum}); it looped over two
   * arrays and widened all eight bounds before.
   */
  static void hull(double a, double b, double c, double d, boolean quotient, Hull out) {
    double ac = finite(quotient ? a / c : a * c);
    double ad = finite(quotient ? a / d : a * d);
    double bc = finite(quotient ? b / c : b * c);
    double bd = finite(quotient ? b / d : b * d);
    if (noneExact(a, b, c, d, quotient)) {
      // each result is widened, and widening is monotone: the least widened result is the widened least
      out.lo = Math.nextDown(lower(lower(ac, ad), lower(bc, bd)));
      out.hi = Math.nextUp(upper(upper(ac, ad), upper(bc, bd)));
      return;
    }
    boolean a0 = a == 0.0;
    boolean b0 = b == 0.0;
    boolean c0 = !quotient && c == 0.0;
    boolean d0 = !quotient && d == 0.0;
    out.lo = lower(lower(a0 || c0 ? ac : Math.nextDown(ac), a0 || d0 ? ad : Math.nextDown(ad)),
        lower(b0 || c0 ? bc : Math.nextDown(bc), b0 || d0 ? bd : Math.nextDown(bd)));
    out.hi = upper(upper(a0 || c0 ? ac : Math.nextUp(ac), a0 || d0 ? ad : Math.nextUp(ad)),
        upper(b0 || c0 ? bc : Math.nextUp(bc), b0 || d0 ? bd : Math.nextUp(bd)));
  }

  /** True if no endpoint product (quotient) is exact: no zero numerator, and for products no zero factor. */
  private static boolean noneExact(double a, double b, double c, double d, boolean quotient) {
    return a != 0.0 && b != 0.0 && (quotient || (c != 0.0 && d != 0.0));
  }

  /** The smaller of two bounds that are not NaN (either one when they are equal, such as 0 and −0). */
  private static double lower(double x, double y) {
    return x < y ? x : y;
  }

  private static double upper(double x, double y) {
    return x > y ? x : y;
  }

  /** {@code this²}: the tight range of {@code x²} over the interval (not {@code this × this}). */
  public Interval sqr() {
    double a = Math.abs(lo);
    double b = Math.abs(hi);
    double small = Math.min(a, b);
    double large = Math.max(a, b);
    double h = up(large * large, large == 0.0);
    if (lo <= 0.0 && hi >= 0.0) {
      return of(0.0, h);
    }
    return of(Math.max(0.0, down(small * small, false)), h);
  }

  /**
   * {@code √this}; {@link StrictMath#sqrt} is correctly rounded, so one ulp of widening suffices.
   *
   * @throws ArithmeticException if the lower bound is negative
   */
  public Interval sqrt() {
    if (lo < 0.0) {
      throw new ArithmeticException("sqrt of an interval reaching below 0: " + this);
    }
    double l = lo == 0.0 ? 0.0 : Math.max(0.0, down(StrictMath.sqrt(lo), false));
    double h = hi == 0.0 ? 0.0 : up(StrictMath.sqrt(hi), false);
    return of(l, h);
  }

  /** {@code exp(this)}: fdlibm's {@code exp} is within one ulp; the bounds are widened by two. */
  public Interval exp() {
    double l = finite(StrictMath.exp(lo));
    double h = finite(StrictMath.exp(hi));
    return of(Math.max(0.0, Math.nextDown(Math.nextDown(l))), up(Math.nextUp(h), false));
  }

  /**
   * {@code log(this)}: fdlibm's {@code log} is within one ulp; the bounds are widened by two.
   *
   * @throws ArithmeticException if the lower bound is 0 or negative
   */
  public Interval log() {
    if (!(lo > 0.0)) {
      throw new ArithmeticException("log of an interval reaching 0 or below: " + this);
    }
    double l = finite(StrictMath.log(lo));
    double h = finite(StrictMath.log(hi));
    return of(Math.nextDown(Math.nextDown(l)), Math.nextUp(Math.nextUp(h)));
  }

  /**
   * {@code this^k} for an integer {@code k}: the tight range of {@code x^k} over the interval (even powers of an
   * interval containing 0 start at 0), with bounds from products rounded towards the side they bound.
   *
   * @throws ArithmeticException for {@code k < 0} if the interval contains 0
   */
  public Interval pow(int k) {
    if (k == 0) {
      return ONE;
    }
    if (k < 0) {
      if (k == Integer.MIN_VALUE) {
        throw new ArithmeticException("exponent out of range: " + k);
      }
      return ONE.divide(pow(-k));
    }
    if (k % 2 == 0) {
      double a = Math.abs(lo);
      double b = Math.abs(hi);
      double h = powUp(Math.max(a, b), k);
      if (lo <= 0.0 && hi >= 0.0) {
        return of(0.0, h);
      }
      return of(powDown(Math.min(a, b), k), h);
    }
    // Odd powers are increasing on the whole line: x^k = −(|x|^k) for x < 0.
    double l = lo >= 0.0 ? powDown(lo, k) : -powUp(-lo, k);
    double h = hi >= 0.0 ? powUp(hi, k) : -powDown(-hi, k);
    return of(l, h);
  }

  /** A lower bound of {@code a^k} for {@code a ≥ 0}: products of lower bounds, each rounded down, stay below. */
  private static double powDown(double a, int k) {
    double r = 1.0;
    for (int i = 0; i < k; i++) {
      r = a == 0.0 ? 0.0 : Math.max(0.0, down(r * a, false));
    }
    return r;
  }

  private static double powUp(double a, int k) {
    double r = 1.0;
    for (int i = 0; i < k; i++) {
      r = a == 0.0 ? 0.0 : up(r * a, false);
    }
    return r;
  }

  // ---- set operations and queries ----------------------------------------------------------------------------

  /** True if the double {@code x} lies in the interval. */
  public boolean contains(double x) {
    return lo <= x && x <= hi;
  }

  /** True if the real number {@code x} lies in the interval (compared exactly). */
  public boolean contains(BigDecimal x) {
    return new BigDecimal(lo).compareTo(x) <= 0 && x.compareTo(new BigDecimal(hi)) <= 0;
  }

  /** True if {@code y} is a subset of this interval. */
  public boolean contains(Interval y) {
    return lo <= y.lo && y.hi <= hi;
  }

  /** True if {@code y} lies in the interior {@code (lo, hi)} of this interval (the Krawczyk test). */
  public boolean containsInInterior(Interval y) {
    return lo < y.lo && y.hi < hi;
  }

  /** True if every point of the interval is &gt; 0. */
  public boolean isPositive() {
    return lo > 0.0;
  }

  /** True if the interval is the single number 0. */
  public boolean isZero() {
    return lo == 0.0 && hi == 0.0;
  }

  /** An upper bound of the width {@code hi − lo} (rounded up). */
  public double width() {
    return hi == lo ? 0.0 : up(hi - lo, false);
  }

  /** A double in the interval, close to its midpoint. */
  public double midpoint() {
    double m = 0.5 * lo + 0.5 * hi; // no overflow; may be off by rounding, hence the clamp
    return Math.min(hi, Math.max(lo, m));
  }

  /** An upper bound of {@code |x|} over the interval (the magnitude). */
  public double magnitude() {
    return Math.max(Math.abs(lo), Math.abs(hi));
  }

  /** The smallest interval containing both. */
  public Interval hull(Interval y) {
    return of(Math.min(lo, y.lo), Math.max(hi, y.hi));
  }

  /** The intersection, or empty if the intervals are disjoint. */
  public Optional<Interval> intersection(Interval y) {
    double l = Math.max(lo, y.lo);
    double h = Math.min(hi, y.hi);
    return l <= h ? Optional.of(of(l, h)) : Optional.empty();
  }

  @Override
  public boolean equals(@org.checkerframework.checker.nullness.qual.Nullable Object o) {
    if (!(o instanceof Interval)) {
      return false;
    }
    Interval y = (Interval) o;
    return Double.compare(lo, y.lo) == 0 && Double.compare(hi, y.hi) == 0;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(lo) * 31 + Double.hashCode(hi);
  }

  /** {@code [lo, hi]} with both bounds printed exactly (shortest repr that round-trips). */
  @Override
  public String toString() {
    return "[" + lo + ", " + hi + "]";
  }
}
