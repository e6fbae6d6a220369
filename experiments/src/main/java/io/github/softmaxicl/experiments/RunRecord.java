package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of results.json (OUTPUT.md), shared by the reduced flow, the full-model flow and SGD: a configuration
 * integrated with one kind of dynamics, its scalar results and its sampled trajectory. What only full-model runs
 * have lives in the optional {@link FullModelSection}. Heads and tasks are numbered from 0; the allocation is
 * derived from the final ω and μ, not supplied. Immutable: the arrays are copied in and out.
 *
 * @param name preset id or configuration file name
 * @param dynamics the dynamics integrated
 * @param config the problem
 * @param init initialisation name ({@code "paper"})
 * @param initScale scale k of the start (MODEL.md §9), &gt; 0
 * @param seed random seed
 * @param integrator integrator and tolerances, or SGD rate
 * @param tEnd end time
 * @param f0 F(0)
 * @param fFinal F(t_end)
 * @param fStar F* of MODEL.md §6
 * @param markers t_w, t_e (MODEL.md §7) and per task the half-signal time, t_w,i and t_e,i (docs/P2-PHASES.md §3),
 *     NaN where not reached or not computed (the full dynamics have no t_w,i, t_e,i)
 * @param omegaFinal ω at t_end, H×n
 * @param muFinal μ at t_end, H×n
 * @param evaluations number of loss/gradient evaluations
 * @param wallSeconds wall time of the run in seconds
 * @param trajectory the sampled trajectory (at least one sample, times non-decreasing)
 * @param emergenceSamples the integrator's dense output on a fine uniform grid across the emergence window
 *     (times increasing; empty where the dynamics has none): drawn by the report's close-up only, not written to
 *     results.json or the CSV, and used by no check
 * @param fullModel the full-model quantities; empty for the reduced flow
 */
public record RunRecord(String name, Dynamics dynamics, ProblemConfig config, String init, double initScale,
    long seed, IntegratorInfo integrator, double tEnd, double f0, double fFinal, double fStar, MarkerTimes markers,
    double[][] omegaFinal, double[][] muFinal, long evaluations,
    double wallSeconds, List<TrajectorySample> trajectory, List<TrajectorySample> emergenceSamples,
    Optional<FullModelSection> fullModel) {

  /**
   * Copies the arrays and lists and checks them against the configuration.
   *
   * @throws IllegalArgumentException if shapes disagree with the configuration, the trajectory is empty or
   *     unordered, or the init scale is not positive
   */
  public RunRecord {
    Objects.requireNonNull(name);
    Objects.requireNonNull(dynamics);
    Objects.requireNonNull(config);
    Objects.requireNonNull(init);
    Objects.requireNonNull(integrator);
    Objects.requireNonNull(fullModel);
    omegaFinal = copy(omegaFinal);
    muFinal = copy(muFinal);
    trajectory = List.copyOf(trajectory);
    emergenceSamples = List.copyOf(emergenceSamples);
    String id = name + "-" + dynamics.id();
    int heads = config.heads();
    int n = config.tasks();
    if (markers.tasks() != n) {
      throw new IllegalArgumentException(id + ": half_signal_times and the per-task markers need " + n
          + " entries (got " + markers.tasks() + ")");
    }
    checkShape(id, "omega_final", omegaFinal, heads, n);
    checkShape(id, "mu_final", muFinal, heads, n);
    if (trajectory.isEmpty()) {
      throw new IllegalArgumentException(id + ": the trajectory needs at least one sample");
    }
    checkSamples(id, "trajectory", trajectory, heads, n);
    checkSamples(id, "emergence samples", emergenceSamples, heads, n);
    if (fullModel.isPresent()) {
      checkSamples(id, "reduced prediction", fullModel.get().reducedPrediction(), heads, n);
    }
    if (!(initScale > 0)) {
      throw new IllegalArgumentException(id + ": init_scale must be > 0 (got " + initScale + ")");
    }
  }

  private static void checkShape(String id, String what, double[][] a, int heads, int n) {
    if (a.length != heads) {
      throw new IllegalArgumentException(id + ": " + what + " needs " + heads + " rows (got " + a.length + ")");
    }
    for (double[] row : a) {
      if (row.length != n) {
        throw new IllegalArgumentException(id + ": " + what + " rows need " + n + " entries (got " + row.length + ")");
      }
    }
  }

  private static void checkSamples(String id, String what, List<TrajectorySample> samples, int heads, int n) {
    double last = Double.NEGATIVE_INFINITY;
    for (TrajectorySample s : samples) {
      if (s.heads() != heads || s.tasks() != n) {
        throw new IllegalArgumentException(id + ": " + what + " sample at t = " + s.t() + " is " + s.heads()
            + "x" + s.tasks() + ", expected " + heads + "x" + n);
      }
      if (!(s.t() >= last)) {
        throw new IllegalArgumentException(id + ": " + what + " times must be finite and non-decreasing (t = "
            + s.t() + " after " + last + ")");
      }
      last = s.t();
    }
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /**
   * A builder with the identifying fields; the init starts as {@code "paper"} with scale 1, the seed and the
   * evaluations as 0, the trajectory empty and the full-model section absent.
   *
   * @param name preset id or configuration file name
   * @param dynamics the dynamics integrated
   * @param config the problem
   * @param integrator integrator and tolerances, or SGD rate
   */
  public static Builder builder(String name, Dynamics dynamics, ProblemConfig config, IntegratorInfo integrator) {
    return new Builder(name, dynamics, config, integrator);
  }

  /** Run id, e.g. {@code "paper-reduced"}. */
  public String runId() {
    return name + "-" + dynamics.id();
  }

  /** Relative path of the trajectory file in the output directory, e.g. {@code "runs/paper-reduced.csv"}. */
  public String trajectoryCsv() {
    return "runs/" + runId() + ".csv";
  }

  /** ω at t_end, H×n; a copy. */
  @Override
  public double[][] omegaFinal() {
    return copy(omegaFinal);
  }

  /** μ at t_end, H×n; a copy. */
  @Override
  public double[][] muFinal() {
    return copy(muFinal);
  }

  /**
   * For each task i the head h with the largest μ_i^h ω_i^h at t_end (lowest h on ties); -1 if no product is
   * finite.
   */
  public int[] allocation() {
    int n = config.tasks();
    int[] alloc = new int[n];
    for (int i = 0; i < n; i++) {
      int best = -1;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int h = 0; h < muFinal.length; h++) {
        double v = muFinal[h][i] * omegaFinal[h][i];
        if (Double.isFinite(v) && (best < 0 || v > bestValue)) {
          best = h;
          bestValue = v;
        }
      }
      alloc[i] = best;
    }
    return alloc;
  }

  /** Builder of {@link RunRecord} for the many scalar results; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Dynamics dynamics;
    private final ProblemConfig config;
    private final IntegratorInfo integrator;
    private String init = "paper";
    private double initScale = 1.0;
    private long seed;
    private double tEnd = Double.NaN;
    private double f0 = Double.NaN;
    private double fFinal = Double.NaN;
    private double fStar = Double.NaN;
    private MarkerTimes markers;
    private double[][] omegaFinal;
    private double[][] muFinal;
    private long evaluations;
    private double wallSeconds = Double.NaN;
    private List<TrajectorySample> trajectory = new ArrayList<>();
    private List<TrajectorySample> emergenceSamples = List.of();
    private Optional<FullModelSection> fullModel = Optional.empty();

    private Builder(String name, Dynamics dynamics, ProblemConfig config, IntegratorInfo integrator) {
      this.name = Objects.requireNonNull(name);
      this.dynamics = Objects.requireNonNull(dynamics);
      this.config = Objects.requireNonNull(config);
      this.integrator = Objects.requireNonNull(integrator);
      int n = config.tasks();
      this.markers = MarkerTimes.none(n);
      this.omegaFinal = new double[config.heads()][n];
      this.muFinal = new double[config.heads()][n];
    }

    /** Initialisation name and scale k. */
    public Builder init(String initName, double scale) {
      this.init = Objects.requireNonNull(initName);
      this.initScale = scale;
      return this;
    }

    /** Random seed. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** End time. */
    public Builder tEnd(double value) {
      this.tEnd = value;
      return this;
    }

    /** F(0), F(t_end) and F*. */
    public Builder losses(double initial, double last, double star) {
      this.f0 = initial;
      this.fFinal = last;
      this.fStar = star;
      return this;
    }

    /** The phase-marker times (NaN where not reached or not computed; every one NaN unless set). */
    public Builder markers(MarkerTimes times) {
      this.markers = Objects.requireNonNull(times);
      return this;
    }

    /** Final ω and μ, H×n. */
    public Builder finalState(double[][] omega, double[][] mu) {
      this.omegaFinal = copy(omega);
      this.muFinal = copy(mu);
      return this;
    }

    /** The full-model quantities of a full flow or SGD run. */
    public Builder fullModel(FullModelSection section) {
      this.fullModel = Optional.of(section);
      return this;
    }

    /** Cost: evaluations and wall seconds. */
    public Builder cost(long evaluationCount, double seconds) {
      this.evaluations = evaluationCount;
      this.wallSeconds = seconds;
      return this;
    }

    /** The sampled trajectory. */
    public Builder trajectory(List<TrajectorySample> samples) {
      this.trajectory = new ArrayList<>(samples);
      return this;
    }

    /** The dense samples across the emergence window (for the close-up plot only). */
    public Builder emergenceSamples(List<TrajectorySample> samples) {
      this.emergenceSamples = List.copyOf(samples);
      return this;
    }

    /**
     * The record.
     *
     * @throws IllegalArgumentException if shapes disagree with the configuration or the trajectory is empty
     */
    public RunRecord build() {
      return new RunRecord(name, dynamics, config, init, initScale, seed, integrator, tEnd, f0, fFinal, fStar,
          markers, omegaFinal, muFinal, evaluations, wallSeconds, trajectory, emergenceSamples, fullModel);
    }
  }
}
