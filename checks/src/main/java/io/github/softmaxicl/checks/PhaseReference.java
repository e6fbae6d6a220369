package io.github.softmaxicl.checks;

import io.github.softmaxicl.numerics.reduced.ReducedRun;

/**
 * The independent computations the per-task P2 checks compare a reduced run with (docs/P2-PHASES.md; reduced model
 * (reconstruction)): the same flow from the start scaled by 1/2, and the μ of every head on each task at that
 * task's warm-up end t_w,i as the small-amplitude system predicts them. Computed in {@code experiments}.
 *
 * @param halfScale the reduced flow from the start scaled by 1/2, run past every task's emergence
 * @param predictedMuAtWarmupEnd per task i, μ_i^h of every head at the run's t_w,i under the small-amplitude system
 */
public record PhaseReference(ReducedRun halfScale, double[][] predictedMuAtWarmupEnd) {
  /** Copies the array. */
  public PhaseReference {
    double[][] copy = new double[predictedMuAtWarmupEnd.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = predictedMuAtWarmupEnd[i].clone();
    }
    predictedMuAtWarmupEnd = copy;
  }

  @Override
  public double[][] predictedMuAtWarmupEnd() {
    double[][] copy = new double[predictedMuAtWarmupEnd.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = predictedMuAtWarmupEnd[i].clone();
    }
    return copy;
  }
}
