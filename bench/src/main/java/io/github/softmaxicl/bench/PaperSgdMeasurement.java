package io.github.softmaxicl.bench;

import io.github.softmaxicl.experiments.Settings;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.PaperSgdProtocol;
import io.github.softmaxicl.theory.Preset;
import java.util.Arrays;
import java.util.Locale;

/**
 * A diagnostic run of the paper-sized SGD protocol (not a test; {@code ./reproduce --full} runs the same
 * protocol as a claim): prints the wall time, steps and prompts against the authors', emergence against the
 * reduced flow, the gradient noise achieved with and without the control variate, and a thinned η schedule.
 * {@code full} takes about two minutes on two cores.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.github.softmaxicl.bench.PaperSgdMeasurement
 * [quick|full] [seed]}.
 */
public final class PaperSgdMeasurement {
  private PaperSgdMeasurement() {}

  /** Entry point: arguments quick|full (default quick) and seed (default 1). */
  public static void main(String[] args) {
    boolean full = args.length > 0 && args[0].equals("full");
    // The protocols are sized in one place, the job's Settings.
    PaperSgdProtocol p = (full ? Settings.full().sgdProtocol(Preset.PAPER) : Settings.quick().sgdProtocol(Preset.SMALL))
        .orElseThrow();
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
    long t0 = System.nanoTime();
    PaperSgdProtocol.Result r = p.run(seed, 2,
        (t, loss, eta) -> System.err.printf(Locale.ROOT, "t %.2f loss %.4f%n", t, loss));
    FullRun f = r.sgd().run();
    System.out.printf(Locale.ROOT, "%s B=%d %s: wall %.1fs, steps %d, prompts %d (authors %d), t_end %.2f%n",
        p.preset().id(), p.batch(), p.step().describe(), (System.nanoTime() - t0) * 1e-9, r.sgd().steps(),
        r.prompts(), r.authorsPrompts(), f.tEnd());
    System.out.printf(Locale.ROOT, "t_w %.2f / reduced %.2f; t_e %.2f / reduced %.2f; half-signal %s / reduced %s%n",
        f.markers().warmupEnd(), r.reduced().markers().warmupEnd(), f.markers().emergenceEnd(),
        r.reduced().markers().emergenceEnd(), Arrays.toString(r.halfSignalTimes()),
        Arrays.toString(r.reduced().markers().halfSignal()));
    System.out.printf(Locale.ROOT, "sigma plain %s, cv %s; delta achieved %s (without CV the same schedule: %s)%n",
        Arrays.toString(r.sigmaPlain()), Arrays.toString(r.sigmaControlVariate()),
        Arrays.toString(r.deltaAchieved()), Arrays.toString(r.deltaWithoutControlVariate()));
    System.out.printf(Locale.ROOT, "F0 %.4f F_final(window) %.4f fresh %.4f ± %.4f F* %.4f, final %s%n", f.f0(),
        f.fFinal(), f.fFresh(), f.fFreshSe(), f.fStar(), f.finalState());
    for (int s = 0; s < r.sgd().etaSamples(); s += StrictMath.max(1, r.sgd().etaSamples() / 30)) {
      System.out.printf(Locale.ROOT, "  t %.3f eta %.4g lambda %.3g loss %.4f%n", r.sgd().etaTime(s),
          r.sgd().eta(s), r.sgd().curvatureBound(s), f.trajectory().get(s).loss());
    }
  }
}
