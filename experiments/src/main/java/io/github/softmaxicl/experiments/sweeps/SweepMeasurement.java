package io.github.softmaxicl.experiments.sweeps;

import io.github.softmaxicl.checks.sweeps.SweepMeasurements;

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
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
    }
    return new SweepMeasurements(OptimalitySweep.measure(settings), SeparationSweep.measure(settings),
        LengthSweep.measure(settings, threads), ModelErrorLadder.measure(settings, threads),
        FewHeadsObservation.measure(settings));
  }
}
