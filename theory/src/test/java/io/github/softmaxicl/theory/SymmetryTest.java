package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Permuting heads, or tasks together with their blocks, permutes losses and gradients consistently. */
class SymmetryTest {
  static LongStream seeds() {
    return LongStream.range(200, 240);
  }

  /** Sums are re-ordered by a permutation: agreement to a few ulps of the largest term, 1e-12 relative. */
  private static final double REL = 1e-12;

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void headPermutation(long seed) {
    ProblemConfig c = RandomCases.config(seed);
    SpectralState s = RandomCases.state(c, seed);
    int[] perm = permutation(c.heads(), seed);
    double[][] w = new double[c.heads()][];
    double[][] m = new double[c.heads()][];
    for (int h = 0; h < c.heads(); h++) {
      w[perm[h]] = s.omegaArray()[h];
      m[perm[h]] = s.muArray()[h];
    }
    SpectralState p = SpectralState.of(w, m);
    for (ReducedLoss loss : new ReducedLoss[] {new LeadingOrderLoss(c), new RefinedLoss(c)}) {
      SpectralGradient g = loss.gradient(s);
      SpectralGradient gp = loss.gradient(p);
      double tol = REL * Math.max(1, g.norm() + Math.abs(g.value()));
      assertEquals(g.value(), gp.value(), tol, "seed " + seed);
      for (int h = 0; h < c.heads(); h++) {
        for (int j = 0; j < c.tasks(); j++) {
          assertEquals(g.dOmega(h, j), gp.dOmega(perm[h], j), tol, "seed " + seed + " " + c);
          assertEquals(g.dMu(h, j), gp.dMu(perm[h], j), tol, "seed " + seed + " " + c);
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void taskPermutationWithBlocks(long seed) {
    ProblemConfig c = RandomCases.config(seed);
    SpectralState s = RandomCases.state(c, seed);
    int n = c.tasks();
    int[] perm = permutation(n, seed * 31 + 7);
    int[] blocks = new int[n];
    double[][] w = new double[c.heads()][n];
    double[][] m = new double[c.heads()][n];
    for (int i = 0; i < n; i++) {
      blocks[perm[i]] = c.blockSize(i);
      for (int h = 0; h < c.heads(); h++) {
        w[h][perm[i]] = s.omega(h, i);
        m[h][perm[i]] = s.mu(h, i);
      }
    }
    ProblemConfig cp = ProblemConfig.of(c.d(), blocks, c.heads(), c.promptLength(), c.sigma(), c.s2());
    SpectralState sp = SpectralState.of(w, m);
    ReducedLoss[] losses = {new LeadingOrderLoss(c), new RefinedLoss(c)};
    ReducedLoss[] permuted = {new LeadingOrderLoss(cp), new RefinedLoss(cp)};
    for (int k = 0; k < losses.length; k++) {
      SpectralGradient g = losses[k].gradient(s);
      SpectralGradient gp = permuted[k].gradient(sp);
      double tol = REL * Math.max(1, g.norm() + Math.abs(g.value()));
      assertEquals(g.value(), gp.value(), tol);
      double[] li = losses[k].taskLosses(s);
      double[] lp = permuted[k].taskLosses(sp);
      for (int i = 0; i < n; i++) {
        assertEquals(li[i], lp[perm[i]], tol, "task loss, seed " + seed);
        for (int h = 0; h < c.heads(); h++) {
          assertEquals(g.dOmega(h, i), gp.dOmega(h, perm[i]), tol, "seed " + seed + " " + c);
          assertEquals(g.dMu(h, i), gp.dMu(h, perm[i]), tol, "seed " + seed + " " + c);
        }
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void taskLossesAverageToF(long seed) {
    ProblemConfig c = RandomCases.config(seed);
    SpectralState s = RandomCases.state(c, seed);
    for (ReducedLoss loss : new ReducedLoss[] {new LeadingOrderLoss(c), new RefinedLoss(c)}) {
      double sum = 0;
      for (double l : loss.taskLosses(s)) {
        sum += l;
      }
      double f = loss.value(s);
      assertEquals(f, sum / c.tasks(), REL * Math.max(1, Math.abs(f)), "seed " + seed);
    }
  }

  static int[] permutation(int n, long seed) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int k = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[k];
      p[k] = t;
    }
    return p;
  }
}
