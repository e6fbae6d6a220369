package io.github.softmaxicl.theory;

/**
 * The named configurations of MODEL.md §8, each with the paper init and a default integration horizon, and one
 * configuration with label noise that MODEL.md §8 does not name: every §8 configuration has σ = 0, so without it
 * no run would exercise the σ² terms of the full model (the prompt sampler's noise, the control variate's mean).
 */
public enum Preset {
  /** The authors' simulation: d = 50, blocks 16, 17, 17, H = 3, L = 100. */
  PAPER("paper", ProblemConfig.withDefaultBlocks(50, 3, 3, 100, 0.0, 1.0), 3.0e4, "authors' simulation"),
  /** Quick checks: d = 8, blocks 4, 4, H = 2, L = 40. */
  SMALL("small", ProblemConfig.withDefaultBlocks(8, 2, 2, 40, 0.0, 1.0), 3.0e4, "quick checks"),
  /** More heads than tasks: d = 24, blocks 8, 8, 8, H = 4, L = 200. */
  EXTRA_HEAD("extra-head", ProblemConfig.withDefaultBlocks(24, 3, 4, 200, 0.0, 1.0), 3.0e5, "H > n"),
  /**
   * {@code small} with label noise σ = 1 (not in MODEL.md §8): c_i = s² d_i + σ² = 5 instead of 4, a 25 % change
   * of every variance term, so a full model or control variate that drops σ² is far outside the run's budgets.
   */
  SMALL_NOISY("small-noisy", ProblemConfig.withDefaultBlocks(8, 2, 2, 40, 1.0, 1.0), 3.0e4,
      "small with sigma = 1 (label noise; added, not in MODEL.md section 8)");

  private final String id;
  private final ProblemConfig config;
  private final double defaultTEnd;
  private final String source;

  Preset(String id, ProblemConfig config, double defaultTEnd, String source) {
    this.id = id;
    this.config = config;
    this.defaultTEnd = defaultTEnd;
    this.source = source;
  }

  /** The name used on the command line and in files. */
  public String id() {
    return id;
  }

  /** The problem configuration. */
  public ProblemConfig config() {
    return config;
  }

  /** The paper init for this preset. */
  public SpectralState initialState() {
    return Initialisations.paper(config);
  }

  /**
   * Default end time of the reduced flow: long enough to show the convergence phase (for extra-head, whose
   * emergence ends near t = 2200, 3e5 is where the off-task ω reach their 1/t regime).
   */
  public double defaultTEnd() {
    return defaultTEnd;
  }

  /** Where the configuration comes from (MODEL.md §8). */
  public String source() {
    return source;
  }

  /**
   * The preset with the given name.
   *
   * @throws ConfigException if there is none, listing the names
   */
  public static Preset byId(String name) {
    for (Preset p : values()) {
      if (p.id.equals(name)) {
        return p;
      }
    }
    StringBuilder names = new StringBuilder();
    for (Preset p : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(p.id);
    }
    throw new ConfigException("preset", "unknown preset '" + name + "' (known: " + names + ")");
  }
}
