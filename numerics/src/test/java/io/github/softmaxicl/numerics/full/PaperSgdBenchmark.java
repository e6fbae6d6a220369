package io.github.softmaxicl.numerics.full;

/**
 * Measurement (not a test): runs {@link PaperSgdProtocol} ({@code quick} or {@code full}) and prints wall time,
 * prompts, steps, emergence against the reduced flow and the noise achieved. Arguments: quick|full [seed].
 */
public final class PaperSgdBenchmark {
  private PaperSgdBenchmark() {}

  /** Entry point. */
  public static void main(String[] args) {
    PaperSgdProtocol p = args.length > 0 && args[0].equals("full") ? PaperSgdProtocol.full() : PaperSgdProtocol.quick();
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
    long t0 = System.nanoTime();
    PaperSgdProtocol.Result r = p.run(seed, 2, (t, loss, eta) -> System.err.printf("t %.2f loss %.4f%n", t, loss));
    FullRun f = r.sgd().run();
    System.out.printf("%s B=%d %s: wall %.1fs, steps %d, prompts %d (authors %d), t_end %.2f%n", p.preset().id(),
        p.batch(), p.step().describe(), (System.nanoTime() - t0) * 1e-9, r.sgd().steps(), r.prompts(),
        r.authorsPrompts(), f.tEnd());
    System.out.printf("t_w %.2f / reduced %.2f; t_e %.2f / reduced %.2f; half-signal %s / reduced %s%n",
        f.tWarmupEnd(), r.reduced().tWarmupEnd(), f.tEmergenceEnd(), r.reduced().tEmergenceEnd(),
        java.util.Arrays.toString(r.halfSignalTimes()), java.util.Arrays.toString(r.reduced().halfSignalTimes()));
    System.out.printf("sigma plain %s, cv %s; delta achieved %s (without CV the same schedule: %s)%n",
        java.util.Arrays.toString(r.sigmaPlain()), java.util.Arrays.toString(r.sigmaControlVariate()),
        java.util.Arrays.toString(r.deltaAchieved()), java.util.Arrays.toString(r.deltaWithoutControlVariate()));
    System.out.printf("F0 %.4f F_final(window) %.4f fresh %.4f ± %.4f F* %.4f, final %s%n", f.f0(), f.fFinal(),
        f.fFresh(), f.fFreshSe(), f.fStar(), f.finalState());
    for (int s = 0; s < r.sgd().etaSamples(); s += Math.max(1, r.sgd().etaSamples() / 30)) {
      System.out.printf("  t %.3f eta %.4g lambda %.3g loss %.4f%n", r.sgd().etaTime(s), r.sgd().eta(s),
          r.sgd().curvatureBound(s), f.trajectory().get(s).loss());
    }
  }
}
