package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Every invalid field gets its own one-line message naming the field and the range. */
class ProblemConfigTest {
  private static void rejects(String field, String rangeHint, Supplier<ProblemConfig> build) {
    ConfigException e = assertThrows(ConfigException.class, build::get);
    assertEquals(field, e.field());
    assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(rangeHint), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void defaultSplitOfMODEL() {
    assertArrayEquals(new int[] {16, 17, 17}, ProblemConfig.defaultBlocks(50, 3));
    assertArrayEquals(new int[] {4, 4}, Preset.SMALL.config().blockSizes());
    assertEquals(53, Preset.PAPER.config().tokenDim());
    assertEquals(16, Preset.PAPER.config().blockStart(1));
  }

  @Test
  void invalidFields() {
    rejects("d", "[1, 100000]", () -> ProblemConfig.of(0, new int[] {}, 1, 1, 0, 1));
    rejects("blocks", "at least one", () -> ProblemConfig.of(3, new int[] {}, 1, 1, 0, 1));
    rejects("blocks", ">= 1", () -> ProblemConfig.of(3, new int[] {3, 0}, 1, 1, 0, 1));
    rejects("blocks", "sum to d = 5", () -> ProblemConfig.of(5, new int[] {2, 2}, 1, 1, 0, 1));
    rejects("blocks", "at most d", () -> ProblemConfig.of(1, new int[] {1, 1}, 1, 1, 0, 1));
    rejects("H", "[1, 10000]", () -> ProblemConfig.of(4, new int[] {4}, 0, 10, 0, 1));
    rejects("H", "[1, 10000]", () -> ProblemConfig.of(4, new int[] {4}, -3, 10, 0, 1));
    rejects("L", "[1, 100000000]", () -> ProblemConfig.of(4, new int[] {4}, 1, 0, 0, 1));
    rejects("sigma", ">= 0", () -> ProblemConfig.of(4, new int[] {4}, 1, 10, -0.1, 1));
    rejects("sigma", "finite", () -> ProblemConfig.of(4, new int[] {4}, 1, 10, Double.NaN, 1));
    rejects("sigma", "finite", () -> ProblemConfig.of(4, new int[] {4}, 1, 10, Double.POSITIVE_INFINITY, 1));
    rejects("s2", "> 0", () -> ProblemConfig.of(4, new int[] {4}, 1, 10, 0, 0));
    rejects("s2", "> 0", () -> ProblemConfig.of(4, new int[] {4}, 1, 10, 0, -1));
    rejects("s2", "finite", () -> ProblemConfig.of(4, new int[] {4}, 1, 10, 0, Double.NaN));
    rejects("s2", "finite", () -> ProblemConfig.of(4, new int[] {4}, 1, 10, 0, Double.NEGATIVE_INFINITY));
    rejects("n", "[1, 4]", () -> ProblemConfig.withDefaultBlocks(4, 5, 1, 10, 0, 1));
    rejects("H", "full-model weights", () -> ProblemConfig.of(100_000, new int[] {100_000}, 10, 10, 0, 1));
    rejects("preset", "known: paper, small, extra-head", () -> Preset.byId("huge").config());
    rejects("init_scale", "> 0", () -> ProblemConfig.of(4, new int[] {4}, 1, 10, 0, 1)
        .withHeads(Initialisations.paper(ProblemConfig.of(4, new int[] {4}, 1, 10, 0, 1), -1.0).heads()));
  }

  @Test
  void blocksAreCopied() {
    int[] blocks = {2, 2};
    ProblemConfig c = ProblemConfig.of(4, blocks, 1, 10, 0, 1);
    blocks[0] = 99;
    assertEquals(2, c.blockSize(0));
    c.blockSizes()[1] = 99;
    assertEquals(2, c.blockSize(1));
  }

  @Test
  void paperInitMatchesMODEL() {
    ProblemConfig c = Preset.PAPER.config();
    SpectralState s = Initialisations.paper(c);
    double base = Math.pow(100, -1.5);
    for (int h = 0; h < 3; h++) {
      for (int i = 0; i < 3; i++) {
        assertEquals(base / Math.sqrt(53), s.omega(h, i), 0);
        assertEquals(h == i ? 4 * base : base, s.mu(h, i), 0);
      }
    }
    SpectralState k = Initialisations.paper(c, 30);
    assertEquals(30 * s.mu(0, 0), k.mu(0, 0), 1e-18);
    // H > n: the extra head favours none.
    SpectralState e = Initialisations.paper(Preset.EXTRA_HEAD.config());
    for (int i = 0; i < 3; i++) {
      assertEquals(Math.pow(200, -1.5), e.mu(3, i), 0);
    }
  }

  private static ProblemConfig ok(int d, int[] blocks, int heads, int promptLength) {
    return ProblemConfig.of(d, blocks, heads, promptLength, 0, 1);
  }

  @Test
  void integerFieldsAcceptBothEndsOfTheirRangeAndRejectOneBeyond() {
    // H: 1 and MAX_HEADS allowed (d = 1 keeps the weights at 10^4 * (3*2^2 + 2) = 140000), 0 and MAX_HEADS + 1 not.
    assertEquals(1, ok(1, new int[] {1}, 1, 1).heads());
    assertEquals(ProblemConfig.MAX_HEADS, ok(1, new int[] {1}, ProblemConfig.MAX_HEADS, 1).heads());
    rejects("H", "[1, 10000] (got 10001)", () -> ok(1, new int[] {1}, ProblemConfig.MAX_HEADS + 1, 1));
    // L: 1 and MAX_L allowed, MAX_L + 1 not.
    assertEquals(1, ok(1, new int[] {1}, 1, 1).promptLength());
    assertEquals(ProblemConfig.MAX_L, ok(1, new int[] {1}, 1, ProblemConfig.MAX_L).promptLength());
    rejects("L", "[1, 100000000] (got 100000001)", () -> ok(1, new int[] {1}, 1, ProblemConfig.MAX_L + 1));
    // d: MAX_D passes d's own check (the weights then fail, naming H), MAX_D + 1 fails it.
    rejects("H", "full-model weights", () -> ok(ProblemConfig.MAX_D, new int[] {ProblemConfig.MAX_D}, 1, 1));
    rejects("d", "[1, 100000] (got 100001)",
        () -> ok(ProblemConfig.MAX_D + 1, new int[] {ProblemConfig.MAX_D + 1}, 1, 1));
    // n = d blocks of size 1 allowed.
    assertEquals(3, ok(3, new int[] {1, 1, 1}, 1, 1).tasks());
    // sigma = 0 allowed (>= 0), s2 just above 0 allowed (> 0).
    assertEquals(Double.MIN_VALUE, ProblemConfig.of(1, new int[] {1}, 1, 1, 0.0, Double.MIN_VALUE).s2());
    rejects("sigma", ">= 0.0 (got -4.9E-324)",
        () -> ProblemConfig.of(1, new int[] {1}, 1, 1, -Double.MIN_VALUE, 1));
  }

  @Test
  void theWeightLimitNamesDAndTheWeightCount() {
    // D = d + n = 100001, H (3 D^2 + n D) = 10 * (3 * 10000200001 + 100001) = 300007000040.
    rejects("H", "(D = d + n = 100001, H = 10 gives 300007000040)",
        () -> ok(100_000, new int[] {100_000}, 10, 10));
    // Largest H (3 D^2 + n D) <= MAX_WEIGHTS over all shapes with H <= MAX_HEADS: d = 1363, n = 2, H = 384 gives
    // 384 * (3 * 1365^2 + 2 * 1365) = 2147483520 (no shape reaches MAX_WEIGHTS = 7 * 17 * 18046081 exactly, see
    // docs/EQUIVALENT-MUTANTS.md); one more head is 5592405 over.
    ProblemConfig largest = ok(1363, new int[] {681, 682}, 384, 1);
    assertEquals(2_147_483_520L, largest.fullModelWeights());
    rejects("H", "H = 385 gives 2153075925)", () -> ok(1363, new int[] {681, 682}, 385, 1));
  }

  @Test
  void defaultBlocksAcceptOneToDTasks() {
    assertArrayEquals(new int[] {5}, ProblemConfig.defaultBlocks(5, 1));
    assertArrayEquals(new int[] {1, 1, 1, 1, 1}, ProblemConfig.defaultBlocks(5, 5));
    rejects("n", "[1, 5] (got 6)", () -> ok(5, ProblemConfig.defaultBlocks(5, 6), 1, 1));
    rejects("n", "[1, 5] (got 0)", () -> ok(5, ProblemConfig.defaultBlocks(5, 0), 1, 1));
    ProblemConfig c = ProblemConfig.withDefaultBlocks(8, 3, 2, 40, 0.5, 2.0);
    assertArrayEquals(new int[] {2, 3, 3}, c.blockSizes());
    assertEquals(ProblemConfig.of(8, new int[] {2, 3, 3}, 2, 40, 0.5, 2.0), c);
    assertEquals(1, ProblemConfig.withDefaultBlocks(1, 1, 1, 1, 0, 1).d());
    // d is the first field checked: an invalid d is named even when n is invalid too.
    rejects("d", "[1, 100000] (got 0)", () -> ProblemConfig.withDefaultBlocks(0, 0, 1, 1, 0, 1));
    rejects("d", "[1, 100000] (got 100001)", () -> ProblemConfig.withDefaultBlocks(100_001, 1, 1, 1, 0, 1));
    rejects("H", "full-model weights", () -> ProblemConfig.withDefaultBlocks(100_000, 1, 1, 1, 0, 1));
    rejects("n", "[1, 3] (got 0)", () -> ProblemConfig.withDefaultBlocks(3, 0, 1, 1, 0, 1));
    assertEquals(3, ProblemConfig.withDefaultBlocks(3, 3, 1, 1, 0, 1).tasks());
  }

  @Test
  void blockIndicesOutsideZeroToNMinusOneAreRejected() {
    ProblemConfig c = ok(9, new int[] {2, 3, 4}, 1, 1);
    assertEquals(2, c.blockSize(0));
    assertEquals(4, c.blockSize(2));
    assertEquals(0, c.blockStart(0));
    assertEquals(5, c.blockStart(2));
    for (int task : new int[] {-1, 3}) {
      IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> c.blockSize(task));
      assertEquals("task " + task + " outside 0..2", e.getMessage());
      e = assertThrows(IndexOutOfBoundsException.class, () -> c.blockStart(task));
      assertEquals("task " + task + " outside 0..2", e.getMessage());
    }
  }

  @Test
  void fullModelSizeFollowsItsFormula() {
    // paper: D = 53, n = 3, H = 3: weights 3 (3 * 53^2 + 3 * 53) = 25758; bytes 8 (2 * 25758 + 53 * 101) = 454952.
    ProblemConfig paper = Preset.PAPER.config();
    assertEquals(25_758L, paper.fullModelWeights());
    assertEquals(454_952L, paper.fullModelBytes());
    // d = 9, n = 2, H = 5, L = 7: D = 11, weights 5 (363 + 22) = 1925, bytes 8 (3850 + 11 * 8) = 31504.
    ProblemConfig c = ok(9, new int[] {4, 5}, 5, 7);
    assertEquals(1925L, c.fullModelWeights());
    assertEquals(31_504L, c.fullModelBytes());
  }

  @Test
  void withPromptLengthAndWithHeadsChangeOnlyThatField() {
    ProblemConfig c = ProblemConfig.of(9, new int[] {4, 5}, 5, 7, 0.25, 3.0);
    assertEquals(ProblemConfig.of(9, new int[] {4, 5}, 5, 11, 0.25, 3.0), c.withPromptLength(11));
    assertEquals(ProblemConfig.of(9, new int[] {4, 5}, 2, 7, 0.25, 3.0), c.withHeads(2));
    rejects("L", "(got 0)", () -> c.withPromptLength(0));
  }

  @Test
  void equalsComparesEveryFieldAndHashCodeAgrees() {
    ProblemConfig c = ProblemConfig.of(9, new int[] {4, 5}, 5, 7, 0.25, 3.0);
    ProblemConfig same = ProblemConfig.of(9, new int[] {4, 5}, 5, 7, 0.25, 3.0);
    assertEquals(c, same);
    assertEquals(c.hashCode(), same.hashCode());
    assertNotEquals(c, "d=9");
    assertNotEquals(c, null);
    ProblemConfig[] others = {
        ProblemConfig.of(10, new int[] {5, 5}, 5, 7, 0.25, 3.0),
        ProblemConfig.of(9, new int[] {5, 4}, 5, 7, 0.25, 3.0),
        ProblemConfig.of(9, new int[] {4, 5}, 6, 7, 0.25, 3.0),
        ProblemConfig.of(9, new int[] {4, 5}, 5, 8, 0.25, 3.0),
        ProblemConfig.of(9, new int[] {4, 5}, 5, 7, 0.5, 3.0),
        ProblemConfig.of(9, new int[] {4, 5}, 5, 7, 0.25, 2.0)};
    java.util.Set<Integer> hashes = new java.util.HashSet<>();
    hashes.add(c.hashCode());
    for (ProblemConfig o : others) {
      assertNotEquals(c, o, o.toString());
      assertNotEquals(o, c, o.toString());
      // A hash that ignores a field (or is constant) would collide; these six differ from c in one field each.
      assertTrue(hashes.add(o.hashCode()), "hash collision for " + o);
    }
    assertEquals("d=9 blocks=[4, 5] H=5 L=7 sigma=0.25 s2=3.0", c.toString());
  }
}
