package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;

/**
 * A reusable buffer for up to {@link #capacity()} prompts: tokens z_1..z_L of each prompt, the query covariates
 * x_q (one prompt per row, D wide with a zero y-part) and the targets y_q (one prompt per row, n wide). Owned by
 * one worker thread at a time; not thread-safe.
 *
 * <p>The tokens are held in one of two forms, whichever the source that filled the block has at hand, so that
 * neither the source nor the kernel copies them more than needed (issue 16: at {@code paper} sizes copying a
 * stored prompt into the block cost ≈ 10 % of the gradient kernel's time, and the kernel's own copies into its
 * two layouts another 15 %):
 * <ul>
 *   <li>flat ({@link #laidOut} false): {@code tokens[p]}, row-major L×D, one token per row; either this block's
 *       own buffer {@code owned[p]} (written by a generating source) or a stored prompt's array;
 *   <li>laid out ({@link #laidOut} true): {@code rows[p][l][k]} (token l as a row, at least D long) and its
 *       transpose {@code cols[p][k][l]} (at least L long), both zero-padded to whole vectors: the two layouts of
 *       {@link TokenLanePasses}, held by a {@link StoredPrompts} and read here in place.
 * </ul>
 * Arrays that the block does not own are read-only views: nothing writes through them.
 */
public final class PromptBlock {
  final int capacity;
  final int promptLength;
  final int tokenDim;
  final int tasks;
  /** owned[p]: this block's own token buffer of prompt p (row-major L×D), written by generating sources. */
  final double[][] owned;
  /** tokens[p][l*D + k]: coordinate k of token l of prompt p, when not {@link #laidOut}. */
  final double[][] tokens;
  /** rows[p][l][k] and cols[p][k][l]: the tokens of prompt p in both layouts, when {@link #laidOut}. */
  final double[][][] rows;
  final double[][][] cols;
  /** queries[p*D + k]: the query token of prompt p (y-part zero). */
  final double[] queries;
  /** targets[p*n + i]: y_{q,i} of prompt p. */
  final double[] targets;
  int count;
  /** Which form the tokens of the current prompts are in. */
  boolean laidOut;

  /** A buffer for {@code capacity} prompts of the given problem. */
  public PromptBlock(ProblemConfig config, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1 (got " + capacity + ")");
    }
    this.capacity = capacity;
    this.promptLength = config.promptLength();
    this.tokenDim = config.tokenDim();
    this.tasks = config.tasks();
    this.owned = new double[capacity][promptLength * tokenDim];
    this.tokens = owned.clone();
    this.rows = new double[capacity][][];
    this.cols = new double[capacity][][];
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
    return laidOut ? rows[p][l][k] : tokens[p][l * tokenDim + k];
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

  /**
   * Marks the first {@code count} prompts as written into this block's own buffers ({@link #owned}), by a source
   * that generates them.
   */
  void holdOwned(int count) {
    for (int p = 0; p < count; p++) {
      tokens[p] = owned[p];
    }
    this.laidOut = false;
    this.count = count;
  }

  private void check(int p) {
    if (p < 0 || p >= count) {
      throw new IndexOutOfBoundsException("prompt " + p + " outside 0.." + (count - 1));
    }
  }
}
