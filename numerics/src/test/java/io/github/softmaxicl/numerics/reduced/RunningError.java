package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.theory.Scalar;
import org.hipparchus.util.FastMath;

/**
 * A double with a first-order running bound on its round-off error (Wilkinson-style running error analysis), as
 * a {@link Scalar}: evaluating the generic leading-order formula over it gives, next to each value, a bound on
 * how far any evaluation performing the same operations may lie from the exact result. Each + − × adds
 * {@code u·|result|} ({@code u = 2⁻⁵³}, round to nearest) to the propagated input errors; exp turns an absolute
 * input error {@code ε} into {@code e^x (e^ε − 1)} and adds one ulp ({@code ≤ 2u·e^x}), the documented accuracy of
 * both {@code StrictMath.exp} and {@code FastMath.exp}.
 *
 * @param value the double computed
 * @param error bound on its distance from the exact result
 */
record RunningError(double value, double error) implements Scalar<RunningError> {
  /** Unit round-off of round-to-nearest doubles. */
  static final double U = 0x1p-53;

  static RunningError exact(double v) {
    return new RunningError(v, 0.0);
  }

  @Override
  public RunningError add(RunningError y) {
    double v = value + y.value;
    return new RunningError(v, error + y.error + U * FastMath.abs(v));
  }

  @Override
  public RunningError subtract(RunningError y) {
    double v = value - y.value;
    return new RunningError(v, error + y.error + U * FastMath.abs(v));
  }

  @Override
  public RunningError multiply(RunningError y) {
    double v = value * y.value;
    double propagated = FastMath.abs(value) * y.error + FastMath.abs(y.value) * error + error * y.error;
    return new RunningError(v, propagated + U * FastMath.abs(v));
  }

  @Override
  public RunningError multiply(double c) {
    double v = value * c;
    return new RunningError(v, FastMath.abs(c) * error + U * FastMath.abs(v));
  }

  @Override
  public RunningError sqr() {
    return multiply(this);
  }

  @Override
  public RunningError exp() {
    double v = FastMath.exp(value);
    return new RunningError(v, v * FastMath.expm1(error) + 2 * U * v);
  }
}
