package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.Scalar;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A Taylor series in time, {@code u(t₀ + s) = Σ_k u_k s^k}, with <em>normalised</em> coefficients
 * {@code u_k = u^{(k)}(t₀)/k!} enclosed as {@link IntervalJet}s, computed lazily: each series is a node of an
 * expression graph that computes its coefficient k on request from its operands' coefficients up to k and keeps
 * them (automatic differentiation in time: Moore 1966; Rall 1981; the recurrences of Nedialkov, Jackson and
 * Corliss 1999, §4, as in the Taylor coefficient generators of CAPD and VNODE-LP). As a {@link Scalar} it lets
 * each formula written once over {@code Scalar} (the loss, its gradient, the log-coordinate chain rule) build the
 * graph of the vector field; an {@link #unknown} series bound by {@link #define} to that graph then yields the
 * solution's coefficients by {@code x_{k+1} = f(x)_k/(k+1)}. Lazy evaluation makes the cost of K coefficients
 * O(K²) products per operation, where re-evaluating the formula on truncated series for each k costs O(K³).
 *
 * <ul>
 *   <li>sum, difference, constant multiple: coefficient-wise;</li>
 *   <li>product: the Cauchy product {@code (uv)_k = Σ_{j≤k} u_j v_{k−j}};</li>
 *   <li>square: the same with symmetric terms paired and the tight interval square for the middle term;</li>
 *   <li>exp: {@code t = e^u} satisfies {@code t' = t u'}, hence {@code t_0 = e^{u_0}} and
 *       {@code t_k = (1/k) Σ_{j=1}^{k} j u_j t_{k−j}}.</li>
 * </ul>
 *
 * <p>Every coefficient encloses the true one for every point of the enclosures it was built from, by the
 * inclusion property of {@link Interval} arithmetic. Operands of one operation must have jets in the same number of
 * variables. A series is a value except for its cache of computed coefficients and the one-time binding of an
 * unknown; it is not thread-safe. Request coefficients in increasing order (k = 0, 1, …) to keep the recursion
 * shallow.
 */
public final class TaylorSeries implements Scalar<TaylorSeries> {
  private enum Op {
    FIXED, UNKNOWN, ADD, SUBTRACT, MULTIPLY, SCALE, SQR, EXP
  }

  private final Op op;
  private final @Nullable TaylorSeries left;
  private final @Nullable TaylorSeries right;
  private final double factor;
  private final IntervalJet zero;
  /** For a fixed series, the number of given coefficients (the cache below also grows by the zeros after them). */
  private final int given;
  private final List<IntervalJet> known;
  private @Nullable TaylorSeries derivative;

  private TaylorSeries(Op op, @Nullable TaylorSeries left, @Nullable TaylorSeries right, double factor,
      IntervalJet zero) {
    this(op, left, right, factor, zero, 0);
  }

  private TaylorSeries(Op op, @Nullable TaylorSeries left, @Nullable TaylorSeries right, double factor,
      IntervalJet zero, int given) {
    this.given = given;
    this.op = op;
    this.left = left;
    this.right = right;
    this.factor = factor;
    this.zero = zero;
    this.known = new ArrayList<>();
  }

  /**
   * The polynomial with these normalised coefficients (all higher ones 0).
   *
   * @throws IllegalArgumentException if there are none, or their jets differ in dimension
   */
  public static TaylorSeries of(IntervalJet... coefficients) {
    if (coefficients.length == 0) {
      throw new IllegalArgumentException("a series needs at least one coefficient");
    }
    IntervalJet first = coefficients[0];
    TaylorSeries s = new TaylorSeries(Op.FIXED, null, null, 0.0, IntervalJet.constant(Interval.ZERO,
        first.variables()), coefficients.length);
    for (IntervalJet j : coefficients) {
      if (j.variables() != first.variables()) {
        throw new IllegalArgumentException("coefficients with different numbers of jet variables");
      }
      s.known.add(j);
    }
    return s;
  }

  /** The constant {@code value}. */
  public static TaylorSeries constant(IntervalJet value) {
    return of(value);
  }

  /**
   * An unknown solution component with value {@code start} at t₀, whose higher coefficients follow from its
   * derivative once {@link #define}d: {@code u_{k+1} = (u')_k/(k+1)}.
   */
  public static TaylorSeries unknown(IntervalJet start) {
    TaylorSeries s = new TaylorSeries(Op.UNKNOWN, null, null, 0.0,
        IntervalJet.constant(Interval.ZERO, start.variables()));
    s.known.add(start);
    return s;
  }

  /**
   * Binds an unknown to its derivative series (which may depend on the unknown itself).
   *
   * @throws IllegalStateException if this is not an unbound unknown
   */
  public void define(TaylorSeries derivativeSeries) {
    if (op != Op.UNKNOWN || derivative != null) {
      throw new IllegalStateException("only an unbound unknown can be defined");
    }
    this.derivative = derivativeSeries;
  }

  /** The normalised coefficient {@code u_k}, computed (and kept) on first request. */
  public IntervalJet coefficient(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("negative coefficient index " + k);
    }
    while (known.size() <= k) {
      int next = known.size();
      IntervalJet c = compute(next);
      known.add(c);
    }
    return known.get(k);
  }

  private static TaylorSeries operand(@Nullable TaylorSeries s) {
    if (s == null) {
      throw new IllegalStateException("operation without its operand");
    }
    return s;
  }

  private IntervalJet compute(int k) {
    switch (op) {
      case FIXED:
        return zero;
      case UNKNOWN: {
        TaylorSeries d = derivative;
        if (d == null) {
          throw new IllegalStateException("coefficient " + k + " of an unknown with no derivative defined");
        }
        return d.coefficient(k - 1).divide(k);
      }
      case ADD:
        return operand(left).coefficient(k).add(operand(right).coefficient(k));
      case SUBTRACT:
        return operand(left).coefficient(k).subtract(operand(right).coefficient(k));
      case SCALE:
        return operand(left).coefficient(k).multiply(factor);
      case MULTIPLY: {
        TaylorSeries a = operand(left);
        TaylorSeries b = operand(right);
        // a constant factor has exact-zero higher coefficients: the other products are exact zeros and adding
        // them is exact, so this shortcut gives the same bits in O(1) instead of O(k)
        if (a.isConstant()) {
          return a.coefficient(0).multiply(b.coefficient(k));
        }
        if (b.isConstant()) {
          return a.coefficient(k).multiply(b.coefficient(0));
        }
        // s = a_0 b_k, then s = s + a_j b_{k−j}: the same bits, without two jets per term
        IntervalJet.ProductSum s = new IntervalJet.ProductSum(zero.variables());
        for (int j = 0; j <= k; j++) {
          s.addProduct(a.coefficient(j), b.coefficient(k - j));
        }
        return s.toJet();
      }
      case SQR: {
        TaylorSeries a = operand(left);
        IntervalJet.ProductSum half = new IntervalJet.ProductSum(zero.variables()).start(zero);
        for (int j = 0; 2 * j < k; j++) {
          half.addProduct(a.coefficient(j), a.coefficient(k - j));
        }
        IntervalJet s = half.toJet().multiply(2.0);
        if (k % 2 == 0) {
          s = s.add(a.coefficient(k / 2).sqr());
        }
        return s;
      }
      case EXP: {
        TaylorSeries a = operand(left);
        if (k == 0) {
          return a.coefficient(0).exp();
        }
        IntervalJet.ProductSum s = new IntervalJet.ProductSum(zero.variables());
        s.addProduct(a.coefficient(1), coefficient(k - 1));
        for (int j = 2; j <= k; j++) {
          s.addProduct(a.coefficient(j).multiply(j), coefficient(k - j));
        }
        return s.toJet().divide(k);
      }
      default:
        throw new IllegalStateException("unknown operation " + op);
    }
  }

  /** A constant: a fixed series with only its 0-th coefficient given. */
  private boolean isConstant() {
    return op == Op.FIXED && given == 1;
  }

  private void sameDimension(TaylorSeries y) {
    if (y.zero.variables() != zero.variables()) {
      throw new IllegalArgumentException("series with jets in " + zero.variables() + " and "
          + y.zero.variables() + " variables");
    }
  }

  @Override
  public TaylorSeries add(TaylorSeries y) {
    sameDimension(y);
    return new TaylorSeries(Op.ADD, this, y, 0.0, zero);
  }

  @Override
  public TaylorSeries subtract(TaylorSeries y) {
    sameDimension(y);
    return new TaylorSeries(Op.SUBTRACT, this, y, 0.0, zero);
  }

  @Override
  public TaylorSeries multiply(TaylorSeries y) {
    sameDimension(y);
    return new TaylorSeries(Op.MULTIPLY, this, y, 0.0, zero);
  }

  @Override
  public TaylorSeries multiply(double c) {
    return new TaylorSeries(Op.SCALE, this, null, c, zero);
  }

  @Override
  public TaylorSeries sqr() {
    return new TaylorSeries(Op.SQR, this, null, 0.0, zero);
  }

  @Override
  public TaylorSeries exp() {
    return new TaylorSeries(Op.EXP, this, null, 0.0, zero);
  }

  @Override
  public String toString() {
    return op + known.toString();
  }
}
