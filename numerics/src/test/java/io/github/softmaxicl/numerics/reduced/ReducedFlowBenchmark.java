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
    ReducedFlowOptions theoryField = fast.withFastField(false);
    for (Preset p : Preset.values()) {
      evaluationCost(p);
    }
    for (Preset p : Preset.values()) {
      for (ReducedFlowOptions o : new ReducedFlowOptions[] {fast, theoryField, plain}) {
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
        System.out.printf("%-10s %-48s %-6s median %8.2f ms  evaluations %9d  samples %4d  F=%.12f F*=%.12f tw=%.4f te=%.4f"
            + " ratio=%.4f half=%s tail@%.2f%n", p.id(), o.integratorName(), o.fastField() ? "fast" : "theory", ms[count / 2], last.evaluations(),
            last.trajectory().size(), last.fFinal(), last.fStar(), last.tWarmupEnd(), last.tEmergenceEnd(),
            last.emergenceWindowRatio(), Arrays.toString(last.halfSignalTimes()), last.tailStart());
      }
    }
  }

  /** Median cost of one checked field evaluation at the paper init (loss, gradient, log-coordinate map). */
  private static void evaluationCost(Preset p) {
    io.github.softmaxicl.theory.BalancedSpectralField field = new io.github.softmaxicl.theory.BalancedSpectralField(
        new io.github.softmaxicl.theory.LeadingOrderLoss(p.config()), p.initialState());
    for (boolean fast : new boolean[] {false, true}) {
    ReducedFlowOde ode = fast ? new ReducedFlowOde(field, new LeadingOrderLogField(p.config(), p.initialState()),
        Long.MAX_VALUE) : new ReducedFlowOde(field, Long.MAX_VALUE);
    double[] y = field.toLog(p.initialState());
    double[] yDot = new double[y.length];
    double sink = 0;
    int reps = 200_000;
    double[] ns = new double[7];
    for (int r = 0; r < ns.length; r++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < reps; k++) {
        y[0] += 1e-12;
        sink += ode.derivative(0.0, y, yDot);
      }
      ns[r] = (System.nanoTime() - t0) / (double) reps;
    }
    Arrays.sort(ns);
    System.out.printf("%-10s one evaluation (%d variables, %s): median %.0f ns (sink %.3g)%n", p.id(), y.length,
        fast ? "LeadingOrderLogField" : "theory BalancedSpectralField", ns[ns.length / 2], sink);
    }
  }
}
