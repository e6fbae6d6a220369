package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
