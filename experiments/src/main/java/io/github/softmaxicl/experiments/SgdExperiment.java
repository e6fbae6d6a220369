package io.github.softmaxicl.experiments;

import java.util.List;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.checks.FullDynamicsChecks;
import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.numerics.full.PaperSgdProtocol;
import io.github.softmaxicl.numerics.full.Seeds;
import io.github.softmaxicl.numerics.NumericalFailure;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Preset;
import java.util.Map;
import java.util.Optional;

/**
 * P6-sgd: SGD with fresh prompts at the paper init, following the authors' protocol on the presets it was sized
 * for ({@link Settings#sgdProtocol}); the paper-sized protocol also runs on a second, independent seed.
 * {@link FullDynamicsChecks#sgd} gives the verdicts.
 */
public final class SgdExperiment implements PerRunExperiment {
  /**
   * Typical wall time in quick mode of one run with a protocol (measured on small, when it was the only one: the paper-sized protocol needs --full), seconds: measured on the machine
   * of {@link ReproductionJob#TYPICAL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_QUICK_SECONDS = 1.3;

  /**
   * Typical wall time with {@code --full} of one preset's run, seconds (0 where --full skips it), measured on the
   * machine of {@link ReproductionJob#TYPICAL_FULL_TIMES_MACHINE}; other configurations are not timed.
   */
  public static final Map<Preset, Double> TYPICAL_FULL_SECONDS = Map.of(Preset.PAPER, 179.0,
      Preset.SMALL, 1.0,
      Preset.EXTRA_HEAD, 0.0,
      Preset.SMALL_NOISY, 1.1);

  @Override
  public Outcome runOne(RunSpec spec, Settings settings, Context context) {
    ProgressSink progress = context.progress();
    String id = spec.runId(Dynamics.SGD);
    StringBuilder why = new StringBuilder();
    Optional<Preset> preset = FullDynamicsPlan.sgd(spec, settings, why);
    Optional<PaperSgdProtocol> sized = preset.flatMap(settings::sgdProtocol);
    if (preset.isEmpty() || sized.isEmpty()) {
      progress.message(id + ": skipped: " + why);
      return Outcome.empty();
    }
    PaperSgdProtocol protocol = sized.get();
    progress.message(id + ": SGD with fresh prompts at the paper init (control variate, adaptive rate)");
    Outcome.Collector out = new Outcome.Collector();
    try {
      // The protocol stops after emergence, at most at twice the reduced flow's t_e: the progress horizon.
      ReducedRun reference = protocol.reference();
      double tEnd = 2 * reference.markers().emergenceEnd();
      PaperSgdProtocol.Result r = protocol.run(spec.seed(), context.threads(), reference,
          (t, loss, eta) -> progress.progress(id, t, tEnd, loss));
      out.run(RunRecords.of(spec, Dynamics.SGD, r.sgd().run(), r.reduced()));
      out.verdict(FullDynamicsChecks.sgd(id, r));
      if (preset.get() == Preset.PAPER) {
        // One SGD run is one noise realisation; a second, independent one shows whether the emergence times and
        // the end state (debiasing or not) belong to the protocol or to the seed.
        String id2 = id + "-second-seed";
        long seed2 = Seeds.derive(spec.seed(), 1);
        progress.message(id2 + ": the same protocol with an independent seed " + seed2);
        PaperSgdProtocol.Result r2 = protocol.run(seed2, context.threads(), reference,
            (t, loss, eta) -> progress.progress(id2, t, tEnd, loss));
        out.verdict(FullDynamicsChecks.sgd(id2, r2));
      }
      return out.outcome();
    } catch (NumericalFailure e) {
      progress.message(id + ": numerical failure: " + e.getMessage());
      return out.verdict(Verdicts.error(Claims.P6_SGD, id, String.valueOf(e.getMessage()))).outcome();
    }
  }

  @Override
  public List<Claim> claims() {
    return List.of(Claims.P6_SGD);
  }

  @Override
  public Dynamics dynamics() {
    return Dynamics.SGD;
  }

  @Override
  public double typicalQuickSeconds() {
    return TYPICAL_QUICK_SECONDS;
  }

  /** {@link #TYPICAL_QUICK_SECONDS} (measured on small) where a protocol fits the mode, 0 where it is skipped. */
  @Override
  public double typicalQuickSeconds(RunSpec spec, Settings settings) {
    return FullDynamicsPlan.sgd(spec, settings, new StringBuilder()).isPresent() ? TYPICAL_QUICK_SECONDS : 0;
  }

  /** The preset's measured --full time, 0 where the run is skipped, NaN for a configuration never timed. */
  @Override
  public double typicalFullSeconds(RunSpec spec, Settings settings) {
    return FullDynamicsPlan.sgd(spec, settings, new StringBuilder()).isPresent()
        ? PerRunExperiment.presetSeconds(TYPICAL_FULL_SECONDS, spec) : 0;
  }

  @Override
  public double typicalFullSeconds() {
    return TYPICAL_FULL_SECONDS.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
