package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.theory.Preset;
import java.util.Arrays;

/**
 * Timed benchmark of the reduced flow (not a test): for each preset and scheme, warms the JVM up, then times N
 * runs to the preset's default t_end and prints the median wall time and the evaluations.
 *
 * <p>Run: {@code java -cp <test classpath> io.github.softmaxicl.numerics.reduced.ReducedFlowBenchmark [N]}.
 */
public final class ReducedFlowBenchmark {
  private ReducedFlowBenchmark() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    ReducedFlowOptions fast = ReducedFlowOptions.defaults();
    ReducedFlowOptions plain = fast.withTail(ReducedFlowOptions.Tail.SAME_INTEGRATOR);
    for (Preset p : Preset.values()) {
      for (ReducedFlowOptions o : new ReducedFlowOptions[] {fast, plain}) {
        int warm = o == plain ? 3 : 30;
        for (int k = 0; k < warm; k++) {
          ReducedFlowRunner.run(p.config(), p.initialState(), p.defaultTEnd(), o);
        }
        int count = o == plain ? Math.max(3, runs / 5) : runs;
        double[] ms = new double[count];
        ReducedRun last = null;
        for (int k = 0; k < count; k++) {
          long t0 = System.nanoTime();
          last = ReducedFlowRunner.run(p.config(), p.initialState(), p.defaultTEnd(), o);
          ms[k] = (System.nanoTime() - t0) * 1e-6;
        }
        Arrays.sort(ms);
        System.out.printf("%-10s %-48s median %8.2f ms  evaluations %9d  samples %4d  F=%.12f F*=%.12f tw=%.4f te=%.4f"
            + " ratio=%.4f half=%s tail@%.2f%n", p.id(), o.integratorName(), ms[count / 2], last.evaluations(),
            last.trajectory().size(), last.fFinal(), last.fStar(), last.tWarmupEnd(), last.tEmergenceEnd(),
            last.emergenceWindowRatio(), Arrays.toString(last.halfSignalTimes()), last.tailStart());
      }
    }
  }
}
