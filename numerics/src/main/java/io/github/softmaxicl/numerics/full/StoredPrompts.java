package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;

/**
 * A prompt source held in memory (N·(L+1)·D doubles), so that repeated evaluations on a fixed sample (the
 * deterministic full flow) do not regenerate it. Immutable after construction; safe for concurrent reads.
 *
 * <p>{@link #fill} hands the block references to the stored token arrays instead of copies ({@link PromptBlock}).
 * Measured and not adopted (issue 16, {@code paper} sizes): storing each prompt already in the kernel's two
 * layouts (token rows and their transpose, padded; 2.15 times the memory) so that the kernel copies nothing made
 * it slower, 26.7–27.3 against 20.0–20.3 µs per prompt of thread CPU time: the store does not fit in any cache,
 * and the passes then read 91 KB per prompt from memory as 153 short rows instead of 42 KB in one sequential
 * sweep.
 */
public final class StoredPrompts implements PromptSource {
  private final ProblemConfig config;
  private final int size;
  private final double[][] tokens;
  private final double[] queries;
  private final double[] targets;

  private StoredPrompts(ProblemConfig config, int size, double[][] tokens, double[] queries, double[] targets) {
    this.config = config;
    this.size = size;
    this.tokens = tokens;
    this.queries = queries;
    this.targets = targets;
  }

  /**
   * Copies every prompt of {@code source} into memory.
   *
   * @throws IllegalArgumentException if the copy would need more than a third of the JVM's maximum heap
   */
  public static StoredPrompts copyOf(PromptSource source) {
    return copyOf(source, Runtime.getRuntime().maxMemory() / 3);
  }

  /**
   * {@link #copyOf(PromptSource)} with the limit in bytes given: a test seam, so that the limit's edge can be
   * tested without storing a third of the heap.
   */
  static StoredPrompts copyOf(PromptSource source, long maxBytes) {
    ProblemConfig c = source.config();
    int size = source.size();
    long bytes = 8L * size * ((long) c.promptLength() * c.tokenDim() + c.tokenDim() + c.tasks());
    if (bytes > maxBytes) {
      throw new IllegalArgumentException("storing " + size + " prompts needs " + (bytes >> 20)
          + " MiB, more than a third of the maximum heap (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
    }
    int dd = c.tokenDim();
    int n = c.tasks();
    double[][] tokens = new double[size][];
    double[] queries = new double[size * dd];
    double[] targets = new double[size * n];
    int chunk = 64;
    PromptBlock block = new PromptBlock(c, chunk);
    for (int first = 0; first < size; first += chunk) {
      int count = Math.min(chunk, size - first);
      source.fill(first, count, block);
      for (int r = 0; r < count; r++) {
        tokens[first + r] = block.tokens[r].clone();
      }
      System.arraycopy(block.queries, 0, queries, first * dd, count * dd);
      System.arraycopy(block.targets, 0, targets, first * n, count * n);
    }
    return new StoredPrompts(c, size, tokens, queries, targets);
  }

  @Override
  public ProblemConfig config() {
    return config;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public void fill(int first, int count, PromptBlock block) {
    if (first < 0 || count < 0 || (long) first + count > size) {
      throw new IndexOutOfBoundsException("prompts " + first + ".." + ((long) first + count - 1) + " outside 0.." + (size - 1));
    }
    if (count > block.capacity) {
      throw new IndexOutOfBoundsException(count + " prompts exceed the block capacity " + block.capacity);
    }
    int dd = config.tokenDim();
    int n = config.tasks();
    // References, not copies: the stored arrays are never written after construction, nor through the block.
    System.arraycopy(tokens, first, block.tokens, 0, count);
    System.arraycopy(queries, first * dd, block.queries, 0, count * dd);
    System.arraycopy(targets, first * n, block.targets, 0, count * n);
    block.count = count;
  }
}
