package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.List;

/**
 * The result of one full-model run (deterministic flow on a fixed sample, or SGD with fresh prompts), in the
 * terms of OUTPUT.md but independent of any report format. Immutable. Times never reached are NaN.
 *
 * @param config the problem
 * @param dynamics {@link Dynamics#FULL} (gradient flow on a fixed sample) or {@link Dynamics#SGD}
 * @param method integrator name (e.g. "DormandPrince54") or the SGD learning-rate schedule
 * @param relTol integrator relative tolerance (NaN for SGD)
 * @param absTol integrator absolute tolerance (NaN for SGD)
 * @param batch SGD batch size B (0 for the flow)
 * @param seed base seed of the prompts
 * @param initScale the factor k of MODEL.md §9 (every weight factor × √k)
 * @param perturbation standard deviation of the random start off the decomposable set (0 if none)
 * @param symmetrised whether each draw came with its 4^n sign-flip images
 * @param prompts number of prompts in the fixed sample, images included (for SGD: total prompts used)
 * @param independentDraws independent draws behind them (prompts / 4^n when symmetrised)
 * @param tEnd final time
 * @param f0 loss at t = 0 (in-sample for the flow; fresh Monte Carlo for SGD)
 * @param fFinal in-sample loss at t_end (for SGD: mean mini-batch loss of the last recording window)
 * @param fFresh loss of the final weights on fresh prompts
 * @param fFreshSe its standard error
 * @param fStar F* of the reduced limit used for the emergence marker
 * @param markers t_w (first t with F ≤ 0.99 F(0)) and t_e (first t with F − F* ≤ 0.01 (F(0) − F*)), located by
 *     the flow's events or, for SGD, at recorded steps; the per-task half-signal times read off the recorded
 *     trajectory ({@link RunAnalysis#halfSignalTimes}); no per-task t_w,i and t_e,i (NaN)
 * @param finalState spectral read-out of the final weights
 * @param offStructureNorm off-structure norm of the final weights
 * @param trajectory recorded samples, in time order
 * @param evaluations gradient evaluations (flow) or steps (SGD)
 * @param lossEvaluations extra forward-only evaluations (event location, recording)
 * @param wallSeconds wall-clock time of the run
 * @param escapeTime first recorded t after emergence with an off-task μ_i^h &lt; −1e-3 μ_i*
 * @param escapeHead head of that pair (−1 if none)
 * @param escapeTask task of that pair (−1 if none)
 * @param saddleRatePredicted 2 g_i for the escaping pair's task (the largest over tasks if none escaped)
 * @param saddleRateMeasured slope of log(−μ) of the escaping pair while 1e-3 μ* ≤ −μ ≤ 1e-1 μ* (NaN if fewer
 *     than 3 samples there)
 * @param emergenceSamples the flow's continuous (dense) output read on a uniform grid across the emergence window
 *     the caller asked for ({@link FullGradientFlow.Options#denseWindow}), in time order; empty when none was asked
 *     for (SGD has no continuous output). Plot-only: no check reads it, and it does not change the run
 */
public record FullRun(ProblemConfig config, Dynamics dynamics, String method, double relTol, double absTol, int batch,
    long seed, double initScale, double perturbation, boolean symmetrised, long prompts, long independentDraws,
    double tEnd, double f0, double fFinal, double fFresh, double fFreshSe, double fStar, MarkerTimes markers,
    SpectralState finalState, double offStructureNorm, List<TrajectorySample> trajectory,
    long evaluations, long lossEvaluations, double wallSeconds, double escapeTime, int escapeHead, int escapeTask,
    double saddleRatePredicted, double saddleRateMeasured, List<TrajectorySample> emergenceSamples) {

  /** Copies the sample lists so the record stays immutable. */
  public FullRun {
    if (markers.tasks() != config.tasks()) {
      throw new IllegalArgumentException("markers need " + config.tasks() + " tasks (got " + markers.tasks() + ")");
    }
    trajectory = List.copyOf(trajectory);
    emergenceSamples = List.copyOf(emergenceSamples);
  }

  /** A run without dense emergence samples (SGD, or a flow that was not asked for them). */
  public FullRun(ProblemConfig config, Dynamics dynamics, String method, double relTol, double absTol, int batch,
      long seed, double initScale, double perturbation, boolean symmetrised, long prompts, long independentDraws,
      double tEnd, double f0, double fFinal, double fFresh, double fFreshSe, double fStar, MarkerTimes markers,
      SpectralState finalState, double offStructureNorm, List<TrajectorySample> trajectory,
      long evaluations, long lossEvaluations, double wallSeconds, double escapeTime, int escapeHead, int escapeTask,
      double saddleRatePredicted, double saddleRateMeasured) {
    this(config, dynamics, method, relTol, absTol, batch, seed, initScale, perturbation, symmetrised, prompts,
        independentDraws, tEnd, f0, fFinal, fFresh, fFreshSe, fStar, markers, finalState,
        offStructureNorm, trajectory, evaluations, lossEvaluations, wallSeconds, escapeTime, escapeHead, escapeTask,
        saddleRatePredicted, saddleRateMeasured, List.of());
  }
}
