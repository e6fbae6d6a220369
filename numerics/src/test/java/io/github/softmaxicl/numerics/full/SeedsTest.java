package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * The 128-bit state is the two derived words, and the guard against an all-zero state replaces nothing else: with
 * the SplitMix64 finaliser inverted (it is a bijection), seeds are built whose first or second derived word is
 * exactly 0, and the state keeps it (the other word is then mix(±γ) ≠ 0, so both can never vanish together).
 */
class SeedsTest {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** Inverse of x ↦ x ^ (x >>> s): each pass fixes s more of the top bits. */
  private static long unXorShift(long y, int s) {
    long x = y;
    for (int k = s; k < 64; k += s) {
      x = y ^ (x >>> s);
    }
    return x;
  }

  /** Inverse of an odd multiplier mod 2^64 by Newton's iteration (3 correct bits, doubling each step). */
  private static long inverse(long a) {
    long x = a;
    for (int i = 0; i < 5; i++) {
      x *= 2 - a * x;
    }
    return x;
  }

  private static long unmix(long z) {
    long x = unXorShift(z, 31);
    x *= inverse(0x94D049BB133111EBL);
    x = unXorShift(x, 27);
    x *= inverse(0xBF58476D1CE4E5B9L);
    return unXorShift(x, 30);
  }

  @Test
  void stateKeepsAZeroWordWhenTheOtherIsNot() {
    for (long x : new long[] {0, 1, -1, 12345, GOLDEN}) {
      assertEquals(x, unmix(Seeds.mix(x)), "the inverse is right");
    }
    assertEquals(0, Seeds.mix(0));
    // derive(s, 0) = mix(mix(s) + γ) = 0 when mix(s) = −γ
    long firstZero = unmix(-GOLDEN);
    assertEquals(0, Seeds.derive(firstZero, 0));
    long second = Seeds.derive(firstZero, 1);
    assertNotEquals(0, second);
    assertArrayEquals(new long[] {0, second}, Seeds.state128(firstZero, 0));
    // derive(s, 1) = mix(mix(s) + 2γ) = 0 when mix(s) = −2γ
    long secondZero = unmix(-2 * GOLDEN);
    assertEquals(0, Seeds.derive(secondZero, 1));
    long first = Seeds.derive(secondZero, 0);
    assertNotEquals(0, first);
    assertArrayEquals(new long[] {first, 0}, Seeds.state128(secondZero, 0));
  }
}
