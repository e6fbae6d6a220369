package io.github.softmaxicl.experiments;

import java.util.List;

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

  /**
   * The stages the job will run, in order, before the first starts; {@link #stageStarted} and
   * {@link #stageFinished} then name them by index. A job that does not call this has no stages.
   */
  default void plan(List<Stage> stages) {}

  /** Stage {@code index} of the {@link #plan} starts. */
  default void stageStarted(int index) {}

  /** Stage {@code index} of the {@link #plan} has finished (its runs and verdicts are done). */
  default void stageFinished(int index) {}

  /**
   * One stage of a job: an experiment, or an experiment on one configuration.
   *
   * @param name what runs, e.g. {@code "reduced runs"} or {@code "full flow: paper"}
   * @param typicalQuickSeconds its typical wall time in quick mode, or NaN when not known (see
   *     {@link Experiment#typicalQuickSeconds()})
   * @param typicalFullSeconds its typical wall time with {@code --full}, or NaN when not known (see
   *     {@link Experiment#typicalFullSeconds()}): the modes differ in size stage by stage, so neither is scaled
   *     from the other
   */
  record Stage(String name, double typicalQuickSeconds, double typicalFullSeconds) {
    /** A stage with a quick-mode time only. */
    public Stage(String name, double typicalQuickSeconds) {
      this(name, typicalQuickSeconds, Double.NaN);
    }

    /** Its typical wall time in {@code mode}, NaN when not known. */
    public double typicalSeconds(Mode mode) {
      return mode == Mode.FULL ? typicalFullSeconds : typicalQuickSeconds;
    }
  }

  /** A one-line message for the user (a phase, a skipped run and why). */
  void message(String text);
}
