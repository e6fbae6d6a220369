package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrowsExactly;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How {@link FullModel} splits prompts into chunks of {@value FullModel#CHUNK} and waves of {@value FullModel#WAVE}
 * chunks, and what its threads do with failures: a count one short of a chunk, one thread and two threads, a
 * second wave (with the control variate's moments), the evaluation counter, a worker's exception and an
 * interrupted caller.
 */
class FullModelWavesTest {
  private static final ProblemConfig C = ProblemConfig.of(2, new int[] {1, 1}, 1, 3, 0.2, 1.0);

  /**
   * CHUNK − 1 prompts (a partial chunk) on one and two threads against the naive loss. Budget: per-prompt round-off
   * of a few ulps of O(1) terms, averaged: 1e-13 relative. Sizes here follow CHUNK and WAVE (they were written for
   * chunks of 32, and chunks of 64 left the "second wave" test with a single wave).
   */
  @Test
  void partialChunkOnOneAndTwoThreads() {
    AttentionWeights w = Fixtures.randomWeights(C, 0.7, 2L);
    PromptSource src = PromptSampler.of(C, 6L, FullModel.CHUNK - 1, false);
    double naive = Fixtures.naiveLoss(w, src);
    for (int threads : new int[] {1, 2}) {
      try (FullModel m = new FullModel(C, threads)) {
        assertEquals(threads, m.threads());
        assertEquals(naive, m.loss(w, src), 1e-13 * naive, threads + " threads");
        m.promptLosses(w, PromptSampler.of(C, 6L, 5, false));
        assertEquals(FullModel.CHUNK - 1 + 5, m.promptEvaluations(), "CHUNK - 1 + 5 prompts evaluated");
      }
    }
  }

  /**
   * One full wave (CHUNK·WAVE prompts) and 8 more are WAVE + 1 chunks, so two waves. The control-variate loss is a
   * mean over prompts of per-prompt terms plus a constant (ControlVariate: the sample part is linear in the mean
   * moments), so over all prompts it is the size-weighted mean of its values over the first wave and the last 8.
   * Budget: sums of ≈ 10³ O(1) terms in different groupings, 1e-13 relative.
   */
  @Test
  void secondWaveAddsItsChunksAndMoments() {
    int wave = FullModel.CHUNK * FullModel.WAVE;
    int size = wave + 8;
    AttentionWeights w = Fixtures.randomWeights(C, 0.7, 3L);
    PromptSource all = StoredPrompts.copyOf(PromptSampler.of(C, 7L, size, false));
    try (FullModel m = new FullModel(C, 2)) {
      double whole = m.loss(w, all, true);
      double first = m.loss(w, Fixtures.range(all, 0, wave), true);
      double rest = m.loss(w, Fixtures.range(all, wave, 8), true);
      double expected = ((double) wave * first + 8 * rest) / size;
      assertEquals(expected, whole, 1e-13 * Math.abs(expected));
      double plain = m.loss(w, all, false);
      assertEquals(Fixtures.naiveLoss(w, all), plain, 1e-13 * plain);
    }
  }

  /** A worker's runtime exception reaches the caller as itself, not wrapped. */
  @Test
  void workerExceptionsReachTheCaller() {
    AttentionWeights w = Fixtures.randomWeights(C, 0.7, 3L);
    UnsupportedOperationException boom = new UnsupportedOperationException("boom");
    PromptSource failing = twoChunksFilledBy(() -> {
      throw boom;
    });
    try (FullModel m = new FullModel(C, 2)) {
      assertSame(boom, assertThrowsExactly(UnsupportedOperationException.class, () -> m.loss(w, failing)));
    }
  }

  /**
   * A caller interrupted while the workers run gets an IllegalStateException and keeps its interrupt status (the
   * workers block on a latch, so the wait is certainly interrupted; released afterwards).
   */
  @Test
  void interruptedCallerKeepsItsStatus() {
    AttentionWeights w = Fixtures.randomWeights(C, 0.7, 3L);
    CountDownLatch release = new CountDownLatch(1);
    PromptSource blocking = twoChunksFilledBy(() -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("released");
    });
    try (FullModel m = new FullModel(C, 2)) {
      Thread.currentThread().interrupt();
      IllegalStateException e = assertThrowsExactly(IllegalStateException.class, () -> m.loss(w, blocking));
      assertEquals("interrupted", e.getMessage());
      assertTrue(Thread.interrupted(), "the interrupt status is restored");
    } finally {
      Thread.interrupted();
      release.countDown();
    }
  }

  /**
   * A source of two chunks (so both workers take one) whose every fill runs {@code fill} instead of writing prompts:
   * the failing and the blocking source of the two tests above.
   */
  private static PromptSource twoChunksFilledBy(Runnable fill) {
    return new PromptSource() {
      @Override
      public ProblemConfig config() {
        return C;
      }

      @Override
      public int size() {
        return FullModel.CHUNK + 8;
      }

      @Override
      public void fill(int first, int count, PromptBlock block) {
        fill.run();
      }
    };
  }
}
