package io.github.softmaxicl.checks;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.RunAnalysis;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Run records built by hand for the checks' unit tests: no integration, so a mutation run can re-run them per
 * mutant in milliseconds, and every field a check reads is set to the value the test needs (the checks are pure
 * functions of these records).
 */
final class HandBuilt {
  private HandBuilt() {}

  /** A state with the given ω and μ, both [head][task]. */
  static SpectralState state(double[][] omega, double[][] mu) {
    return SpectralState.of(omega, mu);
  }

  /** A trajectory sample at {@code t} with loss 1 and no off-structure norm. */
  static TrajectorySample sample(double t, SpectralState s) {
    return new TrajectorySample(t, 1.0, s, OptionalDouble.empty());
  }

  /** A mutable description of a {@link ReducedRun}; {@link #build} makes the record. */
  static final class Reduced {
    ProblemConfig config;
    SpectralState init;
    SpectralState finalState;
    double eventTimeAccuracy = 1e-9;
    double tEnd = 100;
    double fFinal = 0.5;
    double fStar = 0.5;
    double tWarmupEnd = 10;
    double tEmergenceEnd = 20;
    double[] half;
    double[] warmupEnds;
    double[] emergenceEnds;
    int[] allocation;
    double[][] logAbsMu;
    List<TrajectorySample> trajectory = new ArrayList<>();

    /** Every task's markers at (10, 15, 20), head i serving task i, the final state as the start. */
    Reduced(ProblemConfig config, SpectralState init) {
      this.config = config;
      this.init = init;
      this.finalState = init;
      int n = config.tasks();
      half = filled(n, 15);
      warmupEnds = filled(n, 10);
      emergenceEnds = filled(n, 20);
      allocation = new int[n];
      for (int i = 0; i < n; i++) {
        allocation[i] = i;
      }
      logAbsMu = new double[config.heads()][n];
    }

    Reduced samples(TrajectorySample... s) {
      trajectory = new ArrayList<>(List.of(s));
      return this;
    }

    ReducedRun build() {
      return new ReducedRun(config, init, "hand-built", 1e-10, 1e-12, eventTimeAccuracy, tEnd, 1.0, fFinal, fStar,
          new MarkerTimes(tWarmupEnd, tEmergenceEnd, half, warmupEnds, emergenceEnds), allocation, finalState,
              logAbsMu, 0.0, 0.0,
          0L, 0.0, Double.NaN, trajectory);
    }
  }

  static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  /** A full-flow run with the given final state, off-structure norm, trajectory and escape time. */
  static FullRun full(ProblemConfig c, SpectralState finalState, double offStructureNorm,
      List<TrajectorySample> trajectory, double escapeTime) {
    return new FullRun(c, Dynamics.FULL, "hand-built", 1e-8, 1e-12, 0, 1L, 1.0, 0.0, true, 64L, 16L, 100.0, 1.0,
        0.5, 0.55, 0.01, 0.5,
        MarkerTimes.withoutTaskPhases(10.0, 20.0, RunAnalysis.halfSignalTimes(trajectory, c)), finalState,
            offStructureNorm, trajectory, 0L, 0L, 0.0, escapeTime,
        Double.isNaN(escapeTime) ? -1 : 1, Double.isNaN(escapeTime) ? -1 : 0, 0.1, 0.1);
  }
}
