package io.github.softmaxicl.theory;

/**
 * The few operations the reduced-loss formulas need from a number type, so that each formula is written once and
 * evaluated in plain doubles ({@link Real}) and in outward-rounded interval arithmetic
 * ({@code interval.Interval}). Implementations are immutable values.
 *
 * <p>The formulas fix the order of every operation; an implementation must evaluate exactly the operation it is
 * asked for (no fused or reassociated arithmetic), so that the double instantiation reproduces a hand-written
 * double loop bit for bit when the loop performs the same operations in the same order.
 *
 * @param <T> the implementing type itself
 */
public interface Scalar<T extends Scalar<T>> {
  /** {@code this + y}. */
  T add(T y);

  /** {@code this − y}. */
  T subtract(T y);

  /** {@code this × y}. */
  T multiply(T y);

  /** {@code this × c} for a double {@code c} taken as exact. */
  T multiply(double c);

  /** {@code this²}; an interval implementation returns the tight range, which is never negative. */
  T sqr();

  /** {@code e^this}. */
  T exp();
}
