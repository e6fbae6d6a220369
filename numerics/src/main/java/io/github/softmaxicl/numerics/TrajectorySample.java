package io.github.softmaxicl.numerics;

import io.github.softmaxicl.theory.SpectralState;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One sample of any trajectory (reduced flow, full-model flow, SGD): the time t (gradient-flow time; Σ η for
 * SGD), the loss F there, the spectral variables (ω, μ as H×n, heads and tasks from 0) and, for full-model
 * samples only, the off-structure norm of {@code SpectralReadout} (absent for the reduced flow, which has no
 * weights outside the decomposable structure).
 *
 * @param t time
 * @param loss F(t): the leading-order reduced loss, the in-sample loss of the full flow, or for SGD the mean of
 *     the mini-batch losses since the previous sample
 * @param state ω and μ at t
 * @param offStructureNorm max(relW, relU) at t for a full-model sample; empty for the reduced flow
 */
public record TrajectorySample(double t, double loss, SpectralState state, OptionalDouble offStructureNorm) {

  /** Checks the components are present. */
  public TrajectorySample {
    Objects.requireNonNull(state);
    Objects.requireNonNull(offStructureNorm);
  }

  /** A reduced-flow sample (no off-structure norm). */
  public static TrajectorySample reduced(double t, double loss, SpectralState state) {
    return new TrajectorySample(t, loss, state, OptionalDouble.empty());
  }

  /** A full-model sample with its off-structure norm. */
  public static TrajectorySample full(double t, double loss, SpectralState state, double offStructureNorm) {
    return new TrajectorySample(t, loss, state, OptionalDouble.of(offStructureNorm));
  }

  /** Number of heads H. */
  public int heads() {
    return state.heads();
  }

  /** Number of tasks n. */
  public int tasks() {
    return state.tasks();
  }

  /** ω_j^h (0-based). */
  public double omega(int head, int task) {
    return state.omega(head, task);
  }

  /** μ_i^h (0-based). */
  public double mu(int head, int task) {
    return state.mu(head, task);
  }

  /** A copy of ω, H×n. */
  public double[][] omegaArray() {
    return state.omegaArray();
  }

  /** A copy of μ, H×n. */
  public double[][] muArray() {
    return state.muArray();
  }
}
