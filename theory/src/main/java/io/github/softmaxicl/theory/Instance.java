package io.github.softmaxicl.theory;

import java.util.Objects;

/**
 * What a claim's hypotheses are evaluated on: the configuration, the start and the horizon of one run, with the
 * warm-up times the decoupled small-amplitude system predicts for that start (reduced model (reconstruction);
 * docs/P2-PHASES.md §1). Every field is a function of the configuration and the start (and t_end), so the
 * hypotheses are checkable before anything is integrated.
 *
 * @param config the problem
 * @param init the start
 * @param tEnd the horizon of the run
 * @param warmup the predicted per-task warm-up (blow-up) times of the start
 */
public record Instance(ProblemConfig config, SpectralState init, double tEnd, WarmupTimes warmup) {
  /** Validates the fields. */
  public Instance {
    Objects.requireNonNull(config);
    Objects.requireNonNull(init);
    Objects.requireNonNull(warmup);
    if (init.heads() != config.heads() || init.tasks() != config.tasks()) {
      throw new IllegalArgumentException("start is " + init.heads() + "x" + init.tasks() + ", configuration "
          + config.heads() + "x" + config.tasks());
    }
    if (warmup.tasks() != config.tasks()) {
      throw new IllegalArgumentException("warm-up times for " + warmup.tasks() + " tasks, configuration has "
          + config.tasks());
    }
  }
}
