package io.github.softmaxicl.theory;

/**
 * A plain double as a {@link Scalar}: every operation is the single IEEE operation Java evaluates for it, and
 * {@code exp} is {@link StrictMath#exp}, so a formula over {@code Real} gives the bits of the same double loop.
 *
 * @param value the double
 */
public record Real(double value) implements Scalar<Real> {
  /** 0. */
  public static final Real ZERO = new Real(0.0);

  /** 1. */
  public static final Real ONE = new Real(1.0);

  @Override
  public Real add(Real y) {
    return new Real(value + y.value);
  }

  @Override
  public Real subtract(Real y) {
    return new Real(value - y.value);
  }

  @Override
  public Real multiply(Real y) {
    return new Real(value * y.value);
  }

  @Override
  public Real multiply(double c) {
    return new Real(value * c);
  }

  @Override
  public Real sqr() {
    return new Real(value * value);
  }

  @Override
  public Real exp() {
    return new Real(StrictMath.exp(value));
  }
}
