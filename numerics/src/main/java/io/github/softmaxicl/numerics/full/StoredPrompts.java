package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;

/**
 * A prompt source held in memory (N·(L+1)·D doubles), so that repeated evaluations on a fixed sample (the
 * deterministic full flow) do not regenerate it. Immutable after construction; safe for concurrent reads.
 *
 * <p>Two layouts, chosen by the layout {@link ChunkKernel#tokenLanes} picks for the problem, so that the kernel
 * reads the store with as little copying as possible. Large prompts (token lanes): one row-major array per prompt,
 * which {@link #fill} hands the block as references ({@link PromptBlock}). Small prompts (prompt lanes): each run
 * of {@value FullModel#CHUNK} prompts from a multiple of {@value FullModel#CHUNK} ({@link FullModel}'s chunks) as
 * one array of L·D rows of lanes, {@code chunk[(l D + k) m + p]}, which a fill of exactly that chunk hands the block
 * as a reference and {@link PromptLanePasses} copies row by row, one sequential read, instead of transposing every
 * prompt on every evaluation. Other ranges are gathered into the block's own buffers. Both layouts hold the same
 * values, so a result never depends on the layout.
 *
 * <p>Measured (issue 16; thread CPU per prompt, 1 thread, stored and previous kernel alternated in one JVM, load
 * 4.4–5.2): ladder size (blocks 2+2, H 2, L 30) 16,384 prompts 0.79 against 0.85 µs (−10 %), 65,536 prompts 0.76
 * against 0.83 (−8 %); the quick full flows' size (blocks 4+4, H 2, L 40) −3.5 to −5 %. Passes reading the stored
 * lanes in place instead (no copy at all; the chunk as separate row arrays) gained only 2–3 % at the ladder size
 * and lost 22 % at L 40: the garbage collector's copying scatters a chunk's row arrays, and the passes then read
 * them from memory out of order (4 % slower even with the young generation large enough that nothing was moved).
 *
 * <p>Measured and not adopted (issue 16, {@code paper} sizes): storing each prompt already in the token-lane
 * kernel's two layouts (token rows and their transpose, padded; 2.15 times the memory) so that the kernel copies
 * nothing made it slower, 26.7–27.3 against 20.0–20.3 µs per prompt of thread CPU time: the store does not fit in
 * any cache, and the passes then read 91 KB per prompt from memory as 153 short rows instead of 42 KB in one
 * sequential sweep.
 */
public final class StoredPrompts implements PromptSource {
  private static final int CHUNK = FullModel.CHUNK;
  private final ProblemConfig config;
  private final int size;
  /** Row layout: tokens[p][l D + k] (empty in the lane layout). */
  private final double[][] tokens;
  /**
   * Lane layout: laneChunks[p / CHUNK][(l D + k) m + p % CHUNK], m the chunk's number of prompts (empty in the row
   * layout). One array per chunk, so that a chunk stays one sequential block of memory (a chunk as separate row
   * arrays was measured slower, issue 16: the garbage collector's copying does not keep the rows in order).
   */
  private final double[][] laneChunks;
  private final double[] queries;
  private final double[] targets;

  private StoredPrompts(ProblemConfig config, int size, double[][] tokens, double[][] laneChunks,
      double[] queries, double[] targets) {
    this.config = config;
    this.size = size;
    this.tokens = tokens;
    this.laneChunks = laneChunks;
    this.queries = queries;
    this.targets = targets;
  }

  /**
   * Copies every prompt of {@code source} into memory, in the layout its problem's kernel reads best.
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
    return copyOf(source, maxBytes, !ChunkKernel.tokenLanes(source.config()));
  }

  /** {@link #copyOf(PromptSource, long)} with the layout given: a test seam, so both layouts run on any size. */
  static StoredPrompts copyOf(PromptSource source, long maxBytes, boolean promptLanes) {
    ProblemConfig c = source.config();
    int size = source.size();
    long bytes = 8L * size * ((long) c.promptLength() * c.tokenDim() + c.tokenDim() + c.tasks());
    if (bytes > maxBytes) {
      throw new IllegalArgumentException("storing " + size + " prompts needs " + (bytes >> 20)
          + " MiB, more than a third of the maximum heap (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB)");
    }
    int dd = c.tokenDim();
    int n = c.tasks();
    int rows = c.promptLength() * dd;
    int chunks = (size + CHUNK - 1) / CHUNK;
    double[][] tokens = new double[promptLanes ? 0 : size][];
    double[][] laneChunks = new double[promptLanes ? chunks : 0][];
    double[] queries = new double[size * dd];
    double[] targets = new double[size * n];
    PromptBlock block = new PromptBlock(c, CHUNK);
    for (int first = 0; first < size; first += CHUNK) {
      int count = Math.min(CHUNK, size - first);
      source.fill(first, count, block);
      double[][] from = block.rows();
      if (promptLanes) {
        double[] chunk = new double[rows * count];
        for (int r = 0; r < count; r++) {
          double[] src = from[r];
          for (int q = 0; q < rows; q++) {
            chunk[q * count + r] = src[q];
          }
        }
        laneChunks[first / CHUNK] = chunk;
      } else {
        for (int r = 0; r < count; r++) {
          tokens[first + r] = from[r].clone();
        }
      }
      System.arraycopy(block.queries, 0, queries, first * dd, count * dd);
      System.arraycopy(block.targets, 0, targets, first * n, count * n);
    }
    return new StoredPrompts(c, size, tokens, laneChunks, queries, targets);
  }

  @Override
  public ProblemConfig config() {
    return config;
  }

  @Override
  public int size() {
    return size;
  }

  /** Whether the prompts are stored in the prompt-lane layout (chunks of {@value FullModel#CHUNK}). */
  boolean promptLanes() {
    return laneChunks.length > 0;
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
    System.arraycopy(queries, first * dd, block.queries, 0, count * dd);
    System.arraycopy(targets, first * n, block.targets, 0, count * n);
    // References, not copies: the stored arrays are never written after construction, nor through the block.
    if (!promptLanes()) {
      block.holdRows(tokens, first, count);
    } else if (count > 0 && first % CHUNK == 0
        && (long) count * config.promptLength() * config.tokenDim() == laneChunks[first / CHUNK].length) {
      block.holdLanes(laneChunks[first / CHUNK], count);
    } else {
      gather(first, count, block);
    }
  }

  /** Prompts {@code first .. first+count-1} from the lane layout into the block's own row buffers. */
  private void gather(int first, int count, PromptBlock block) {
    int rows = config.promptLength() * config.tokenDim();
    for (int r = 0; r < count; r++) {
      int p = first + r;
      double[] chunk = laneChunks[p / CHUNK];
      PromptBlock.laneToRow(chunk, chunk.length / rows, p % CHUNK, block.owned[r]);
    }
    block.holdOwned(count);
  }
}
