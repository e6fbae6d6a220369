package io.github.softmaxicl.numerics.comparison;

import io.github.softmaxicl.theory.ProblemConfig;

/**
 * Measurement (not a test): full flow against the reduced flow along a ladder where block sizes and L grow
 * together (2+2/L=20, 4+4/L=40, 8+8/L=80) at a common ω(0) ≈ 0.0125 and a common number of draws, so the
 * criterion ω(0)√(LN) grows like √L and the model errors e/L and 1/d shrink. Arguments: draws [controlVariate]
 * [rungs]. Run from the numerics module with the test classpath.
 */
public final class LadderBenchmark {
  private LadderBenchmark() {}

  /** Entry point. */
  public static void main(String[] args) {
    int draws = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    boolean cv = args.length > 1 && Boolean.parseBoolean(args[1]);
    int rungs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    double omega0 = 0.0125;
    for (int r = 0; r < rungs; r++) {
      int b = 2 << r;
      int l = 20 << r;
      ProblemConfig c = ProblemConfig.of(2 * b, new int[] {b, b}, 2, l, 0.0, 1.0);
      double k = omega0 * Math.pow(l, 1.5) * Math.sqrt(c.tokenDim());
      long t0 = System.nanoTime();
      Comparison cmp = FullVsReduced.compare(c, k, draws, 1000 + r, 30.0,
          new FullVsReduced.Options().controlVariate(cv).tolerances(1e-6, 1e-9));
      System.out.printf("%s%n  wall %.1fs, evals %d, fresh %.4f±%.4f in-sample %.4f, budget terms %s%n", cmp,
          (System.nanoTime() - t0) * 1e-9, cmp.full().evaluations(), cmp.full().fFresh(), cmp.full().fFreshSe(),
          cmp.full().fFinal(), cmp.budget());
    }
  }
}
