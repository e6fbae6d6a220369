package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.Claim;
import java.util.List;

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

  /**
   * Every registered claim this experiment can give a verdict on (for a per-run experiment: the union over
   * configurations). {@code ./reproduce --claim ID} runs the experiments that declare ID; every claim of
   * {@code Claims.all()} is declared by exactly one experiment of {@link ReproductionJob#experiments()}.
   */
  List<Claim> claims();

  /**
   * A short name for progress lines and the report's stage timings: by default the class name without
   * "Experiment", words split at capitals ({@code ReducedRunsExperiment}: "reduced runs").
   */
  default String name() {
    String simple = getClass().getSimpleName().replaceFirst("Experiment$", "");
    return simple.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(java.util.Locale.ROOT);
  }

  /** The dynamics it computes: it runs only when {@code --dynamics} includes it (default: the reduced flow). */
  default Dynamics dynamics() {
    return Dynamics.REDUCED;
  }

  /**
   * Typical wall time of the experiment in quick mode, in seconds, on the default job (all presets), or NaN when
   * not measured. Measured figures are typical, on a 2-core machine (see each experiment's constant).
   */
  default double typicalQuickSeconds() {
    return Double.NaN;
  }

  /**
   * Typical wall time of the experiment with {@code --full}, in seconds, on the default job (all presets), or NaN
   * when not measured (see each experiment's constant and {@link ReproductionJob#TYPICAL_FULL_TIMES_MACHINE}).
   */
  default double typicalFullSeconds() {
    return Double.NaN;
  }
}
