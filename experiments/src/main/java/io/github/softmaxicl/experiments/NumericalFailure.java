package io.github.softmaxicl.experiments;

/**
 * A computation that cannot produce a trustworthy number: NaN, blow-up, an integrator's evaluation limit. The
 * command line exits with code 3 and writes nothing.
 */
public final class NumericalFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final String run;

  /**
   * @param run the run that failed, e.g. {@code "paper-full"}
   * @param message what failed, on one line (for example "NaN in the loss at t = 12.5")
   */
  public NumericalFailure(String run, String message) {
    super(run + ": " + message);
    this.run = run;
  }

  /**
   * @param run the run that failed
   * @param message what failed, on one line
   * @param cause the solver's exception
   */
  public NumericalFailure(String run, String message, Throwable cause) {
    super(run + ": " + message, cause);
    this.run = run;
  }

  /** The run that failed. */
  public String run() {
    return run;
  }
}
