package io.github.softmaxicl.theory;

import java.util.Arrays;
import org.checkerframework.checker.index.qual.Positive;

/**
 * The in-context multi-task linear regression problem and the model size (MODEL.md §1–2): covariate dimension
 * {@code d}, task blocks {@code S_1..S_n} (disjoint, contiguous, sizes {@code d_1..d_n} summing to {@code d}),
 * number of heads {@code H}, prompt length {@code L}, response noise {@code sigma} and task-coefficient variance
 * {@code s2}.
 *
 * <p>Immutable and always valid: every constructor path checks every field and throws {@link ConfigException}
 * naming the field and its allowed range. The limits on sizes are chosen so that every array the package
 * allocates for the full model is indexable by an {@code int}; whether it also fits the running JVM's heap is
 * checked where the memory is allocated (see {@link #fullModelBytes()}).
 *
 * <p>Reconstruction: this is the set-up of the authors' public simulation code as recorded in MODEL.md, not a
 * quotation of the paper.
 */
public final class ProblemConfig {
  /** Largest covariate dimension accepted. */
  public static final int MAX_D = 100_000;
  /** Largest number of heads accepted. */
  public static final int MAX_HEADS = 10_000;
  /** Largest prompt length accepted. */
  public static final int MAX_L = 100_000_000;
  /** Largest number of full-model weights accepted (each weight matrix must be {@code int}-indexable). */
  public static final long MAX_WEIGHTS = Integer.MAX_VALUE - 8L;

  private final @Positive int d;
  private final int @org.checkerframework.common.value.qual.MinLen(1) [] blocks;
  private final @Positive int heads;
  private final @Positive int promptLength;
  private final double sigma;
  private final double s2;

  private ProblemConfig(@Positive int d, int @org.checkerframework.common.value.qual.MinLen(1) [] blocks,
      @Positive int heads, @Positive int promptLength, double sigma, double s2) {
    this.d = d;
    this.blocks = blocks;
    this.heads = heads;
    this.promptLength = promptLength;
    this.sigma = sigma;
    this.s2 = s2;
  }

  /**
   * A configuration with explicit block sizes.
   *
   * @param d covariate dimension, 1..{@value #MAX_D}
   * @param blocks task block sizes, each ≥ 1, summing to {@code d}
   * @param heads number of heads H, 1..{@value #MAX_HEADS}
   * @param promptLength prompt length L, 1..{@value #MAX_L}
   * @param sigma response noise standard deviation, finite and ≥ 0
   * @param s2 variance of the task coefficients, finite and &gt; 0
   * @throws ConfigException naming the first field out of range
   */
  public static ProblemConfig of(int d, int[] blocks, int heads, int promptLength, double sigma, double s2) {
    if (d < 1 || d > MAX_D) {
      throw rangeError("d", d, 1, MAX_D);
    }
    if (blocks.length < 1) {
      throw new ConfigException("blocks", "must list at least one task block (got none)");
    }
    if (blocks.length > d) {
      throw new ConfigException("blocks", "at most d = " + d + " blocks allowed (got " + blocks.length + ")");
    }
    long sum = 0;
    for (int i = 0; i < blocks.length; i++) {
      if (blocks[i] < 1) {
        throw new ConfigException("blocks", "every block size must be >= 1 (block " + i + " is " + blocks[i] + ")");
      }
      sum += blocks[i];
    }
    if (sum != d) {
      throw new ConfigException("blocks", "block sizes must sum to d = " + d + " (they sum to " + sum + ")");
    }
    if (heads < 1 || heads > MAX_HEADS) {
      throw rangeError("H", heads, 1, MAX_HEADS);
    }
    if (promptLength < 1 || promptLength > MAX_L) {
      throw rangeError("L", promptLength, 1, MAX_L);
    }
    checkFinite("sigma", sigma, 0.0, false);
    checkFinite("s2", s2, 0.0, true);
    int @org.checkerframework.common.value.qual.MinLen(1) [] copy = blocks.clone();
    long dd = (long) d + copy.length;
    long weights = (long) heads * (3L * dd * dd + copy.length * dd);
    if (weights > MAX_WEIGHTS) {
      throw new ConfigException("H", "H*(3*D^2 + n*D) full-model weights must be at most " + MAX_WEIGHTS
          + " (D = d + n = " + dd + ", H = " + heads + " gives " + weights + ")");
    }
    return new ProblemConfig(d, copy, heads, promptLength, sigma, s2);
  }

  /**
   * A configuration with the default split of MODEL.md §1: {@code S_i = [floor(i d/n), floor((i+1) d/n))}.
   *
   * @param n number of tasks, 1..d
   */
  public static ProblemConfig withDefaultBlocks(int d, int n, int heads, int promptLength, double sigma, double s2) {
    checkRange("d", d, 1, MAX_D);
    return of(d, defaultBlocks(d, n), heads, promptLength, sigma, s2);
  }

  /** The default block sizes of MODEL.md §1 ({@code d = 50, n = 3} gives 16, 17, 17). */
  public static int[] defaultBlocks(int d, int n) {
    if (n < 1 || n > Math.max(1, d)) {
      throw rangeError("n", n, 1, Math.max(1, d));
    }
    int[] sizes = new int[n];
    for (int i = 0; i < sizes.length; i++) {
      long lo = (long) i * d / n;
      long hi = (long) (i + 1) * d / n;
      sizes[i] = (int) (hi - lo);
    }
    return sizes;
  }

  private static void checkRange(String field, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      throw rangeError(field, value, lo, hi);
    }
  }

  private static ConfigException rangeError(String field, int value, int lo, int hi) {
    return new ConfigException(field, "must be an integer in [" + lo + ", " + hi + "] (got " + value + ")");
  }

  private static void checkFinite(String field, double value, double lo, boolean strict) {
    if (!Double.isFinite(value) || value < lo || (strict && value == lo)) {
      throw new ConfigException(field, "must be a finite number " + (strict ? "> " : ">= ") + lo + " (got " + value + ")");
    }
  }

  /** Covariate dimension d. */
  public @Positive int d() {
    return d;
  }

  /** Number of tasks n (the number of blocks). */
  public @Positive int tasks() {
    return blocks.length;
  }

  /** Token dimension D = d + n. */
  public @Positive int tokenDim() {
    return d + blocks.length;
  }

  /** Number of heads H. */
  public @Positive int heads() {
    return heads;
  }

  /** Prompt length L. */
  public @Positive int promptLength() {
    return promptLength;
  }

  /** Response noise standard deviation σ. */
  public double sigma() {
    return sigma;
  }

  /** Variance s² of the task coefficients. */
  public double s2() {
    return s2;
  }

  /** Size d_i of task block i (0-based). */
  public @Positive int blockSize(int task) {
    if (task < 0 || task >= blocks.length) {
      throw noSuchTask(task);
    }
    @SuppressWarnings("index:assignment") // validated in of(): every block size is >= 1
    @Positive int size = blocks[task];
    return size;
  }

  /** First coordinate of task block i (0-based): the blocks are contiguous and in order. */
  public int blockStart(int task) {
    if (task < 0 || task >= blocks.length) {
      throw noSuchTask(task);
    }
    int start = 0;
    for (int i = 0; i < task; i++) {
      start += blocks[i];
    }
    return start;
  }

  /** A copy of the block sizes d_1..d_n. */
  public int[] blockSizes() {
    return blocks.clone();
  }

  /** c_i = s² d_i + σ² (MODEL.md §4). */
  public double signalPlusNoise(int task) {
    return s2 * blockSize(task) + sigma * sigma;
  }

  private IndexOutOfBoundsException noSuchTask(int task) {
    return new IndexOutOfBoundsException("task " + task + " outside 0.." + (blocks.length - 1));
  }

  /** Number of weights of the full model: H (3 D² + n D) for Q, K, V ∈ R^{D×D} and O ∈ R^{n×D}. */
  public long fullModelWeights() {
    long dd = tokenDim();
    return (long) heads * (3L * dd * dd + blocks.length * dd);
  }

  /** A lower bound on the bytes the full model needs: weights, their gradient and one prompt's tokens. */
  public long fullModelBytes() {
    return 8L * (2L * fullModelWeights() + (long) tokenDim() * (promptLength + 1L));
  }

  /** The same problem with another prompt length. */
  public ProblemConfig withPromptLength(int newL) {
    return of(d, blocks, heads, newL, sigma, s2);
  }

  /** The same problem with another number of heads. */
  public ProblemConfig withHeads(int newH) {
    return of(d, blocks, newH, promptLength, sigma, s2);
  }

  @Override
  public boolean equals(@org.checkerframework.checker.nullness.qual.Nullable Object o) {
    if (!(o instanceof ProblemConfig)) {
      return false;
    }
    ProblemConfig c = (ProblemConfig) o;
    return d == c.d && heads == c.heads && promptLength == c.promptLength
        && Double.compare(sigma, c.sigma) == 0 && Double.compare(s2, c.s2) == 0 && Arrays.equals(blocks, c.blocks);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {d, heads, promptLength, sigma, s2}) * 31 + Arrays.hashCode(blocks);
  }

  @Override
  public String toString() {
    return "d=" + d + " blocks=" + Arrays.toString(blocks) + " H=" + heads + " L=" + promptLength
        + " sigma=" + sigma + " s2=" + s2;
  }
}
