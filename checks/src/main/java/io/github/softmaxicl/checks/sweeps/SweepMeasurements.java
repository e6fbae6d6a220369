package io.github.softmaxicl.checks.sweeps;

/**
 * Everything the sweeps measured, handed by the experiments to {@link SweepChecks#check}. Immutable.
 *
 * @param optimality P4
 * @param separation P5
 * @param length P7
 * @param modelError the model-error ladder
 * @param fewHeads the H &lt; n observation
 */
public record SweepMeasurements(OptimalityMeasurements optimality, SeparationMeasurements separation,
    LengthMeasurements length, ModelErrorMeasurements modelError, FewHeadsMeasurements fewHeads) {}
