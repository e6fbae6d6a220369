package io.github.softmaxicl.experiments;

import io.github.softmaxicl.checks.ConfigurationProperty;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.numerics.reduced.ReducedFlowProgress;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Hypotheses;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * P1-P3-P7-configurations: draws the seeded random configurations of {@link ConfigurationProperty}, runs every
 * per-run claim on each ({@link ReducedInstanceRun}, in parallel, results independent of the thread count), shrinks
 * a failing case to a smaller failing configuration, and hands the results to
 * {@link ConfigurationProperty#verdict}.
 */
public final class ConfigurationPropertyExperiment implements Experiment {
  /** Horizon floor of every case (the presets' t_end); longer where the predicted warm-up needs it. */
  static final double MIN_T_END = 3.0e4;
  /** At most this many smaller configurations are tried when shrinking one failing case. */
  static final int MAX_SHRINK_STEPS = 40;

  /**
   * Typical wall time in quick mode (50 cases, 2 threads), seconds: measured on the machine of
   * {@link ReproductionJob#TYPICAL_TIMES_MACHINE} (16 s in the quick run of 2026-11-27).
   */
  public static final double TYPICAL_QUICK_SECONDS = 5.2;

  /**
   * Typical wall time with {@code --full} on the default job, seconds, measured on the machine of {@link
   * ReproductionJob#TYPICAL_FULL_TIMES_MACHINE}.
   */
  public static final double TYPICAL_FULL_SECONDS = 51.0;

  @Override
  public List<io.github.softmaxicl.theory.Claim> claims() {
    return List.of(Claims.PER_RUN_CONFIGURATIONS);
  }

  @Override
  public double typicalQuickSeconds() {
    return TYPICAL_QUICK_SECONDS;
  }

  @Override
  public double typicalFullSeconds() {
    return TYPICAL_FULL_SECONDS;
  }

  @Override
  public Outcome run(Settings settings, Context context) {
    int cases = settings.configurationCases();
    long first = settings.configurationFirstSeed();
    context.progress().message("per-run claims over " + cases + " seeded random configurations");
    return Outcome.of(Failures.guard(Claims.PER_RUN_CONFIGURATIONS, "property", () -> {
      List<Supplier<ConfigurationProperty.CaseResult>> tasks = new ArrayList<>();
      int[] done = {0};
      for (int k = 0; k < cases; k++) {
        final int index = k;
        tasks.add(() -> {
          ConfigurationProperty.CaseResult r = runCase(ConfigurationProperty.draw(first, index));
          synchronized (done) {
            done[0]++;
            context.progress().count("per-run claims property", done[0], cases);
          }
          return r;
        });
      }
      return ConfigurationProperty.verdict(DeterministicExecutor.map(context.threads(), tasks), first);
    }));
  }

  /** The horizon of a case: the presets' t_end, or longer where the predicted warm-up needs it. */
  static double horizon(ProblemConfig c, SpectralState init) {
    double latest = ReducedInstanceRun.instance(c, init, MIN_T_END).warmup().latest();
    return Double.isFinite(latest) ? Math.max(MIN_T_END, Hypotheses.HORIZON_FACTOR * latest * 1.25) : MIN_T_END;
  }

  /** Runs one case's per-run claims, shrinking it if it fails. */
  public static ConfigurationProperty.CaseResult runCase(ConfigurationProperty.Case drawn) {
    List<Verdict> verdicts = verdicts(drawn);
    ConfigurationProperty.CaseResult result = new ConfigurationProperty.CaseResult(drawn, verdicts, Optional.empty());
    if (ConfigurationProperty.holds(result) || drawn.breaks() != ConfigurationProperty.Breaks.NOTHING) {
      return result;
    }
    Set<String> failing = new TreeSet<>();
    for (Verdict v : verdicts) {
      if (failed(v)) {
        failing.add(v.claimId());
      }
    }
    return new ConfigurationProperty.CaseResult(drawn, verdicts, Optional.of(shrink(drawn, failing)));
  }

  private static boolean failed(Verdict v) {
    return v.status() == Verdict.Status.FAIL || v.status() == Verdict.Status.ERROR;
  }

  /**
   * True if one of the claims {@code failing} fails (or errs) among {@code verdicts}: a shrinking step must keep
   * the case's own failure, not trade it for another claim's (a smaller configuration that fails P1-convergence
   * says nothing about a P7-saturation failure).
   */
  static boolean failsOneOf(List<Verdict> verdicts, Set<String> failing) {
    for (Verdict v : verdicts) {
      if (failing.contains(v.claimId()) && failed(v)) {
        return true;
      }
    }
    return false;
  }

  static List<Verdict> verdicts(ConfigurationProperty.Case drawn) {
    String id = "case-" + drawn.seed();
    try {
      return ReducedInstanceRun.run(id, drawn.config(), drawn.init(), horizon(drawn.config(), drawn.init()),
          ReducedFlowProgress.SILENT, true).verdicts();
    } catch (ReducedFlowFailure e) {
      return List.of(Verdicts.error(Claims.P1_CONVERGENCE, id, "reduced flow failed: " + e.getMessage()));
    }
  }

  /**
   * Greedy shrinking of a failing valid case: fewer tasks, smaller blocks, fewer heads, shorter prompts, no noise,
   * keeping each step that still fails one of the claims {@code failing} (the case's own failures); the description
   * of the smallest such configuration found, naming those claims.
   */
  static String shrink(ConfigurationProperty.Case drawn, Set<String> failing) {
    ProblemConfig c = drawn.config();
    int steps = 0;
    boolean progress = true;
    while (progress && steps < MAX_SHRINK_STEPS) {
      progress = false;
      for (ProblemConfig smaller : smaller(c)) {
        steps++;
        ConfigurationProperty.Case trial = new ConfigurationProperty.Case(drawn.seed(), smaller,
            ConfigurationProperty.start(smaller, ConfigurationProperty.Breaks.NOTHING),
            ConfigurationProperty.Breaks.NOTHING);
        if (failsOneOf(verdicts(trial), failing)) {
          c = smaller;
          progress = true;
          break;
        }
        if (steps >= MAX_SHRINK_STEPS) {
          break;
        }
      }
    }
    return ConfigurationProperty.describe(c) + " (" + steps + " shrink steps, each still failing "
        + String.join(" or ", failing) + ")";
  }

  /** One-step simplifications of a configuration that keep it valid (n ≥ 2, blocks ≥ 2, H ≥ n, L ≥ 20). */
  static List<ProblemConfig> smaller(ProblemConfig c) {
    List<ProblemConfig> out = new ArrayList<>();
    int[] blocks = c.blockSizes();
    int n = blocks.length;
    if (n > 2) {
      int[] fewer = java.util.Arrays.copyOf(blocks, n - 1);
      out.add(ProblemConfig.of(sum(fewer), fewer, Math.max(n - 1, c.heads() - 1), c.promptLength(), c.sigma(),
          c.s2()));
    }
    for (int i = 0; i < n; i++) {
      if (blocks[i] > 2) {
        int[] b = blocks.clone();
        b[i] = Math.max(2, b[i] / 2);
        out.add(ProblemConfig.of(sum(b), b, c.heads(), c.promptLength(), c.sigma(), c.s2()));
      }
    }
    if (c.heads() > n) {
      out.add(ProblemConfig.of(c.d(), blocks, c.heads() - 1, c.promptLength(), c.sigma(), c.s2()));
    }
    if (c.promptLength() > 20) {
      out.add(ProblemConfig.of(c.d(), blocks, c.heads(), Math.max(20, c.promptLength() / 2), c.sigma(), c.s2()));
    }
    if (c.sigma() > 0) {
      out.add(ProblemConfig.of(c.d(), blocks, c.heads(), c.promptLength(), 0.0, c.s2()));
    }
    return out;
  }

  private static int sum(int[] a) {
    int s = 0;
    for (int x : a) {
      s += x;
    }
    return s;
  }
}
