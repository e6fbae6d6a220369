package io.github.softmaxicl.numerics.full;

/**
 * A full-model computation produced a non-finite value, blew up or ran out of evaluations. Never a pass: the
 * command line maps it to exit code 3.
 */
public final class NumericalFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed, where (time, step) and with which value */
  public NumericalFailureException(String message) {
    super(message);
  }

  /** @param message what failed; @param cause the underlying failure */
  public NumericalFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
