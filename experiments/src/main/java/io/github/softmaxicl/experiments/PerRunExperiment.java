package io.github.softmaxicl.experiments;

/**
 * An experiment run once per requested configuration (reduced flow, full flow, SGD). The job calls
 * {@link #runOne} so that the runs of different dynamics on one configuration stay together in the output;
 * {@link #run} runs every requested configuration in order.
 */
public interface PerRunExperiment extends Experiment {
  /** Plans and runs the experiment on one configuration. */
  Outcome runOne(RunSpec spec, Settings settings, Context context);

  @Override
  default Outcome run(Settings settings, Context context) {
    Outcome.Collector all = new Outcome.Collector();
    for (RunSpec spec : context.runs()) {
      all.add(runOne(spec, settings, context));
    }
    return all.outcome();
  }
}
