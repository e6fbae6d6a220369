package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.checks.FullDynamicsChecks;
import io.github.softmaxicl.numerics.comparison.Comparison;
import io.github.softmaxicl.numerics.comparison.FullVsReduced;
import io.github.softmaxicl.numerics.full.Seeds;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * P6-ladder: the full flow against the reduced flow on every rung of {@link Settings#ladder()}, each on
 * {@link Settings#ladderSamples()} independent samples (one thread each, the last wave sharing the spare threads,
 * collected in a fixed order); {@link FullDynamicsChecks#ladder} gives the verdict.
 */
public final class LadderExperiment implements Experiment {
  /**
   * Typical wall time in quick mode on the default job (all presets; here two rungs on three samples each), seconds: measured on the machine
   * of {@link ReproductionJob#TYPICAL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_QUICK_SECONDS = 15;

  /**
   * Typical wall time with {@code --full} on the default job, seconds, measured on the machine of {@link
   * ReproductionJob#TYPICAL_FULL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_FULL_SECONDS = 219.0;

  @Override
  public Outcome run(Settings settings, Context context) {
    return Failures.plotted(Claims.P6_LADDER, "ladder", "P6 ladder", context.progress(),
        () -> FullDynamicsChecks.ladder(rungs(settings, context)));
  }

  /** Every rung's comparisons, on independent samples, in ladder order. */
  private static List<List<Comparison>> rungs(Settings settings, Context context) {
    int samples = settings.ladderSamples();
    long base = context.baseSeed();
    List<List<Comparison>> rungs = new ArrayList<>();
    for (Settings.LadderRung r : settings.ladder()) {
      int b = r.blockSize();
      ProblemConfig c = ProblemConfig.of(2 * b, new int[] {b, b}, 2, r.promptLength(), 0.0, 1.0);
      double k = FullDynamicsPlan.initScaleFor(c, r.draws(), r.criterion());
      ReducedRun guide = ReducedFlowRunner.run(c, Initialisations.paper(c, k), 3e4, ReducedFlowOptions.defaults());
      double tEnd = 1.5 * guide.markers().emergenceEnd();
      context.progress().message(String.format(Locale.ROOT, "P6 ladder: blocks %d+%d, L = %d, N = %d draws, "
          + "criterion %.3g, to t = %.4g, on %d independent samples", b, b, r.promptLength(), r.draws(),
          r.criterion(), tEnd, samples));
      List<IntFunction<Comparison>> tasks = new ArrayList<>();
      for (int s = 0; s < samples; s++) {
        long seed = Seeds.derive(base, s);
        // Each sample reports its own progress line (throttled by the sink), so a long rung is never silent.
        String id = String.format(Locale.ROOT, "P6 ladder b=%d sample %d", b, s + 1);
        tasks.add(threads -> FullVsReduced.compare(c, k, r.draws(), seed, tEnd, new FullVsReduced.Options()
            .threads(threads).progress((t, loss, eta) -> context.progress().progress(id, t, tEnd, loss))));
      }
      rungs.add(DeterministicExecutor.mapSharingThreads(context.threads(), tasks));
    }
    return rungs;
  }

  @Override
  public List<Claim> claims() {
    return List.of(Claims.P6_LADDER);
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
