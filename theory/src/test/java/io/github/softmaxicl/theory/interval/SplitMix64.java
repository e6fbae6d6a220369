package io.github.softmaxicl.theory.interval;

/**
 * SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator with a fixed, platform-independent output.
 * Used here because the pure {@code theory} module has no Commons RNG on its test class path; the output
 * sequence for a seed is the published SplitMix64 sequence, so the cases are reproducible anywhere.
 */
final class SplitMix64 {
  private long state;

  SplitMix64(long seed) {
    this.state = seed;
  }

  long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [lo, hi). */
  double uniform(double lo, double hi) {
    return lo + (hi - lo) * nextDouble();
  }

  /** Uniform integer in [lo, hi]. */
  int nextInt(int lo, int hi) {
    return lo + (int) Math.floorMod(nextLong(), (long) hi - lo + 1);
  }
}
