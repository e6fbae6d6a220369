package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.ProblemConfig;

/** Seeded random configurations for the certificate tests (printed with their seed on failure). */
final class Configs {
  private Configs() {}

  /** n in 1..4, block sizes 1..40, H = n..n+2, L in 1..5000 (log-uniform), σ in [0, 3], s² in [0.1, 5]. */
  static ProblemConfig random(long seed) {
    SplitMix64 rng = new SplitMix64(seed);
    int n = rng.nextInt(1, 4);
    int[] blocks = new int[n];
    int d = 0;
    for (int i = 0; i < n; i++) {
      blocks[i] = rng.nextInt(1, 40);
      d += blocks[i];
    }
    int heads = n + rng.nextInt(0, 2);
    int length = (int) Math.round(Math.exp(rng.uniform(0, Math.log(5000))));
    double sigma = rng.nextDouble() < 0.3 ? 0.0 : rng.uniform(0, 3);
    double s2 = rng.uniform(0.1, 5);
    return ProblemConfig.of(d, blocks, heads, Math.max(1, length), sigma, s2);
  }
}
