package io.github.softmaxicl.bench;

import io.github.softmaxicl.numerics.comparison.Comparison;
import io.github.softmaxicl.numerics.comparison.FullVsReduced;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Arrays;
import java.util.Locale;

/**
 * The measurement behind the README's d_i/L ladder table (not a test, not part of the reproduction): one rung of
 * a full-vs-reduced ladder over several seeds, to separate the systematic discrepancy from the sampling noise.
 *
 * <p>Blocks b+b, H = 2, prompt length L, N symmetrised draws, start scaled so that the criterion ω(0)√(LN) is the
 * given value (never below the paper init), horizon 1.5 t_e of the reduced flow. Prints, per seed, the warm-up
 * deviation, the per-task half-signal time deviations t_half,full/t_half,red − 1 (signed), their mean over tasks
 * (the table's figure) and the wall time. One sample of the (3, 60) rung takes minutes.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.github.softmaxicl.bench.LadderExperiment b L N criterion
 * controlVariate seed...}, e.g. {@code 2 40 4096 15 true 1 2 3}.
 */
public final class LadderExperiment {
  private LadderExperiment() {}

  /** Entry point; see the class comment for the arguments. */
  public static void main(String[] args) {
    if (args.length < 6) {
      System.err.println("usage: LadderExperiment b L draws criterion controlVariate seed...");
      System.exit(2);
      return;
    }
    int b = Integer.parseInt(args[0]);
    int l = Integer.parseInt(args[1]);
    int draws = Integer.parseInt(args[2]);
    double crit = Double.parseDouble(args[3]);
    boolean cv = Boolean.parseBoolean(args[4]);
    ProblemConfig c = ProblemConfig.of(2 * b, new int[] {b, b}, 2, l, 0.0, 1.0);
    double k = StrictMath.max(1.0,
        crit / (Initialisations.paper(c).omega(0, 0) * StrictMath.sqrt((double) l * draws)));
    ReducedRun guide = ReducedFlowRunner.run(c, Initialisations.paper(c, k), 3e4, ReducedFlowOptions.defaults());
    double tEnd = 1.5 * guide.markers().emergenceEnd();
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
