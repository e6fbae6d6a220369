package io.github.softmaxicl.experiments;

/**
 * One claim family's computation: plans its runs from the {@link Settings}, runs the numerics, hands the results
 * to {@code checks} for the verdicts, and returns both with its plots. A computation that fails numerically gives
 * an {@code error} verdict for every claim it would have checked, never a pass, and never stops the other
 * experiments.
 */
public interface Experiment {
  /**
   * Plans and runs the experiment.
   *
   * @param settings the mode's sizes
   * @param context the requested runs, threads and progress sink
   * @return its runs, verdicts and plots, in a fixed order
   */
  Outcome run(Settings settings, Context context);
}
