package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.SpectralState;

/**
 * One recorded sample of a full-model trajectory: time t (gradient-flow time; Σ η for SGD), the loss F there
 * (in-sample for the flow; for SGD the mean of the mini-batch losses since the previous sample), the spectral
 * read-out and the off-structure norm of {@link SpectralReadout}.
 *
 * @param t time
 * @param loss loss at t
 * @param state spectral variables (ω, μ) at t
 * @param offStructureNorm max(relW, relU) at t
 */
public record TrajectoryPoint(double t, double loss, SpectralState state, double offStructureNorm) {}
