package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;

/**
 * A reusable buffer for up to {@link #capacity()} prompts: tokens z_1..z_L of each prompt (row-major L×D, one
 * token per row), the query covariates x_q (one prompt per row, D wide with a zero y-part) and the targets y_q
 * (one prompt per row, n wide). Owned by one worker thread at a time; not thread-safe.
 */
public final class PromptBlock {
  final int capacity;
  final int promptLength;
  final int tokenDim;
  final int tasks;
  /** tokens[p][l*D + k]: coordinate k of token l of prompt p. */
  final double[][] tokens;
  /** queries[p*D + k]: the query token of prompt p (y-part zero). */
  final double[] queries;
  /** targets[p*n + i]: y_{q,i} of prompt p. */
  final double[] targets;
  int count;

  /** A buffer for {@code capacity} prompts of the given problem. */
  public PromptBlock(ProblemConfig config, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1 (got " + capacity + ")");
    }
    this.capacity = capacity;
    this.promptLength = config.promptLength();
    this.tokenDim = config.tokenDim();
    this.tasks = config.tasks();
    this.tokens = new double[capacity][promptLength * tokenDim];
    this.queries = new double[capacity * tokenDim];
    this.targets = new double[capacity * tasks];
  }

  /** Number of prompts the buffer can hold. */
  public int capacity() {
    return capacity;
  }

  /** Number of prompts currently held. */
  public int count() {
    return count;
  }

  /** Coordinate {@code k} of token {@code l} of prompt {@code p}. */
  public double token(int p, int l, int k) {
    check(p);
    return tokens[p][l * tokenDim + k];
  }

  /** Coordinate {@code k} of the query token of prompt {@code p} (zero for k ≥ d). */
  public double query(int p, int k) {
    check(p);
    return queries[p * tokenDim + k];
  }

  /** Target y_{q,i} of prompt {@code p}. */
  public double target(int p, int i) {
    check(p);
    return targets[p * tasks + i];
  }

  private void check(int p) {
    if (p < 0 || p >= count) {
      throw new IndexOutOfBoundsException("prompt " + p + " outside 0.." + (count - 1));
    }
  }
}
