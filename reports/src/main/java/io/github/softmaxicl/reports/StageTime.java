package io.github.softmaxicl.reports;

/**
 * The wall time of one stage of the job (an experiment, or an experiment on one configuration).
 *
 * @param name the stage's name
 * @param typicalQuickSeconds its typical quick-mode time, NaN when not known
 * @param wallSeconds its measured wall time, NaN when it did not finish
 */
public record StageTime(String name, double typicalQuickSeconds, double wallSeconds) {}
