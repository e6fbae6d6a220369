package io.github.softmaxicl.bench;

import io.github.softmaxicl.numerics.full.PromptBlock;
import io.github.softmaxicl.numerics.full.PromptSampler;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Generating {@code paper} prompts (the seeded Gaussian draws SGD makes in its workers), {@value #BLOCK} per
 * call, each from its own index of the stream; the secondary figure {@code prompts} is the time per prompt, to
 * set beside {@link GradientKernelBenchmark}'s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PromptGenerationBenchmark {
  /** Prompts per call. */
  public static final int BLOCK = 64;

  private final ProblemConfig paper = Preset.PAPER.config();
  private final PromptSampler sampler = PromptSampler.of(paper, 2L, 1 << 20, false);
  private final PromptBlock block = new PromptBlock(paper, BLOCK);
  private int next;

  /** Prompts generated, so JMH also reports the time per prompt. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Prompts {
    /** Prompts generated in this iteration. */
    public long prompts;
  }

  /** Fills the block with the next {@value #BLOCK} prompts of the stream (wrapping at its end). */
  @Benchmark
  public PromptBlock fill(Prompts counter) {
    if (next + BLOCK > sampler.size()) {
      next = 0;
    }
    sampler.fill(next, BLOCK, block);
    next += BLOCK;
    counter.prompts += BLOCK;
    return block;
  }
}
