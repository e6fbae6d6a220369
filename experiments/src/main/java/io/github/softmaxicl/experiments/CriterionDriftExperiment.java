package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import java.util.List;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.checks.FullDynamicsChecks;
import io.github.softmaxicl.numerics.comparison.CriterionDrift;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Locale;

/**
 * P6-criterion: the full flow of {@code small} at the paper init on a plain sample (criterion violated), short
 * enough for attention to stay uniform; {@link FullDynamicsChecks#criterionDrift} gives the verdict.
 */
public final class CriterionDriftExperiment implements Experiment {
  /**
   * Typical wall time in quick mode on the default job (all presets; here small on a plain sample), seconds: measured on the machine
   * of {@link ReproductionJob#TYPICAL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_QUICK_SECONDS = 0.3;

  /**
   * Typical wall time with {@code --full} on the default job, seconds, measured on the machine of {@link
   * ReproductionJob#TYPICAL_FULL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_FULL_SECONDS = 0.4;

  @Override
  public Outcome run(Settings settings, Context context) {
    ProblemConfig c = Preset.SMALL.config();
    long seed = context.baseSeed();
    context.progress().message(String.format(Locale.ROOT, "P6 criterion: small at the paper init on a plain sample "
        + "of %d prompts (criterion violated), full flow to t = %.4g", settings.driftPrompts(),
        settings.driftTEnd()));
    return Failures.plotted(Claims.P6_CRITERION, "criterion-drift", "P6 criterion", context.progress(),
        () -> FullDynamicsChecks.criterionDrift("criterion-drift",
            CriterionDrift.measure(c, seed, settings.driftPrompts(), settings.driftTEnd(), context.threads(),
                (t, loss, eta) -> context.progress().progress("criterion-drift", t, settings.driftTEnd(), loss))));
  }

  @Override
  public List<Claim> claims() {
    return List.of(Claims.P6_CRITERION);
  }

  @Override
  public Dynamics dynamics() {
    return Dynamics.FULL;
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
