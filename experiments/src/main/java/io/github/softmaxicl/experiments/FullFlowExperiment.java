package io.github.softmaxicl.experiments;

import io.github.softmaxicl.theory.Preset;
import java.util.List;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.checks.FullDynamicsChecks;
import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.numerics.comparison.Comparison;
import io.github.softmaxicl.numerics.comparison.FullVsReduced;
import io.github.softmaxicl.numerics.NumericalFailure;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * P6-technique: the deterministic full gradient flow on a fixed sample against the reduced flow, where it fits
 * the mode ({@link FullDynamicsPlan#flow}); {@link FullDynamicsChecks#technique} gives the verdict. One instance
 * per job: configurations with the same arguments share one comparison.
 */
public final class FullFlowExperiment implements PerRunExperiment {
  /**
   * Typical wall time in quick mode of one run that fits quick mode (measured on small, when it was the only one: the other MODEL.md presets do not fit quick mode), seconds: measured on the machine
   * of {@link ReproductionJob#TYPICAL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_QUICK_SECONDS = 8;

  /**
   * Typical wall time with {@code --full} of one preset's run, seconds (0 where --full skips it), measured on the
   * machine of {@link ReproductionJob#TYPICAL_FULL_TIMES_MACHINE}; other configurations are not timed.
   */
  public static final Map<Preset, Double> TYPICAL_FULL_SECONDS = Map.of(Preset.PAPER, 0.0,
      Preset.SMALL, 39.0,
      Preset.EXTRA_HEAD, 0.0,
      Preset.SMALL_NOISY, 31.0);

  // A comparison is fully determined by its arguments: presets with the same configuration share one.
  private final Map<String, Comparison> comparisons = new HashMap<>();

  @Override
  public Outcome runOne(RunSpec spec, Settings settings, Context context) {
    ProgressSink progress = context.progress();
    String id = spec.runId(Dynamics.FULL);
    StringBuilder why = new StringBuilder();
    Optional<FullDynamicsPlan.FlowSize> size = FullDynamicsPlan.flow(spec, settings, why);
    if (size.isEmpty()) {
      progress.message(id + ": skipped: " + why);
      return Outcome.empty();
    }
    FullDynamicsPlan.FlowSize z = size.get();
    ProblemConfig c = spec.config();
    try {
      ReducedRun guide = ReducedFlowRunner.run(c, Initialisations.paper(c, z.initScale()), spec.tEnd(),
          ReducedFlowOptions.defaults());
      double guideEmergence = guide.markers().emergenceEnd();
      double tEnd = Double.isFinite(guideEmergence) ? 1.5 * guideEmergence : spec.tEnd();
      progress.message(String.format(Locale.ROOT, "%s: full gradient flow, k = %.4g, N = %d draws x %d "
          + "images (criterion %.3g), to t = %.4g", id, z.initScale(), z.draws(), 1 << (2 * c.tasks()),
          z.criterion(), tEnd));
      Comparison cmp = compare(c, z.initScale(), z.draws(), spec.seed(), tEnd, id, context);
      return new Outcome.Collector().run(RunRecords.of(spec, Dynamics.FULL, cmp.full(), cmp.reduced()))
          .verdict(FullDynamicsChecks.technique(id, cmp)).outcome();
    } catch (NumericalFailure e) {
      progress.message(id + ": numerical failure: " + e.getMessage());
      return Outcome.of(Verdicts.error(Claims.P6_TECHNIQUE, id, String.valueOf(e.getMessage())));
    }
  }

  /** The comparison for these arguments, computed once per job. */
  private Comparison compare(ProblemConfig c, double k, int draws, long seed, double tEnd, String id,
      Context context) {
    String key = c + "|" + k + "|" + draws + "|" + seed + "|" + tEnd;
    Comparison known = comparisons.get(key);
    if (known != null) {
      context.progress().message(id + ": same configuration, start, sample and horizon as an earlier run: reused");
      return known;
    }
    Comparison cmp = FullVsReduced.compare(c, k, draws, seed, tEnd,
        new FullVsReduced.Options().threads(context.threads())
            .progress((t, loss, eta) -> context.progress().progress(id, t, tEnd, loss)));
    comparisons.put(key, cmp);
    return cmp;
  }

  @Override
  public List<Claim> claims() {
    return List.of(Claims.P6_TECHNIQUE);
  }

  @Override
  public Dynamics dynamics() {
    return Dynamics.FULL;
  }

  @Override
  public double typicalQuickSeconds() {
    return TYPICAL_QUICK_SECONDS;
  }

  /** {@link #TYPICAL_QUICK_SECONDS} (measured on small) where the flow fits the mode, 0 where it is skipped. */
  @Override
  public double typicalQuickSeconds(RunSpec spec, Settings settings) {
    return FullDynamicsPlan.flow(spec, settings, new StringBuilder()).isPresent() ? TYPICAL_QUICK_SECONDS : 0;
  }

  /** The preset's measured --full time, 0 where the run is skipped, NaN for a configuration never timed. */
  @Override
  public double typicalFullSeconds(RunSpec spec, Settings settings) {
    return FullDynamicsPlan.flow(spec, settings, new StringBuilder()).isPresent()
        ? PerRunExperiment.presetSeconds(TYPICAL_FULL_SECONDS, spec) : 0;
  }

  @Override
  public double typicalFullSeconds() {
    return TYPICAL_FULL_SECONDS.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
