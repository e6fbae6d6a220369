package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;

/**
 * A prompt source held in memory, so that repeated evaluations on a fixed sample (the deterministic full flow) do
 * not regenerate it. Immutable after construction; safe for concurrent reads.
 *
 * <p>The tokens are stored in the layout that {@link FullModel}'s kernel reads, and {@link #fill} hands the block
 * references to them instead of copies ({@link PromptBlock}): for problems that {@link ChunkKernel#tokenLanes} runs
 * with token lanes, each prompt as its token rows and their transpose, zero-padded to whole vectors
 * ({@link TokenLanePasses#padded}); otherwise as one row-major L×D array. Issue 16, {@code paper} sizes: the copy
 * into the block and the kernel's two copies were ≈ 25 % of the kernel's time; the two layouts take 2.15 times the
 * memory of one row-major copy (91 KB instead of 42 KB per prompt: 93 MB instead of 43 MB for 1,024 prompts).
 */
public final class StoredPrompts implements PromptSource {
  private final ProblemConfig config;
  private final int size;
  /** Per prompt, when not laid out: the row-major L×D tokens. */
  private final double[][] tokens;
  /** Per prompt, when laid out: rows[p][l][k] and cols[p][k][l], padded. */
  private final double[][][] rows;
  private final double[][][] cols;
  private final boolean laidOut;
  private final double[] queries;
  private final double[] targets;

  private StoredPrompts(ProblemConfig config, int size, boolean laidOut) {
    this.config = config;
    this.size = size;
    this.laidOut = laidOut;
    int ll = config.promptLength();
    int dd = config.tokenDim();
    this.tokens = laidOut ? new double[0][] : new double[size][ll * dd];
    this.rows = laidOut ? new double[size][ll][TokenLanePasses.padded(dd)] : new double[0][][];
    this.cols = laidOut ? new double[size][dd][TokenLanePasses.padded(ll)] : new double[0][][];
    this.queries = new double[size * dd];
    this.targets = new double[size * config.tasks()];
  }

  /**
   * Copies every prompt of {@code source} into memory.
   *
   * @throws IllegalArgumentException if the copy would need more than a third of the JVM's maximum heap
   */
  public static StoredPrompts copyOf(PromptSource source) {
    ProblemConfig c = source.config();
    int size = source.size();
    boolean laidOut = ChunkKernel.tokenLanes(c);
    int ll = c.promptLength();
    int dd = c.tokenDim();
    int n = c.tasks();
    // Array headers (16 bytes) count too: the laid-out form has L + D row arrays per prompt.
    long perPrompt = laidOut
        ? 8L * ((long) ll * TokenLanePasses.padded(dd) + (long) dd * TokenLanePasses.padded(ll)) + 16L * (ll + dd + 2)
        : 8L * ll * dd + 16;
    long bytes = size * (perPrompt + 8L * (dd + n));
    if (bytes > Runtime.getRuntime().maxMemory() / 3) {
      throw new IllegalArgumentException("storing " + size + " prompts needs " + (bytes >> 20)
          + " MiB, more than a third of the maximum heap (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
    }
    StoredPrompts s = new StoredPrompts(c, size, laidOut);
    int chunk = 64;
    PromptBlock block = new PromptBlock(c, chunk);
    for (int first = 0; first < size; first += chunk) {
      int count = Math.min(chunk, size - first);
      source.fill(first, count, block);
      for (int r = 0; r < count; r++) {
        s.store(first + r, block, r);
      }
      System.arraycopy(block.queries, 0, s.queries, first * dd, count * dd);
      System.arraycopy(block.targets, 0, s.targets, first * n, count * n);
    }
    return s;
  }

  /** Prompt {@code r} of {@code block} (in either form) as stored prompt {@code p}. */
  private void store(int p, PromptBlock block, int r) {
    int ll = config.promptLength();
    int dd = config.tokenDim();
    for (int l = 0; l < ll; l++) {
      for (int k = 0; k < dd; k++) {
        double v = block.token(r, l, k);
        if (laidOut) {
          rows[p][l][k] = v;
          cols[p][k][l] = v;
        } else {
          tokens[p][l * dd + k] = v;
        }
      }
    }
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
    for (int r = 0; r < count; r++) {
      if (laidOut) {
        block.rows[r] = rows[first + r];
        block.cols[r] = cols[first + r];
      } else {
        block.tokens[r] = tokens[first + r];
      }
    }
    System.arraycopy(queries, first * dd, block.queries, 0, count * dd);
    System.arraycopy(targets, first * n, block.targets, 0, count * n);
    block.laidOut = laidOut;
    block.count = count;
  }
}
