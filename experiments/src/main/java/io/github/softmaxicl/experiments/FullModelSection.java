package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;

/**
 * The part of a run summary that exists only for full-model runs (full flow and SGD, MODEL.md §9). A reduced
 * run has no such section, and results.json writes null for each of its keys.
 *
 * @param prompts the fixed sample's size for the flow (images included), the batch per step for SGD
 * @param symmetrised whether each draw of the fixed sample came with its sign-flip images
 * @param offStructureNorm norm of the weights outside the decomposable structure at t_end
 * @param fFresh loss of the final weights on fresh prompts
 * @param fFreshSe standard error of {@code fFresh}
 * @param escapeTime first t after emergence with an off-task μ below −1e-3·μ*; NaN if that never happened
 * @param saddleRatePredicted predicted saddle escape rate 2g (MODEL.md §9)
 * @param saddleRateMeasured measured saddle escape rate; NaN if too few samples lie in the fitting window
 * @param reducedPrediction the reduced flow from the same start up to the run's end, for comparison
 */
public record FullModelSection(int prompts, boolean symmetrised, double offStructureNorm, double fFresh,
    double fFreshSe, double escapeTime, double saddleRatePredicted, double saddleRateMeasured,
    List<TrajectorySample> reducedPrediction) {

  /** Copies the prediction so the section stays immutable. */
  public FullModelSection {
    reducedPrediction = List.copyOf(reducedPrediction);
  }
}
