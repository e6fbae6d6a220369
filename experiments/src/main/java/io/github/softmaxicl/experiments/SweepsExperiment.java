package io.github.softmaxicl.experiments;

import io.github.softmaxicl.checks.sweeps.SweepChecks;
import io.github.softmaxicl.checks.sweeps.SweepOutcome;
import io.github.softmaxicl.checks.sweeps.SweepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sweeps: P4-optimality, P5-separation, P5-single-head-stationarity, P7-length-generalisation,
 * P7-length-refined, P7-length-calibration, P6-model-error and the H &lt; n observation.
 */
public final class SweepsExperiment implements Experiment {
  @Override
  public Outcome run(Settings settings, Context context) {
    context.progress().message("sweeps: P4 optimality, P5 separation, P7 length generalisation, model error ("
        + settings.mode().name().toLowerCase(Locale.ROOT) + ")");
    SweepOutcome outcome = SweepChecks.run(settings.sweeps(), context.threads());
    List<Sweep> plots = new ArrayList<>();
    for (SweepResult r : outcome.results()) {
      plots.add(SweepAdapter.of(r));
    }
    return new Outcome(List.of(), outcome.verdicts(), plots);
  }
}
