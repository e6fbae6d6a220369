package io.github.softmaxicl.experiments;

import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.checks.sweeps.SweepChecks;
import io.github.softmaxicl.checks.sweeps.SweepOutcome;
import io.github.softmaxicl.experiments.sweeps.SweepMeasurement;
import java.util.List;
import java.util.Locale;

/**
 * The sweeps: P4-optimality, P5-separation, P5-single-head-stationarity, P7-length-generalisation,
 * P7-length-refined, P7-length-calibration, P6-model-error and the H &lt; n observation: measured by
 * {@link SweepMeasurement} (the numerics), checked and plotted by {@link SweepChecks} (pure).
 */
public final class SweepsExperiment implements Experiment {
  /**
   * Typical wall time in quick mode on the default job (all presets; here the five sweep parts), seconds: measured on the machine
   * of {@link ReproductionJob#TYPICAL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_QUICK_SECONDS = 9.7;

  /**
   * Typical wall time with {@code --full} on the default job, seconds, measured on the machine of {@link
   * ReproductionJob#TYPICAL_FULL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_FULL_SECONDS = 92.0;

  @Override
  public Outcome run(Settings settings, Context context) {
    context.progress().message("sweeps: P4 optimality, P5 separation, P7 length generalisation, model error ("
        + settings.mode().name().toLowerCase(Locale.ROOT) + ")");
    SweepOutcome outcome = SweepChecks.check(SweepMeasurement.measure(settings.sweeps(), context.threads(),
        done -> context.progress().count("sweeps", done, SweepMeasurement.PARTS)));
    return new Outcome(List.of(), outcome.verdicts(), outcome.plots());
  }

  @Override
  public List<Claim> claims() {
    return List.of(Claims.P4_OPTIMALITY, Claims.P5_SEPARATION, Claims.P5_SINGLE_HEAD_STATIONARITY,
        Claims.P7_LENGTH, Claims.P7_LENGTH_REFINED, Claims.P7_LENGTH_CALIBRATION, Claims.P6_MODEL_ERROR);
  }

  @Override
  public double typicalQuickSeconds() {
    return TYPICAL_QUICK_SECONDS;
  }

  @Override
  public double typicalFullSeconds() {
    return TYPICAL_FULL_SECONDS;
  }
}
