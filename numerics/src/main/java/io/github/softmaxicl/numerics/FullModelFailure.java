package io.github.softmaxicl.numerics;

/**
 * A full-model computation (flow, SGD or Monte Carlo loss) produced a non-finite value, blew up or ran out of
 * evaluations.
 */
public final class FullModelFailure extends NumericalFailure {
  private static final long serialVersionUID = 1L;

  /** @param message what failed, where (time, step) and with which value */
  public FullModelFailure(String message) {
    super(message, null);
  }

  /** @param message what failed; @param cause the underlying failure */
  public FullModelFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
