package io.github.softmaxicl.theory;

import java.util.SplittableRandom;

/** Seeded generators of configurations and states for property tests (printable, reproducible). */
final class RandomCases {
  private RandomCases() {}

  static ProblemConfig config(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = 1 + r.nextInt(4);
    int[] blocks = new int[n];
    int d = 0;
    for (int i = 0; i < n; i++) {
      blocks[i] = 1 + r.nextInt(6);
      d += blocks[i];
    }
    int heads = 1 + r.nextInt(4);
    int L = 10 + r.nextInt(500);
    double sigma = r.nextDouble() < 0.3 ? 0.0 : r.nextDouble();
    double s2 = 0.5 + 1.5 * r.nextDouble();
    return ProblemConfig.of(d, blocks, heads, L, sigma, s2);
  }

  /** A state inside the refined loss's domain (|ω| ≤ 0.3 so 2ωω' ≤ 0.18). */
  static SpectralState state(ProblemConfig c, long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    double[][] w = new double[c.heads()][c.tasks()];
    double[][] m = new double[c.heads()][c.tasks()];
    for (int h = 0; h < c.heads(); h++) {
      for (int j = 0; j < c.tasks(); j++) {
        w[h][j] = (r.nextDouble() - 0.5) * 0.6;
        m[h][j] = (r.nextDouble() - 0.5) * 4.0;
      }
    }
    return SpectralState.of(w, m);
  }
}
