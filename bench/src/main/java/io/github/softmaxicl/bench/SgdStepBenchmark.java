package io.github.softmaxicl.bench;

import io.github.softmaxicl.numerics.full.AttentionWeights;
import io.github.softmaxicl.numerics.full.FullModel;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.LearningRate;
import io.github.softmaxicl.numerics.full.StochasticGradientDescent;
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
 * SGD at {@code paper} sizes on 2 worker threads with the authors' batch (B = 10,000, prompts generated in the
 * workers): {@value #STEPS} steps per call; the secondary figure {@code steps} is the time per step, from which
 * the authors' protocol (10⁶ steps) would take 10⁶ times as long.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class SgdStepBenchmark {
  /** Steps per call: the run's fixed costs (start, fresh-prompt losses) are shared by this many steps. */
  public static final int STEPS = 5;

  /** Prompts per step. */
  @Param({"10000"})
  public int batch = 10_000;

  private final ProblemConfig paper = Preset.PAPER.config();
  private final AttentionWeights start = AttentionWeights.paperInit(paper, 1).perturbed(1e-2, 5L);
  private final FullModel model = new FullModel(paper, 2);
  private StochasticGradientDescent.Options options = new StochasticGradientDescent.Options();
  private long seed = 4L;

  /** Steps taken, so JMH also reports the time per step. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Steps {
    /** Steps taken in this iteration. */
    public long steps;
  }

  /** The run's settings: constant η = 1e-3, every step recorded, 2 fresh prompts (the loss estimates are not timed). */
  @Setup(Level.Trial)
  public void setUp() {
    options = new StochasticGradientDescent.Options().batch(batch).steps(STEPS).rate(LearningRate.constant(1e-3))
        .recordEvery(1).freshPrompts(2);
  }

  /** Stops the model's workers. */
  @TearDown(Level.Trial)
  public void tearDown() {
    model.close();
  }

  /** {@value #STEPS} steps from the perturbed paper init, on a new seed each call (fresh batches). */
  @Benchmark
  public FullRun steps(Steps counter) {
    counter.steps += STEPS;
    return StochasticGradientDescent.run(model, start, seed++, options);
  }
}
