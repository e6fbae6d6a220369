package io.github.softmaxicl.experiments;

import io.github.softmaxicl.theory.Preset;

/**
 * An experiment run once per requested configuration (reduced flow, full flow, SGD). The job calls
 * {@link #runOne} so that the runs of different dynamics on one configuration stay together in the output;
 * {@link #run} runs every requested configuration in order.
 */
public interface PerRunExperiment extends Experiment {
  /** Plans and runs the experiment on one configuration. */
  Outcome runOne(RunSpec spec, Settings settings, Context context);

  /**
   * Typical quick-mode wall time of {@link #runOne} on this configuration, for the job's stage plan: by default an
   * even share of {@link #typicalQuickSeconds()} over the presets; 0 where the experiment skips the configuration
   * in this mode, so the plan and the job ETA do not count work that will not run.
   */
  default double typicalQuickSeconds(RunSpec spec, Settings settings) {
    return typicalQuickSeconds() / Preset.values().length;
  }

  /**
   * Typical {@code --full} wall time of {@link #runOne} on this configuration: by default an even share of
   * {@link #typicalFullSeconds()} over the presets; 0 where the experiment skips the configuration, NaN where it is
   * not known.
   */
  default double typicalFullSeconds(RunSpec spec, Settings settings) {
    return typicalFullSeconds() / Preset.values().length;
  }

  /** The time {@code times} records for the preset that {@code spec} runs unchanged, NaN for any other run. */
  static double presetSeconds(java.util.Map<Preset, Double> times, RunSpec spec) {
    return spec.asPreset().map(p -> times.getOrDefault(p, Double.NaN)).orElse(Double.NaN);
  }

  @Override
  default Outcome run(Settings settings, Context context) {
    Outcome.Collector all = new Outcome.Collector();
    for (RunSpec spec : context.runs()) {
      all.add(runOne(spec, settings, context));
    }
    return all.outcome();
  }
}
