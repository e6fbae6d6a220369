package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One configuration to run, resolved from a preset or a configuration file: the problem, the start and the
 * sizes. Immutable and validated.
 *
 * @param name run name used in files: the preset id or the configuration file's name without {@code .json}
 *     (letters, digits, '.', '_', '-')
 * @param source where the configuration comes from, e.g. {@code "preset"} or the configuration file's path
 * @param config the problem (validated by theory)
 * @param init the initialisation's name; only {@code "paper"} (MODEL.md §5) exists
 * @param initScale factor k on ω(0) and μ(0) (MODEL.md §9); 1 is the paper init. A job may run the
 *     deterministic full flow from a larger start and must then record the scale it used in its RunRecord
 * @param seed random seed of prompt samples and SGD
 * @param prompts number of prompts (full flow: independent draws of the fixed sample; SGD: prompts a step);
 *     empty when the user did not set it: the job chooses by mode and records it
 * @param tEnd end time of the flow, finite and &gt; 0 (gradient-flow time; SGD with rate η runs tEnd/η steps)
 */
public record RunSpec(String name, String source, ProblemConfig config, String init, double initScale, long seed,
    OptionalInt prompts, double tEnd) {

  /** Validates the fields. */
  public RunSpec {
    Objects.requireNonNull(name);
    Objects.requireNonNull(source);
    Objects.requireNonNull(config);
    Objects.requireNonNull(init);
    Objects.requireNonNull(prompts);
    if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new IllegalArgumentException("run name must be 1..100 of [A-Za-z0-9._-] (got '" + name + "')");
    }
    if (!(initScale > 0) || !Double.isFinite(initScale)) {
      throw new IllegalArgumentException("init_scale must be finite and > 0 (got " + initScale + ")");
    }
    if (!(tEnd > 0) || !Double.isFinite(tEnd)) {
      throw new IllegalArgumentException("t_end must be finite and > 0 (got " + tEnd + ")");
    }
    if (prompts.isPresent() && prompts.getAsInt() < 1) {
      throw new IllegalArgumentException("prompts must be >= 1 (got " + prompts.getAsInt() + ")");
    }
  }

  /**
   * The preset this run is, unchanged (its name and configuration, the paper init at scale 1, the mode's number of
   * prompts), or empty: what the typical stage times were measured on.
   */
  public Optional<Preset> asPreset() {
    for (Preset p : Preset.values()) {
      if (p.id().equals(name) && p.config().equals(config) && initScale == 1.0 && prompts.isEmpty()) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The run id of this configuration under the given dynamics, e.g. {@code "paper-reduced"}. */
  public String runId(Dynamics dynamics) {
    return name + "-" + dynamics.id();
  }
}
