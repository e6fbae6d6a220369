package io.github.softmaxicl.numerics;

/**
 * A numerical failure of the reduced flow: a non-finite state or loss, a blow-up, the evaluation limit or a
 * step-size underflow. Carries the flow time at which it happened and which quantity failed, so that callers
 * (the CLI's exit code 3) can report it; a failed integration never returns a result.
 */
public final class ReducedFlowFailure extends NumericalFailure {
  private static final long serialVersionUID = 1L;

  private final double time;
  private final String quantity;

  /**
   * A failure at flow time {@code time} of {@code quantity} (e.g. "F", "log|mu|[4]", "evaluations").
   *
   * @param time flow time of the failure (NaN if unknown)
   * @param quantity the quantity that failed
   * @param message what happened
   * @param cause the underlying exception, or null
   */
  public ReducedFlowFailure(double time, String quantity, String message,
      @org.checkerframework.checker.nullness.qual.Nullable Throwable cause) {
    super("reduced flow failed at t = " + time + " (" + quantity + "): " + message, cause);
    this.time = time;
    this.quantity = quantity;
  }

  /** Flow time at which the failure happened (NaN if unknown). */
  public double time() {
    return time;
  }

  /** The quantity that failed. */
  public String quantity() {
    return quantity;
  }
}
