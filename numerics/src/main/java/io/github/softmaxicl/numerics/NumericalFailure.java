package io.github.softmaxicl.numerics;

/**
 * A computation that cannot produce a trustworthy number: a non-finite state, loss or gradient, a blow-up, an
 * evaluation limit or a step-size underflow. Never a pass: the experiments turn it into error verdicts, and if
 * one reaches the command line it exits with code 3 and writes nothing. Unchecked, because it can arise deep in
 * an integrator's callbacks; sealed, so that a catch of this type covers every kind the numerics throw.
 */
public abstract sealed class NumericalFailure extends RuntimeException permits ReducedFlowFailure, FullModelFailure {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, where (time, step) and with which value
   * @param cause the underlying failure, or null
   */
  protected NumericalFailure(String message, @org.checkerframework.checker.nullness.qual.Nullable Throwable cause) {
    super(message, cause);
  }
}
