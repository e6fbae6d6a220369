package io.github.softmaxicl.experiments;

/**
 * Where a job reports the progress of long runs. Implementations print to stderr (never to the result files)
 * and must be cheap enough to call after every integrator step; they throttle themselves.
 */
public interface ProgressSink {
  /**
   * The run has reached time {@code t} of {@code tEnd} with loss {@code loss}.
   *
   * @param run run id, e.g. {@code "paper-reduced"}
   */
  void progress(String run, double t, double tEnd, double loss);

  /**
   * A stage made of {@code total} independent pieces (seeded cases, sweep points, samples of a rung) has finished
   * {@code done} of them; implementations throttle themselves and extrapolate an ETA from the count.
   *
   * @param stage the stage's name, e.g. {@code "P3 allocation property"}
   */
  default void count(String stage, int done, int total) {}

  /** A one-line message for the user (a phase, a skipped run and why). */
  void message(String text);
}
