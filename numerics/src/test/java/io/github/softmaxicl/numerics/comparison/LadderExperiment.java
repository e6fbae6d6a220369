package io.github.softmaxicl.numerics.comparison;

import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measurement (not a test): one rung of a full-vs-reduced ladder over several seeds, to separate the systematic
 * discrepancy from the sampling noise. Blocks b+b, H = 2, prompt length L, N symmetrised draws, start scaled to
 * the given criterion ω(0)√(LN), horizon 1.5 t_e of the reduced flow. Prints, per seed, the warm-up deviation,
 * the per-task half-signal time deviations (signed) and their mean over tasks, and the wall time.
 *
 * <p>Arguments: b L draws criterion controlVariate seed... Run from the numerics module with the test
 * classpath (see scripts/benchmark.sh for how to build it).
 */
public final class LadderExperiment {
  private LadderExperiment() {}

  /** Entry point. */
  public static void main(String[] args) {
    int b = Integer.parseInt(args[0]);
    int l = Integer.parseInt(args[1]);
    int draws = Integer.parseInt(args[2]);
    double crit = Double.parseDouble(args[3]);
    boolean cv = Boolean.parseBoolean(args[4]);
    ProblemConfig c = ProblemConfig.of(2 * b, new int[] {b, b}, 2, l, 0.0, 1.0);
    double k = Math.max(1.0, crit / (Initialisations.paper(c).omega(0, 0) * Math.sqrt((double) l * draws)));
    ReducedRun guide = ReducedFlowRunner.run(c, Initialisations.paper(c, k), 3e4, ReducedFlowOptions.defaults());
    double tEnd = 1.5 * guide.tEmergenceEnd();
    for (int a = 5; a < args.length; a++) {
      long seed = Long.parseLong(args[a]);
      long t0 = System.nanoTime();
      Comparison cmp = FullVsReduced.compare(c, k, draws, seed, tEnd,
          new FullVsReduced.Options().controlVariate(cv).threads(1));
      double[] signed = new double[c.tasks()];
      double mean = 0;
      for (int i = 0; i < signed.length; i++) {
        signed[i] = cmp.fullHalfSignalTimes()[i] / cmp.reducedHalfSignalTimes()[i] - 1;
        mean += signed[i] / signed.length;
      }
      System.out.printf(Locale.ROOT, "b=%d L=%d N=%d crit=%.1f cv=%s seed=%d k=%.3g: warm-up %.4f (budget %.3f), "
          + "half-signal %s mean %.4f max %.4f (budget %.3f), allocation %s, wall %.1fs%n", b, l, draws, crit, cv,
          seed, k, cmp.maxDeviation(), cmp.budget().warmupDeviation(), Arrays.toString(signed), mean,
          cmp.maxHalfSignalTimeDeviation(), cmp.budget().emergenceTime(), cmp.sameAllocation() ? "same" : "DIFFERENT",
          (System.nanoTime() - t0) * 1e-9);
    }
  }
}
