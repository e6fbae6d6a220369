package io.github.softmaxicl.bench;

import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
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
 * The reduced flow of one preset, from the paper init to the preset's default t_end: time per run (warm JVM) and
 * per field evaluation of the integrator (so also the evaluations per run).
 *
 * <p>{@code options} selects what is integrated: {@code defaults} is what the reproduction runs
 * ({@link ReducedFlowOptions#defaults()}: DP853, then the linearly implicit tail, allocation-free field);
 * {@code theory-field} evaluates the theory module's reference field instead; {@code same-integrator} keeps DP853
 * to the end, the stability-limited baseline the tail is measured against. The baseline is not run by default
 * (3.3·10⁶ evaluations on {@code extra-head}): ask for it with {@code -p options=same-integrator}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReducedFlowBenchmark {
  /** Preset id (see {@link Preset#byId}). */
  @Param({"paper", "small", "extra-head", "small-noisy"})
  public String preset = "paper";

  /** What is integrated (see the class comment). */
  @Param({"defaults", "theory-field"})
  public String options = "defaults";

  private ProblemConfig config = Preset.PAPER.config();
  private SpectralState init = Preset.PAPER.initialState();
  private double tEnd = Preset.PAPER.defaultTEnd();
  private ReducedFlowOptions flowOptions = ReducedFlowOptions.defaults();

  /**
   * Field evaluations, counted like operations: JMH reports them as the time per evaluation, and the time per
   * run divided by it is the evaluations per run ({@link Figures} prints both; the count is the same every run,
   * the flow being deterministic).
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Evaluations {
    /** Evaluations made in this iteration. */
    public long evaluations;
  }

  /** Resolves the parameters once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    Preset p = Preset.byId(preset);
    config = p.config();
    init = p.initialState();
    tEnd = p.defaultTEnd();
    flowOptions = optionsNamed(options);
  }

  static ReducedFlowOptions optionsNamed(String name) {
    ReducedFlowOptions defaults = ReducedFlowOptions.defaults();
    switch (name) {
      case "defaults":
        return defaults;
      case "theory-field":
        return defaults.withFastField(false);
      case "same-integrator":
        return defaults.withTail(ReducedFlowOptions.Tail.SAME_INTEGRATOR);
      default:
        throw new IllegalArgumentException("unknown options '" + name + "'");
    }
  }

  /** One run to t_end. */
  @Benchmark
  public ReducedRun run(Evaluations counter) {
    ReducedRun run = ReducedFlowRunner.run(config, init, tEnd, flowOptions);
    counter.evaluations += run.evaluations();
    return run;
  }
}
