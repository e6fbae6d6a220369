package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;

/**
 * A finite, indexed sequence of prompts. Prompt {@code p} is the same whatever range it is fetched in and
 * whichever thread fetches it, so that sums over a source are reproducible. Implementations must allow
 * concurrent {@link #fill} calls on distinct blocks.
 */
public interface PromptSource {
  /** The problem the prompts belong to. */
  ProblemConfig config();

  /** Number of prompts. */
  int size();

  /**
   * Writes prompts {@code first .. first+count-1} into {@code block} (rows 0..count-1) and sets its count.
   *
   * @throws IndexOutOfBoundsException if the range is outside 0..size-1 or count exceeds the block's capacity
   */
  void fill(int first, int count, PromptBlock block);
}
