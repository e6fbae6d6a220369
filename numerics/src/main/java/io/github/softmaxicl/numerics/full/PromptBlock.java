package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A reusable buffer for up to {@link #capacity()} prompts: tokens z_1..z_L of each prompt (row-major L×D, one
 * token per row), the query covariates x_q (one prompt per row, D wide with a zero y-part) and the targets y_q
 * (one prompt per row, n wide). Owned by one worker thread at a time; not thread-safe.
 *
 * <p>A prompt's tokens are either this block's own buffer (written by a source that generates them) or a stored
 * prompt's array, referenced instead of copied ({@link StoredPrompts}; issue 16: the copy was ≈ 10 % of the
 * gradient kernel's time at {@code paper} sizes). Arrays the block does not own are read-only views: nothing
 * writes through {@link #tokens} or {@link #lanes}.
 *
 * <p>Small prompts may instead be held as one stored chunk in the prompt-lane layout ({@link #lanes}; see
 * {@link StoredPrompts}), which {@link PromptLanePasses} copies row by row without transposing; the row form is
 * then built only if a reader asks for it ({@link #rows()}).
 */
public final class PromptBlock {
  final int capacity;
  final int promptLength;
  final int tokenDim;
  final int tasks;
  /** owned[p]: this block's own token buffer for prompt p (row-major L×D), written by generating sources. */
  final double[][] owned;
  /**
   * tokens[p][l*D + k]: coordinate k of token l of prompt p (owned[p] or a stored prompt's array; read only). Valid
   * only while {@link #lanes} is null: read it through {@link #rows()}.
   */
  private final double[][] tokens;
  /**
   * lanes[(l*D + k) count + p]: coordinate k of token l of prompt p, when the block holds a stored chunk in the
   * prompt-lane layout (one array, rows of {@link #count} lanes one after another; read only); null when the
   * prompts are held as {@link #tokens}.
   */
  double @Nullable [] lanes;
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
    this.owned = new double[capacity][promptLength * tokenDim];
    this.tokens = owned.clone();
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
    double[] t = lanes;
    return t != null ? t[(l * tokenDim + k) * count + p] : tokens[p][l * tokenDim + k];
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
    this.lanes = null;
    this.count = count;
  }

  /**
   * Marks the first {@code count} prompts as the read-only row arrays {@code from[first .. first+count-1]} of a
   * store (references, not copies).
   */
  void holdRows(double[][] from, int first, int count) {
    System.arraycopy(from, first, tokens, 0, count);
    this.lanes = null;
    this.count = count;
  }

  /**
   * Marks the first {@code count} prompts as the read-only prompt-lane chunk of a store
   * ({@code chunk[(l*D + k) count + p]}; its length must be count·L·D, the rows' stride is count).
   */
  void holdLanes(double[] chunk, int count) {
    this.lanes = chunk;
    this.count = count;
  }

  /**
   * The prompts as row-major token arrays, {@code rows()[p][l*D + k]} for p &lt; {@link #count}: the held rows, or,
   * if the block holds prompt lanes, their transpose written into this block's own buffers (once; the block then
   * holds those).
   */
  double[][] rows() {
    double[] t = lanes;
    if (t != null) {
      for (int p = 0; p < count; p++) {
        laneToRow(t, count, p, owned[p]);
      }
      holdOwned(count);
    }
    return tokens;
  }

  /**
   * Prompt {@code lane}'s tokens out of a prompt-lane chunk of {@code lanes} prompts
   * ({@code chunk[(l*D + k) lanes + lane]}) into the row-major {@code out[l*D + k]}, for {@code out.length} entries.
   */
  static void laneToRow(double[] chunk, int lanes, int lane, double[] out) {
    for (int q = 0; q < out.length; q++) {
      out[q] = chunk[q * lanes + lane];
    }
  }

  private void check(int p) {
    if (p < 0 || p >= count) {
      throw new IndexOutOfBoundsException("prompt " + p + " outside 0.." + (count - 1));
    }
  }
}
