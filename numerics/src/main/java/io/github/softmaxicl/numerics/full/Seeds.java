package io.github.softmaxicl.numerics.full;

/**
 * Derivation of independent 64-bit seeds from a base seed and an index, with the SplitMix64 finaliser. Used so
 * that the random stream of a prompt depends only on (seed, draw index) and never on thread scheduling.
 */
public final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /** The SplitMix64 finaliser (a bijection of 64-bit words with good avalanche). */
  public static long mix(long z) {
    long x = z;
    x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
    x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
    return x ^ (x >>> 31);
  }

  /** A seed for stream {@code index} of base seed {@code seed}; distinct indices give unrelated streams. */
  public static long derive(long seed, long index) {
    return mix(mix(seed) + (index + 1) * GOLDEN);
  }

  /** Two words for a 128-bit generator state, never both zero. */
  static long[] state128(long seed, long index) {
    long a = derive(seed, 2 * index);
    long b = derive(seed, 2 * index + 1);
    if (a == 0 && b == 0) {
      b = GOLDEN;
    }
    return new long[] {a, b};
  }
}
