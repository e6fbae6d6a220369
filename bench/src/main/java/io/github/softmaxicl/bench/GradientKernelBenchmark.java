package io.github.softmaxicl.bench;

import io.github.softmaxicl.numerics.full.AttentionWeights;
import io.github.softmaxicl.numerics.full.FullModel;
import io.github.softmaxicl.numerics.full.LossAndGradient;
import io.github.softmaxicl.numerics.full.PromptSampler;
import io.github.softmaxicl.numerics.full.StoredPrompts;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full model's loss and gradient (forward and backward) over 1,024 stored prompts, at {@code paper} sizes
 * (d = 50, n = 3, H = 3, L = 100) or a {@code small} ladder-like size (blocks 2 + 2, H = 2, L = 30), on 1 or 2
 * worker threads, at the paper init perturbed by 1e-2 (so no symmetry makes terms vanish). The secondary figure
 * {@code prompts} is the time per prompt; {@link KernelFlops#perPrompt} turns it into GFLOP/s (scripts/benchmark.sh
 * prints it beside {@link OpenBlasMultiplyBenchmark}, the machine's DGEMM, measured in the same run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GradientKernelBenchmark {
  /** Prompts per call: enough for every worker to get many chunks of {@link FullModel#CHUNK}. */
  public static final int PROMPTS = 1024;

  /** Worker threads of the model. */
  @Param({"1", "2"})
  public int threads = 1;

  /** Problem size: {@code paper} or {@code small}, see {@link #config(String)}. */
  @Param({"paper", "small"})
  public String size = "paper";

  private ProblemConfig config = Preset.PAPER.config();
  private AttentionWeights weights = AttentionWeights.paperInit(config, 1);
  private StoredPrompts prompts = StoredPrompts.copyOf(PromptSampler.of(config, 1L, 1, false));
  private FullModel model = new FullModel(config, 1);

  /** The configuration of a {@link #size} parameter. */
  public static ProblemConfig config(String size) {
    switch (size) {
      case "paper":
        return Preset.PAPER.config();
      case "small":
        return ProblemConfig.of(4, new int[] {2, 2}, 2, 30, 0.1, 1.0);
      default:
        throw new IllegalArgumentException("unknown size " + size);
    }
  }

  /** Prompts processed, so JMH also reports the time per prompt. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Prompts {
    /** Prompts processed in this iteration. */
    public long prompts;
  }

  /** Builds the prompts, weights and model of the requested size and threads. */
  @Setup(Level.Trial)
  public void setUp() {
    model.close();
    config = config(size);
    weights = AttentionWeights.paperInit(config, 1).perturbed(1e-2, 5L);
    prompts = StoredPrompts.copyOf(PromptSampler.of(config, 1L, PROMPTS, false));
    model = new FullModel(config, threads);
  }

  /** Stops the model's workers. */
  @TearDown(Level.Trial)
  public void tearDown() {
    model.close();
  }

  /** One loss-and-gradient call over {@link #PROMPTS} prompts. */
  @Benchmark
  public LossAndGradient lossAndGradient(Prompts counter) {
    counter.prompts += PROMPTS;
    return model.lossAndGradient(weights, prompts);
  }
}
