package io.github.softmaxicl.numerics.full;

/**
 * Receives the full weights at every recorded sample of a flow (the spectral read-out of {@link io.github.softmaxicl.numerics.TrajectorySample}
 * keeps only ω, μ and the off-structure norm). For analyses that need the exact weights, such as probing the
 * saddle slope g of MODEL.md §9 on the weights the flow actually reached; an observer must not keep a reference
 * it expects to change (weights are immutable).
 */
@FunctionalInterface
public interface WeightsObserver {
  /** Observer that ignores every sample. */
  WeightsObserver NONE = (t, w) -> {};

  /**
   * Called once per recorded sample, in time order, including t = 0 and the final time.
   *
   * @param t flow time
   * @param weights the weights at t
   */
  void sample(double t, AttentionWeights weights);
}
