package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.theory.SpectralState;

/** One sample of a reduced-flow trajectory: flow time t, loss F and the spectral state (ω, μ as H×n). */
public final class TrajectorySample {
  private final double time;
  private final double loss;
  private final SpectralState state;

  /** A sample at time t with loss F and state. */
  public TrajectorySample(double time, double loss, SpectralState state) {
    this.time = time;
    this.loss = loss;
    this.state = state;
  }

  /** Flow time t. */
  public double time() {
    return time;
  }

  /** Leading-order reduced loss F at t. */
  public double loss() {
    return loss;
  }

  /** ω and μ at t. */
  public SpectralState state() {
    return state;
  }
}
