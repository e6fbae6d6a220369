package io.github.softmaxicl.experiments.sweeps;

import io.github.softmaxicl.checks.sweeps.FewHeadsMeasurements;
import io.github.softmaxicl.checks.sweeps.LengthMeasurements;
import io.github.softmaxicl.checks.sweeps.ModelErrorMeasurements;
import io.github.softmaxicl.checks.sweeps.OptimalityMeasurements;
import io.github.softmaxicl.checks.sweeps.SeparationMeasurements;
import io.github.softmaxicl.checks.sweeps.SweepMeasurements;
import java.util.function.IntConsumer;

/**
 * Runs the numerics of every sweep (reduced model (reconstruction)): the converged flows of P4, the single-head
 * optima of P5, the Monte Carlo estimates of P7 and of the model-error ladder with the linear-attention baseline,
 * and the H &lt; n flows. Results are deterministic for given settings, whatever the number of threads.
 */
public final class SweepMeasurement {
  private SweepMeasurement() {}

  /**
   * Measures every sweep.
   *
   * @param settings sizes and tolerances (those of {@code Settings.quick()} or {@code Settings.full()})
   * @param threads worker threads of the Monte Carlo estimates (≥ 1; results do not depend on it)
   * @return the plain results, for {@code SweepChecks.check}
   */
  public static SweepMeasurements measure(SweepSettings settings, int threads) {
    return measure(settings, threads, done -> {});
  }

  /** The parts of {@link #measure}: P4, P5, P7, the model-error ladder and the H &lt; n flows. */
  public static final int PARTS = 5;

  /**
   * Measures every sweep as {@link #measure(SweepSettings, int)}, reporting after each of the {@link #PARTS}
   * parts how many are done (in a fixed order; reporting changes nothing measured).
   */
  public static SweepMeasurements measure(SweepSettings settings, int threads, IntConsumer partsDone) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
    OptimalityMeasurements optimality = OptimalitySweep.measure(settings);
    partsDone.accept(1);
    SeparationMeasurements separation = SeparationSweep.measure(settings);
    partsDone.accept(2);
    LengthMeasurements length = LengthSweep.measure(settings, threads);
    partsDone.accept(3);
    ModelErrorMeasurements modelError = ModelErrorLadder.measure(settings, threads);
    partsDone.accept(4);
    FewHeadsMeasurements fewHeads = FewHeadsObservation.measure(settings);
    partsDone.accept(5);
    return new SweepMeasurements(optimality, separation, length, modelError, fewHeads);
  }
}
