package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/**
 * The prompt sources' and the prompt block's contracts: ranges are checked (the last prompt may be used, one more
 * may not, an empty range is valid, and the message names the requested and the valid range), the sampler's limits on tasks and size hold
 * exactly at their edges, the sign-flip images flip exactly the blocks and targets their index says, and storing
 * more than a third of the heap is refused before anything is allocated.
 */
class PromptSourcesTest {
  private static final ProblemConfig C = ProblemConfig.of(3, new int[] {1, 2}, 1, 4, 0.3, 1.0);

  private static void checkRanges(PromptSource src) {
    int size = src.size();
    PromptBlock block = new PromptBlock(C, 2);
    src.fill(size - 2, 2, block);
    assertEquals(2, block.count());
    src.fill(size, 0, block);
    assertEquals(0, block.count(), "the empty range at the end is a valid request");
    IndexOutOfBoundsException e = assertThrowsExactly(IndexOutOfBoundsException.class,
        () -> src.fill(size - 1, 2, block));
    assertEquals("prompts " + (size - 1) + ".." + size + " outside 0.." + (size - 1), e.getMessage());
    assertThrowsExactly(IndexOutOfBoundsException.class, () -> src.fill(-1, 1, block));
    assertThrowsExactly(IndexOutOfBoundsException.class, () -> src.fill(0, 3, block), "over capacity");
  }

  @Test
  void sourcesCheckTheirRanges() {
    PromptSampler sampler = PromptSampler.of(C, 3L, 10, false);
    checkRanges(sampler);
    checkRanges(StoredPrompts.copyOf(sampler));
  }

  /** A block answers for its held prompts only, and names the valid range otherwise. */
  @Test
  void blockAnswersForHeldPromptsOnly() {
    PromptBlock block = new PromptBlock(C, 2);
    assertEquals(2, block.capacity());
    assertEquals(0, block.count());
    PromptSampler.of(C, 3L, 10, false).fill(4, 1, block);
    assertEquals(1, block.count());
    block.token(0, 0, 0);
    block.query(0, 0);
    block.target(0, 0);
    IndexOutOfBoundsException e = assertThrowsExactly(IndexOutOfBoundsException.class, () -> block.token(1, 0, 0));
    assertEquals("prompt 1 outside 0..0", e.getMessage());
    assertThrowsExactly(IndexOutOfBoundsException.class, () -> block.query(1, 0));
    assertThrowsExactly(IndexOutOfBoundsException.class, () -> block.target(1, 0));
    assertThrowsExactly(IndexOutOfBoundsException.class, () -> block.target(-1, 0));
  }

  /**
   * Symmetrised sampling: 2^{2n} images per draw must fit in an int with the draws, so n = 15 (2^30 images) is the
   * largest allowed and one draw of it fits, two do not; unsymmetrised, Integer.MAX_VALUE draws fit exactly.
   */
  @Test
  void samplerLimitsHoldAtTheirEdges() {
    int[] ones15 = new int[15];
    java.util.Arrays.fill(ones15, 1);
    ProblemConfig fifteen = ProblemConfig.of(15, ones15, 1, 2, 0.0, 1.0);
    PromptSampler big = PromptSampler.of(fifteen, 1L, 1, true);
    assertEquals(1 << 30, big.size());
    assertThrows(IllegalArgumentException.class, () -> PromptSampler.of(fifteen, 1L, 2, true));
    int[] ones16 = new int[16];
    java.util.Arrays.fill(ones16, 1);
    ProblemConfig sixteen = ProblemConfig.of(16, ones16, 1, 2, 0.0, 1.0);
    assertThrows(IllegalArgumentException.class, () -> PromptSampler.of(sixteen, 1L, 1, true));
    PromptSampler most = PromptSampler.of(C, 5L, Integer.MAX_VALUE, false);
    assertEquals(Integer.MAX_VALUE, most.size());
    assertEquals(Integer.MAX_VALUE, most.draws());
    assertFalse(most.symmetrised());
    assertEquals(5L, most.seed());
    assertTrue(big.symmetrised());
    assertThrows(IllegalArgumentException.class, () -> PromptSampler.of(C, 5L, 0, false));
  }

  /**
   * Image b of a draw (b = 0 the draw itself) flips the x coordinates of task block j where bit j of b is set and
   * y coordinate i (tokens and target) where bit n + i is set: checked coordinate by coordinate for all 16 images
   * of n = 2 (sign flips are exact).
   */
  @Test
  void imagesFlipTheBlocksTheirIndexNames() {
    int d = C.d();
    int n = C.tasks();
    int dd = C.tokenDim();
    int[] blockOf = {0, 1, 1};
    PromptSampler s = PromptSampler.of(C, 9L, 1, true);
    assertEquals(16, s.size());
    PromptBlock base = new PromptBlock(C, 1);
    s.fill(0, 1, base);
    PromptBlock img = new PromptBlock(C, 1);
    for (int b = 0; b < 16; b++) {
      s.fill(b, 1, img);
      for (int k = 0; k < dd; k++) {
        int bit = k < d ? blockOf[k] : n + (k - d);
        double sign = ((b >> bit) & 1) == 0 ? 1 : -1;
        for (int l = 0; l < C.promptLength(); l++) {
          assertEquals(sign * base.token(0, l, k), img.token(0, l, k), 0.0, "image " + b + " token " + l + "," + k);
        }
        assertEquals(sign * base.query(0, k), img.query(0, k), 0.0, "image " + b + " query " + k);
      }
      for (int i = 0; i < n; i++) {
        double sign = ((b >> (n + i)) & 1) == 0 ? 1 : -1;
        assertEquals(sign * base.target(0, i), img.target(0, i), 0.0, "image " + b + " target " + i);
      }
    }
  }

  /**
   * A prompt of L tokens stores L·D + D + n doubles (tokens, query, targets). With L = 1, D = 1001, n = 1 and as
   * many prompts as make 2.5 times the maximum heap, copying is refused with the size in MiB before any array is
   * made (an accepted request of this size could only fail with OutOfMemoryError), and the message gives both sizes.
   */
  @Test
  void storingMoreThanAThirdOfTheHeapIsRefused() {
    ProblemConfig wide = ProblemConfig.of(1000, new int[] {1000}, 1, 1, 0.0, 1.0);
    long perPrompt = (long) Double.BYTES * (1L * 1001 + 1001 + 1);
    long max = Runtime.getRuntime().maxMemory();
    long prompts = (long) Math.ceil(2.5 * max / perPrompt);
    assertTrue(prompts < Integer.MAX_VALUE, "heap too large for this test: " + max);
    PromptSampler src = PromptSampler.of(wide, 1L, (int) prompts, false);
    IllegalArgumentException e = assertThrowsExactly(IllegalArgumentException.class, () -> StoredPrompts.copyOf(src));
    long bytes = perPrompt * prompts;
    assertTrue(e.getMessage().contains("storing " + prompts + " prompts needs " + (bytes >> 20) + " MiB"),
        e.getMessage());
    assertTrue(e.getMessage().contains("(" + (max >> 20) + " MiB)"), e.getMessage());
  }

  /**
   * The limit's edge (package-private seam with the limit given): a copy of exactly the allowed bytes is made, one
   * byte less refuses it. L = 4, D = 4, n = 2: 4·4 + 4 + 2 = 22 doubles a prompt.
   */
  @Test
  void aCopyOfExactlyTheAllowedSizeIsMadeAndOneByteLessRefusesIt() {
    ProblemConfig c = ProblemConfig.of(2, new int[] {1, 1}, 2, 4, 0.0, 1.0);
    PromptSampler src = PromptSampler.of(c, 3L, 5, false);
    long bytes = 8L * 5 * 22;
    StoredPrompts s = StoredPrompts.copyOf(src, bytes);
    assertEquals(5, s.size());
    IllegalArgumentException e = assertThrowsExactly(IllegalArgumentException.class,
        () -> StoredPrompts.copyOf(src, bytes - 1));
    assertTrue(e.getMessage().startsWith("storing 5 prompts needs 0 MiB"), e.getMessage());
  }
}
