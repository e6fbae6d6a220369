package io.github.softmaxicl.experiments.sweeps;

import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import java.util.Objects;

/**
 * Sizes and tolerances of the sweeps measured by {@link SweepMeasurement} (part of the experiments'
 * {@code Settings}). Immutable; start from {@link #quick()} (CI,
 * well under a minute on 2 cores) or {@link #full()} (larger ladders and Monte Carlo sizes, minutes) and change
 * fields with the {@code with...} methods.
 *
 * @param blockSets block-size lists of the P4/P5 sweep (each list sums to its d; σ = 0, s² = 1, H = n)
 * @param lengthsPerBlockSet number of prompt lengths per block set, geometric in L/d (≥ 2)
 * @param minLOverD smallest L/d of the P4/P5 sweep
 * @param maxLOverD largest L/d of the P4/P5 sweep
 * @param tEndStart first end time of a reduced flow; multiplied by 10 until converged
 * @param tEndMax largest end time tried; a flow not converged by then gives an ERROR verdict
 * @param convergenceTolerance relative gap |F(t_end) − F*| / F* accepted as converged (P4), and relative change
 *     of F between t_end and 10 t_end accepted as converged (H &lt; n observation)
 * @param lengthConfig P7: the problem the limit model is trained on (its L is the training length)
 * @param lengthFactors P7: test lengths L' = factor · L
 * @param lengthPrompts P7: Monte Carlo prompts per test length
 * @param expansionLimit P7: largest expansion parameter m(L') = M₃/(M₁ L') at which the refined loss is held
 *     to Monte Carlo (see {@code checks.sweeps.LengthGeneralisationCheck})
 * @param errorConfig model-error ladder: the problem (its L is replaced by the ladder's)
 * @param errorOmega model-error ladder: ω of each specialised head on its task
 * @param errorMu model-error ladder: μ of each specialised head on its task
 * @param errorLadder model-error ladder: prompt lengths (≥ 4 values, increasing)
 * @param errorPrompts model-error ladder: Monte Carlo prompts per length
 * @param fewHeadsConfig H &lt; n observation: the problem (its H is replaced by each of {@code fewHeads})
 * @param fewHeads H &lt; n observation: head counts to run
 * @param seed base seed of every Monte Carlo estimate
 */
public record SweepSettings(List<List<Integer>> blockSets, int lengthsPerBlockSet, double minLOverD,
    double maxLOverD, double tEndStart, double tEndMax, double convergenceTolerance, ProblemConfig lengthConfig,
    List<Double> lengthFactors, int lengthPrompts, double expansionLimit, ProblemConfig errorConfig,
    double errorOmega, double errorMu, List<Integer> errorLadder, int errorPrompts, ProblemConfig fewHeadsConfig,
    List<Integer> fewHeads, long seed) {

  /** Validates and copies. */
  public SweepSettings {
    Objects.requireNonNull(lengthConfig);
    Objects.requireNonNull(errorConfig);
    Objects.requireNonNull(fewHeadsConfig);
    blockSets = blockSets.stream().map(List::copyOf).collect(java.util.stream.Collectors.toUnmodifiableList());
    lengthFactors = List.copyOf(lengthFactors);
    errorLadder = List.copyOf(errorLadder);
    fewHeads = List.copyOf(fewHeads);
    if (blockSets.isEmpty() || lengthsPerBlockSet < 2 || !(minLOverD > 0) || !(maxLOverD > minLOverD)
        || !Double.isFinite(maxLOverD)) {
      throw new IllegalArgumentException("need >= 1 block set, >= 2 lengths and 0 < minLOverD < maxLOverD");
    }
    if (!(tEndStart > 0) || !(tEndMax >= tEndStart) || !Double.isFinite(tEndMax)) {
      throw new IllegalArgumentException("need 0 < tEndStart <= tEndMax < infinity");
    }
    if (!(convergenceTolerance >= 0) || !(expansionLimit > 0)) {
      throw new IllegalArgumentException("convergenceTolerance must be >= 0 and expansionLimit > 0");
    }
    if (lengthFactors.size() < 2 || lengthPrompts < 2 || errorLadder.size() < 4 || errorPrompts < 2
        || fewHeads.isEmpty()) {
      throw new IllegalArgumentException("need >= 2 length factors, >= 4 ladder lengths, >= 2 prompts, >= 1 head count");
    }
    if (lengthConfig.heads() < lengthConfig.tasks() || errorConfig.heads() < errorConfig.tasks()) {
      throw new IllegalArgumentException("P7 and model-error configurations need H >= n (one head per task)");
    }
  }

  /** The same settings with other P4/P5 block sets and lengths. */
  public SweepSettings withGrid(List<List<Integer>> sets, int lengths, double minRatio, double maxRatio) {
    return new SweepSettings(sets, lengths, minRatio, maxRatio, tEndStart, tEndMax, convergenceTolerance,
        lengthConfig, lengthFactors, lengthPrompts, expansionLimit, errorConfig, errorOmega, errorMu, errorLadder,
        errorPrompts, fewHeadsConfig, fewHeads, seed);
  }

  /** The same settings with another reduced-flow horizon and convergence tolerance. */
  public SweepSettings withFlow(double start, double max, double tolerance) {
    return new SweepSettings(blockSets, lengthsPerBlockSet, minLOverD, maxLOverD, start, max, tolerance,
        lengthConfig, lengthFactors, lengthPrompts, expansionLimit, errorConfig, errorOmega, errorMu, errorLadder,
        errorPrompts, fewHeadsConfig, fewHeads, seed);
  }

  /** The same settings with another P7 set-up. */
  public SweepSettings withLength(ProblemConfig config, List<Double> factors, int prompts, double limit) {
    return new SweepSettings(blockSets, lengthsPerBlockSet, minLOverD, maxLOverD, tEndStart, tEndMax,
        convergenceTolerance, config, factors, prompts, limit, errorConfig, errorOmega, errorMu, errorLadder,
        errorPrompts, fewHeadsConfig, fewHeads, seed);
  }

  /** The same settings with another model-error ladder. */
  public SweepSettings withErrorLadder(ProblemConfig config, double omega, double mu, List<Integer> ladder,
      int prompts) {
    return new SweepSettings(blockSets, lengthsPerBlockSet, minLOverD, maxLOverD, tEndStart, tEndMax,
        convergenceTolerance, lengthConfig, lengthFactors, lengthPrompts, expansionLimit, config, omega, mu, ladder,
        prompts, fewHeadsConfig, fewHeads, seed);
  }

  /** The same settings with another H &lt; n observation. */
  public SweepSettings withFewHeads(ProblemConfig config, List<Integer> heads) {
    return new SweepSettings(blockSets, lengthsPerBlockSet, minLOverD, maxLOverD, tEndStart, tEndMax,
        convergenceTolerance, lengthConfig, lengthFactors, lengthPrompts, expansionLimit, errorConfig, errorOmega,
        errorMu, errorLadder, errorPrompts, config, heads, seed);
  }

  /** The same settings with another seed. */
  public SweepSettings withSeed(long value) {
    return new SweepSettings(blockSets, lengthsPerBlockSet, minLOverD, maxLOverD, tEndStart, tEndMax,
        convergenceTolerance, lengthConfig, lengthFactors, lengthPrompts, expansionLimit, errorConfig, errorOmega,
        errorMu, errorLadder, errorPrompts, fewHeadsConfig, fewHeads, value);
  }
}
