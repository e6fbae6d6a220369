package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import java.util.concurrent.TimeUnit;
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
 * One checked evaluation of the reduced field at a preset's paper init, as the integrator makes it
 * ({@link ReducedFlowOde#derivative}: loss, gradient and the log-coordinate map, plus the soundness checks).
 *
 * <p>{@code field} selects the evaluator: {@code fast} is the allocation-free copy the runner uses by default,
 * {@code theory} the theory module's reference. This class lives in the numerics' package (in the bench
 * module, on the class path) because the fast field is package-private there on purpose: it is an
 * implementation detail of the runner, and widening it for a benchmark would make it API.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ReducedFieldBenchmark {
  /** Preset id (see {@link Preset#byId}). */
  @Param({"paper", "small", "extra-head"})
  public String preset = "paper";

  /** Which evaluator: {@code fast} or {@code theory}. */
  @Param({"fast", "theory"})
  public String field = "fast";

  private ReducedFlowOde ode = odeFor(Preset.PAPER, true);
  private double[] y = new double[ode.getDimension()];
  private double[] yDot = new double[ode.getDimension()];

  /** Builds the flow and its state once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    if (!field.equals("fast") && !field.equals("theory")) {
      throw new IllegalArgumentException("field must be fast or theory, not '" + field + "'");
    }
    Preset p = Preset.byId(preset);
    ode = odeFor(p, field.equals("fast"));
    y = ode.field().toLog(p.initialState());
    yDot = new double[y.length];
  }

  private static ReducedFlowOde odeFor(Preset p, boolean fast) {
    BalancedSpectralField spectral = new BalancedSpectralField(new LeadingOrderLoss(p.config()), p.initialState());
    // No evaluation limit: the benchmark makes many more calls than a run.
    return fast
        ? new ReducedFlowOde(spectral, new LeadingOrderLogField(p.config(), p.initialState()), Long.MAX_VALUE)
        : new ReducedFlowOde(spectral, Long.MAX_VALUE);
  }

  /** One evaluation; returns F so the work cannot be eliminated (yDot is a field, so it escapes too). */
  @Benchmark
  public double evaluate() {
    return ode.derivative(0.0, y, yDot);
  }
}
