package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/**
 * Stored prompts reach the kernel as references to the store's arrays ({@link StoredPrompts}, {@link PromptBlock}),
 * generated prompts in the block's own buffers: the two routes must give the same bits, so that storing a sample
 * never changes a result, and a block that held references must never write through them. Checked through
 * {@link FullModel} (loss, gradient, per-prompt losses, the control variate's token means; 1 and 2 threads, a
 * last chunk not full) and through {@link ChunkKernel} in both pass layouts. The store's two layouts (one row
 * array per prompt, or chunks of {@value FullModel#CHUNK} prompts as lanes, which a fill of exactly one chunk
 * hands over in place) must hold the same prompts, whichever ranges are asked for.
 */
class StoredPromptViewsTest {
  private static final ProblemConfig PAPER = Preset.PAPER.config();
  private static final ProblemConfig SMALL = ProblemConfig.of(4, new int[] {2, 2}, 2, 30, 0.1, 1.0);
  private static final ProblemConfig ODD = ProblemConfig.of(23, new int[] {11, 12}, 4, 29, 0.2, 1.0);

  @Test
  void storedAndGeneratedPromptsGiveTheSameBits() {
    for (ProblemConfig c : new ProblemConfig[] {PAPER, SMALL, ODD}) {
      PromptSampler sampler = PromptSampler.of(c, 91L, 45, false);
      StoredPrompts stored = StoredPrompts.copyOf(sampler);
      AttentionWeights w = AttentionWeights.paperInit(c, 1).perturbed(3e-2, 4L);
      for (int threads = 1; threads <= 2; threads++) {
        try (FullModel m = new FullModel(c, threads)) {
          for (boolean cv : new boolean[] {false, true}) {
            LossAndGradient a = m.lossAndGradient(w, sampler, cv);
            LossAndGradient b = m.lossAndGradient(w, stored, cv);
            assertEquals(Double.doubleToRawLongBits(a.loss()), Double.doubleToRawLongBits(b.loss()), c + " " + cv);
            assertArrayEquals(a.gradient(), b.gradient(), 0.0, c + " " + cv);
            assertTrue(a.gradientNorm() > 0, c.toString());
          }
          assertArrayEquals(m.promptLosses(w, sampler), m.promptLosses(w, stored), 0.0, c.toString());
        }
      }
    }
  }

  @Test
  void blocksHoldTheSameTokensInEitherForm() {
    for (ProblemConfig c : new ProblemConfig[] {PAPER, SMALL, ODD}) {
      PromptSampler sampler = PromptSampler.of(c, 5L, 40, false);
      StoredPrompts stored = StoredPrompts.copyOf(sampler);
      PromptBlock generated = new PromptBlock(c, 8);
      PromptBlock viewed = new PromptBlock(c, 8);
      sampler.fill(30, 7, generated);
      stored.fill(30, 7, viewed);
      for (int p = 0; p < 7; p++) {
        for (int l = 0; l < c.promptLength(); l++) {
          for (int k = 0; k < c.tokenDim(); k++) {
            assertEquals(generated.token(p, l, k), viewed.token(p, l, k), 0.0);
          }
        }
        for (int k = 0; k < c.tokenDim(); k++) {
          assertEquals(generated.query(p, k), viewed.query(p, k), 0.0);
        }
        for (int i = 0; i < c.tasks(); i++) {
          assertEquals(generated.target(p, i), viewed.target(p, i), 0.0);
        }
      }
      // A generating source refilling a block that held references writes its own buffers, never the store.
      sampler.fill(0, 7, viewed);
      stored.fill(30, 7, generated);
      PromptBlock fresh = new PromptBlock(c, 8);
      sampler.fill(30, 7, fresh);
      for (int p = 0; p < 7; p++) {
        for (int l = 0; l < c.promptLength(); l++) {
          for (int k = 0; k < c.tokenDim(); k++) {
            assertEquals(fresh.token(p, l, k), generated.token(p, l, k), 0.0);
          }
        }
      }
    }
  }

  @Test
  void bothPassLayoutsReadAStoredBlock() {
    ProblemConfig c = ODD;
    PromptSampler sampler = PromptSampler.of(c, 13L, 32, false);
    StoredPrompts stored = StoredPrompts.copyOf(sampler);
    PromptBlock generated = new PromptBlock(c, 32);
    PromptBlock viewed = new PromptBlock(c, 32);
    sampler.fill(0, 29, generated);
    stored.fill(0, 29, viewed);
    java.util.Random rng = new java.util.Random(8L);
    int dd = c.tokenDim();
    double[][] m = new double[c.heads()][dd * dd];
    double[][] w = new double[c.heads()][c.tasks() * dd];
    for (int h = 0; h < c.heads(); h++) {
      for (int i = 0; i < m[h].length; i++) {
        m[h][i] = 0.3 * rng.nextGaussian();
      }
      for (int i = 0; i < w[h].length; i++) {
        w[h][i] = 0.3 * rng.nextGaussian();
      }
    }
    double[][] gRef = new double[c.heads()][dd * dd];
    double[][] sRef = new double[c.heads()][c.tasks() * dd];
    double ref = new ChunkKernel(c, 32, true).chunk(generated, m, w, gRef, sRef, 0.7, null, 0);
    for (boolean tokenLanes : new boolean[] {true, false}) {
      double[][] g = new double[c.heads()][dd * dd];
      double[][] s = new double[c.heads()][c.tasks() * dd];
      double v = new ChunkKernel(c, 32, tokenLanes).chunk(viewed, m, w, g, s, 0.7, null, 0);
      assertEquals(Double.doubleToRawLongBits(ref), Double.doubleToRawLongBits(v), "token lanes " + tokenLanes);
      for (int h = 0; h < c.heads(); h++) {
        assertArrayEquals(gRef[h], g[h], 0.0);
        assertArrayEquals(sRef[h], s[h], 0.0);
      }
    }
  }

  @Test
  void smallPromptsAreStoredAsLanesAndLargeOnesAsRows() {
    assertTrue(StoredPrompts.copyOf(PromptSampler.of(SMALL, 1L, 3, false)).promptLanes());
    assertFalse(StoredPrompts.copyOf(PromptSampler.of(PAPER, 1L, 3, false)).promptLanes());
    assertFalse(StoredPrompts.copyOf(PromptSampler.of(ODD, 1L, 3, false)).promptLanes());
  }

  /** Either store layout on either kernel layout, two full chunks and a partial one, and copies of copies. */
  @Test
  void eitherStoreLayoutGivesTheSameBits() {
    for (ProblemConfig c : new ProblemConfig[] {SMALL, ODD}) {
      PromptSampler sampler = PromptSampler.of(c, 17L, 2 * FullModel.CHUNK + 22, false);
      AttentionWeights w = AttentionWeights.paperInit(c, 1).perturbed(3e-2, 6L);
      for (boolean lanes : new boolean[] {true, false}) {
        StoredPrompts stored = StoredPrompts.copyOf(sampler, Long.MAX_VALUE, lanes);
        assertEquals(lanes, stored.promptLanes());
        StoredPrompts again = StoredPrompts.copyOf(stored, Long.MAX_VALUE, !lanes);
        for (int threads = 1; threads <= 2; threads++) {
          try (FullModel m = new FullModel(c, threads)) {
            for (boolean cv : new boolean[] {false, true}) {
              LossAndGradient a = m.lossAndGradient(w, sampler, cv);
              for (PromptSource s : new PromptSource[] {stored, again}) {
                LossAndGradient b = m.lossAndGradient(w, s, cv);
                String at = c + " lanes " + lanes + " cv " + cv + " threads " + threads;
                assertEquals(Double.doubleToRawLongBits(a.loss()), Double.doubleToRawLongBits(b.loss()), at);
                assertArrayEquals(a.gradient(), b.gradient(), 0.0, at);
              }
            }
            assertArrayEquals(m.promptLosses(w, sampler), m.promptLosses(w, stored), 0.0, c.toString());
          }
        }
      }
    }
  }

  /**
   * A fill of exactly one stored chunk hands over its lanes (by reference), any other range is gathered
   * into rows; either way the block holds the sampler's prompts, also after {@link PromptBlock#rows()} has
   * turned lanes into rows, and the store is never written.
   */
  @Test
  void laneChunksAreHandedOverWholeAndOtherRangesGathered() {
    ProblemConfig c = SMALL;
    int size = 2 * FullModel.CHUNK + 5;
    PromptSampler sampler = PromptSampler.of(c, 23L, size, false);
    StoredPrompts stored = StoredPrompts.copyOf(sampler);
    PromptBlock viewed = new PromptBlock(c, FullModel.CHUNK);
    PromptBlock generated = new PromptBlock(c, FullModel.CHUNK);
    int[][] ranges = {{0, FullModel.CHUNK}, {FullModel.CHUNK, FullModel.CHUNK}, {2 * FullModel.CHUNK, 5},
        {FullModel.CHUNK, 7}, {3, FullModel.CHUNK}, {2 * FullModel.CHUNK + 1, 4}, {0, FullModel.CHUNK - 1}};
    boolean[] inPlace = {true, true, true, false, false, false, false};
    for (int r = 0; r < ranges.length; r++) {
      int first = ranges[r][0];
      int count = ranges[r][1];
      stored.fill(first, count, viewed);
      sampler.fill(first, count, generated);
      assertEquals(count, viewed.count());
      if (inPlace[r]) {
        assertNotNull(viewed.lanes, "range " + first + "+" + count);
      } else {
        assertNull(viewed.lanes, "range " + first + "+" + count);
      }
      assertSameTokens(c, generated, viewed, count);
      viewed.rows();
      assertNull(viewed.lanes);
      assertSameTokens(c, generated, viewed, count);
      // A generating source refilling the block writes its own buffers, never the store's lanes.
      PromptSampler.of(c, 99L, size, false).fill(first, count, viewed);
    }
    PromptBlock fresh = new PromptBlock(c, FullModel.CHUNK);
    stored.fill(FullModel.CHUNK, FullModel.CHUNK, fresh);
    sampler.fill(FullModel.CHUNK, FullModel.CHUNK, generated);
    assertSameTokens(c, generated, fresh, FullModel.CHUNK);
    // The empty range at the end of a store of whole chunks is valid (there is no chunk there to hand over).
    StoredPrompts whole = StoredPrompts.copyOf(PromptSampler.of(c, 3L, FullModel.CHUNK, false));
    whole.fill(FullModel.CHUNK, 0, fresh);
    assertEquals(0, fresh.count());
  }

  private static void assertSameTokens(ProblemConfig c, PromptBlock expected, PromptBlock actual, int count) {
    for (int p = 0; p < count; p++) {
      for (int l = 0; l < c.promptLength(); l++) {
        for (int k = 0; k < c.tokenDim(); k++) {
          assertEquals(expected.token(p, l, k), actual.token(p, l, k), 0.0);
        }
      }
      for (int k = 0; k < c.tokenDim(); k++) {
        assertEquals(expected.query(p, k), actual.query(p, k), 0.0);
      }
      for (int i = 0; i < c.tasks(); i++) {
        assertEquals(expected.target(p, i), actual.target(p, i), 0.0);
      }
    }
  }
}
