package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.bench.GradientKernelBenchmark;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One chunk of {@value FullModel#CHUNK} prompts through {@link ChunkKernel} (loss and gradient partials), with
 * the per-prompt passes in either layout: {@code prompt} ({@link PromptLanePasses}, the kernel before issue 16)
 * or {@code token} ({@link TokenLanePasses}), so the two are compared in the same run; both give the same bits.
 * The chunk comes from a {@link StoredPrompts} (small prompts as its chunk of lanes). Unlike
 * {@link GradientKernelBenchmark} it leaves out the once-per-call products of {@link FullModel} and the reading of a
 * sample from memory, so it times the kernel alone; its secondary figure {@code prompts} is the time per prompt.
 * It lives in the numerics' package (bench module, class path) because the kernel is package-private there.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChunkLayoutBenchmark {
  /** Layout of the per-prompt passes: {@code prompt} or {@code token}. */
  @Param({"prompt", "token"})
  public String layout = "token";

  /** Problem size, as in {@link GradientKernelBenchmark#config(String)}. */
  @Param({"paper", "small"})
  public String size = "paper";

  private ChunkKernel kernel = new ChunkKernel(GradientKernelBenchmark.config("small"), 1);
  private PromptBlock block = new PromptBlock(GradientKernelBenchmark.config("small"), 1);
  private double[][] m = new double[0][];
  private double[][] w = new double[0][];
  private double[][] gPart = new double[0][];
  private double[][] sPart = new double[0][];

  /** Prompts processed, so JMH also reports the time per prompt. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Prompts {
    /** Prompts processed in this iteration. */
    public long prompts;
  }

  /** One full chunk of sampled prompts and fixed random M and W. */
  @Setup(Level.Trial)
  public void setUp() {
    ProblemConfig c = GradientKernelBenchmark.config(size);
    int dd = c.tokenDim();
    int n = c.tasks();
    kernel = new ChunkKernel(c, FullModel.CHUNK, layout.equals("token"));
    block = new PromptBlock(c, FullModel.CHUNK);
    // From a store, as FullModel's flows read it: small prompts arrive as the store's chunk of lanes, which the
    // prompt layout copies row by row on every call (the token layout turns them into rows once, on its first call).
    StoredPrompts.copyOf(PromptSampler.of(c, 1L, FullModel.CHUNK, false)).fill(0, FullModel.CHUNK, block);
    Random rng = new Random(3L);
    m = new double[c.heads()][dd * dd];
    w = new double[c.heads()][n * dd];
    gPart = new double[c.heads()][dd * dd];
    sPart = new double[c.heads()][n * dd];
    for (int h = 0; h < c.heads(); h++) {
      for (int i = 0; i < m[h].length; i++) {
        m[h][i] = 0.1 * rng.nextGaussian();
      }
      for (int i = 0; i < w[h].length; i++) {
        w[h][i] = 0.1 * rng.nextGaussian();
      }
    }
  }

  /** Loss and gradient partials of one chunk. */
  @Benchmark
  public double chunk(Prompts counter) {
    counter.prompts += FullModel.CHUNK;
    return kernel.chunk(block, m, w, gPart, sPart, 1.0, null, 0) + gPart[0][0];
  }
}
