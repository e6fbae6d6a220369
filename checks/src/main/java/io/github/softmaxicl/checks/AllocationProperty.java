package io.github.softmaxicl.checks;

import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Claim P3 as a property: over seeded random configurations (H ≥ n) and random initial μ with equal ω(0), the
 * reduced flow gives task i to the head with the largest μ_i^h(0) (MODEL.md §6's allocation rule), and an
 * observation of what happens when H &lt; n.
 */
public final class AllocationProperty {
  private AllocationProperty() {}

  /** Minimum relative margin of the largest μ_i^h(0) over the runner-up: near-ties are outside the rule. */
  public static final double MARGIN = 0.05;

  /**
   * One random case: the configuration and start drawn from {@code seed}.
   *
   * @param seed the case's seed (printed with any failure)
   * @param config the configuration
   * @param init the start
   * @param predicted the predicted head per task
   */
  public record Case(long seed, ProblemConfig config, SpectralState init, int[] predicted) {
    @Override
    public String toString() {
      return "seed " + seed + ": " + config + ", predicted heads " + Arrays.toString(predicted);
    }
  }

  /** Draws a case: n in 2..3, H in n..n+2, blocks 2..6, L in 20..120, paper-init scale, μ(0) ∈ base·[1, 4]. */
  public static Case draw(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    while (true) {
      int n = 2 + r.nextInt(2);
      int heads = n + r.nextInt(3);
      int[] blocks = new int[n];
      int d = 0;
      for (int i = 0; i < n; i++) {
        blocks[i] = 2 + r.nextInt(5);
        d += blocks[i];
      }
      int promptLength = 20 + r.nextInt(101);
      ProblemConfig c = ProblemConfig.of(d, blocks, heads, promptLength, 0.0, 1.0);
      double base = Math.pow(promptLength, -1.5);
      double[][] w = new double[heads][n];
      double[][] m = new double[heads][n];
      for (int h = 0; h < heads; h++) {
        for (int i = 0; i < n; i++) {
          w[h][i] = base / Math.sqrt(c.tokenDim());
          m[h][i] = base * (1.0 + 3.0 * r.nextDouble());
        }
      }
      SpectralState init = SpectralState.of(w, m);
      int[] predicted = ReducedRunChecks.predictedAllocation(init);
      if (ReducedRunChecks.oneHeadPerTask(predicted) && clearMargins(init, predicted)) {
        return new Case(seed, c, init, predicted);
      }
    }
  }

  private static boolean clearMargins(SpectralState s, int[] predicted) {
    for (int i = 0; i < predicted.length; i++) {
      for (int h = 0; h < s.heads(); h++) {
        if (h != predicted[i] && s.mu(h, i) * (1 + MARGIN) > s.mu(predicted[i], i)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A case's computed outcome.
   *
   * @param c the case
   * @param allocation the head the reduced flow gave each task
   * @param tEmergenceEnd the flow's end of emergence (not finite if emergence was not reached)
   */
  public record CaseResult(Case c, int[] allocation, double tEmergenceEnd) {}

  /**
   * The verdict over the computed cases (drawn with seeds firstSeed, firstSeed + 1, ..., each run to
   * {@code tEnd}): pass only if every case's allocation is the predicted one and emergence was reached.
   */
  public static Verdict verdict(List<CaseResult> results, long firstSeed, double tEnd) {
    int cases = results.size();
    int wrong = 0;
    List<String> ev = new ArrayList<>();
    for (CaseResult r : results) {
      if (!Arrays.equals(r.allocation(), r.c().predicted()) || !Double.isFinite(r.tEmergenceEnd())) {
        wrong++;
        ev.add("disagrees: " + r.c() + ", got " + Arrays.toString(r.allocation()) + ", t_e = " + r.tEmergenceEnd());
      }
    }
    ev.add(0, cases + " seeded cases (seeds " + firstSeed + ".." + (firstSeed + cases - 1) + "), t_end = " + tEnd
        + ": " + (cases - wrong) + " agree with the rule");
    return Verdicts.of(Claims.P3_ALLOCATION_PROPERTY, "property", cases > 0 && wrong == 0, wrong, 0, ev);
  }
}
