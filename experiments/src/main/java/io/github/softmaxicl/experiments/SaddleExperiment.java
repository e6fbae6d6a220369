package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import java.util.List;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.checks.FullDynamicsChecks;
import io.github.softmaxicl.numerics.full.SaddleEscape;
import io.github.softmaxicl.theory.Claims;
import java.util.Locale;

/**
 * P6-saddle: the full flow from the limit with an off-task pair perturbed along o = -v (head 2 on task 1);
 * {@link FullDynamicsChecks#saddle} gives the verdict.
 */
public final class SaddleExperiment implements Experiment {
  /**
   * Typical wall time in quick mode on the default job (all presets; here blocks 4+4 from the limit), seconds: measured on the machine
   * of {@link ReproductionJob#TYPICAL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_QUICK_SECONDS = 3.1;

  /**
   * Typical wall time with {@code --full} on the default job, seconds, measured on the machine of {@link
   * ReproductionJob#TYPICAL_FULL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_FULL_SECONDS = 3.9;

  @Override
  public Outcome run(Settings settings, Context context) {
    long seed = context.baseSeed();
    context.progress().message(String.format(Locale.ROOT, "P6 saddle: full flow from the limit with an off-task pair "
        + "perturbed along o = -v (blocks 4+4, L = 40, %d draws x 16 images), to t = %.4g", settings.saddleDraws(),
        settings.saddleTEnd()));
    return Failures.plotted(Claims.P6_SADDLE, "saddle-escape", "P6 saddle", context.progress(),
        () -> FullDynamicsChecks.saddle("saddle-escape", SaddleEscape.run(settings.saddleConfig(), 1, 0, seed,
            settings.saddleDraws(), settings.saddleTEnd(), context.threads(),
            (t, loss, eta) -> context.progress().progress("saddle-escape", t, settings.saddleTEnd(), loss))));
  }

  @Override
  public List<Claim> claims() {
    return List.of(Claims.P6_SADDLE);
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
