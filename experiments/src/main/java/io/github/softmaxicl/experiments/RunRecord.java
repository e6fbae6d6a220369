package io.github.softmaxicl.experiments;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One run of results.json (OUTPUT.md): a configuration integrated with one kind of dynamics, its scalar results
 * and its sampled trajectory. Immutable; build it with {@link #builder}.
 *
 * <p>Numbers that do not apply or were not reached (a phase marker never crossed, the off-structure norm of a
 * reduced run) are NaN and are written as JSON null. Heads and tasks are numbered from 0. The allocation is
 * derived from the final ω and μ, not supplied.
 */
public final class RunRecord {
  private final String name;
  private final Dynamics dynamics;
  private final ProblemConfig config;
  private final String init;
  private final long seed;
  private final @Nullable Integer prompts;
  private final IntegratorInfo integrator;
  private final double tEnd;
  private final double f0;
  private final double fFinal;
  private final double fStar;
  private final double tWarmupEnd;
  private final double tEmergenceEnd;
  private final double[] halfSignalTimes;
  private final double[][] omegaFinal;
  private final double[][] muFinal;
  private final double offStructureNorm;
  private final double initScale;
  private final @Nullable Boolean symmetrised;
  private final double fFresh;
  private final double fFreshSe;
  private final double escapeTime;
  private final double saddleRatePredicted;
  private final double saddleRateMeasured;
  private final long evaluations;
  private final double wallSeconds;
  private final List<TrajectorySample> trajectory;
  private final List<TrajectorySample> reducedPrediction;

  private RunRecord(Builder b) {
    this.name = b.name;
    this.dynamics = b.dynamics;
    this.config = b.config;
    this.init = b.init;
    this.seed = b.seed;
    this.prompts = b.prompts;
    this.integrator = b.integrator;
    this.tEnd = b.tEnd;
    this.f0 = b.f0;
    this.fFinal = b.fFinal;
    this.fStar = b.fStar;
    this.tWarmupEnd = b.tWarmupEnd;
    this.tEmergenceEnd = b.tEmergenceEnd;
    this.halfSignalTimes = b.halfSignalTimes.clone();
    this.omegaFinal = copy(b.omegaFinal);
    this.muFinal = copy(b.muFinal);
    this.offStructureNorm = b.offStructureNorm;
    this.initScale = b.initScale;
    this.symmetrised = b.symmetrised;
    this.fFresh = b.fFresh;
    this.fFreshSe = b.fFreshSe;
    this.escapeTime = b.escapeTime;
    this.saddleRatePredicted = b.saddleRatePredicted;
    this.saddleRateMeasured = b.saddleRateMeasured;
    this.evaluations = b.evaluations;
    this.wallSeconds = b.wallSeconds;
    this.trajectory = List.copyOf(b.trajectory);
    this.reducedPrediction = List.copyOf(b.reducedPrediction);
    validate();
  }

  private void validate() {
    int heads = config.heads();
    int n = config.tasks();
    if (halfSignalTimes.length != n) {
      throw new IllegalArgumentException(runId() + ": half_signal_times needs " + n + " entries (got "
          + halfSignalTimes.length + ")");
    }
    checkShape("omega_final", omegaFinal, heads, n);
    checkShape("mu_final", muFinal, heads, n);
    if (trajectory.isEmpty()) {
      throw new IllegalArgumentException(runId() + ": the trajectory needs at least one sample");
    }
    checkSamples("trajectory", trajectory, heads, n);
    checkSamples("reduced prediction", reducedPrediction, heads, n);
    if (!(initScale > 0)) {
      throw new IllegalArgumentException(runId() + ": init_scale must be > 0 (got " + initScale + ")");
    }
  }

  private void checkShape(String what, double[][] a, int heads, int n) {
    if (a.length != heads) {
      throw new IllegalArgumentException(runId() + ": " + what + " needs " + heads + " rows (got " + a.length + ")");
    }
    for (double[] row : a) {
      if (row.length != n) {
        throw new IllegalArgumentException(runId() + ": " + what + " rows need " + n + " entries (got " + row.length + ")");
      }
    }
  }

  private void checkSamples(String what, List<TrajectorySample> samples, int heads, int n) {
    double last = Double.NEGATIVE_INFINITY;
    for (TrajectorySample s : samples) {
      if (s.heads() != heads || s.tasks() != n) {
        throw new IllegalArgumentException(runId() + ": " + what + " sample at t = " + s.t() + " is " + s.heads()
            + "x" + s.tasks() + ", expected " + heads + "x" + n);
      }
      if (!(s.t() >= last)) {
        throw new IllegalArgumentException(runId() + ": " + what + " times must be finite and non-decreasing (t = "
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
   * A builder with the identifying fields; every other number starts as NaN ("not applicable"), the init as
   * {@code "paper"} with scale 1, the seed as 0, evaluations as 0 and the trajectories empty.
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

  /** Preset id or configuration file name. */
  public String name() {
    return name;
  }

  /** The dynamics integrated. */
  public Dynamics dynamics() {
    return dynamics;
  }

  /** The problem. */
  public ProblemConfig config() {
    return config;
  }

  /** Initialisation name ({@code "paper"}). */
  public String init() {
    return init;
  }

  /** Random seed. */
  public long seed() {
    return seed;
  }

  /** Number of prompts (fixed sample or SGD batch); null for the reduced flow. */
  public @Nullable Integer prompts() {
    return prompts;
  }

  /** Integrator and tolerances, or SGD rate. */
  public IntegratorInfo integrator() {
    return integrator;
  }

  /** End time. */
  public double tEnd() {
    return tEnd;
  }

  /** F(0). */
  public double f0() {
    return f0;
  }

  /** F(t_end). */
  public double fFinal() {
    return fFinal;
  }

  /** F* of MODEL.md §6. */
  public double fStar() {
    return fStar;
  }

  /** End of warm-up (MODEL.md §7); NaN if not reached. */
  public double tWarmupEnd() {
    return tWarmupEnd;
  }

  /** End of emergence (MODEL.md §7); NaN if not reached. */
  public double tEmergenceEnd() {
    return tEmergenceEnd;
  }

  /** Per-task half-signal times (MODEL.md §7), NaN where not reached; a copy. */
  public double[] halfSignalTimes() {
    return halfSignalTimes.clone();
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

  /** ω at t_end, H×n; a copy. */
  public double[][] omegaFinal() {
    return copy(omegaFinal);
  }

  /** μ at t_end, H×n; a copy. */
  public double[][] muFinal() {
    return copy(muFinal);
  }

  /** Norm of the weights outside the decomposable structure at t_end; NaN for the reduced flow. */
  public double offStructureNorm() {
    return offStructureNorm;
  }

  /** Scale k of the start (MODEL.md §9). */
  public double initScale() {
    return initScale;
  }

  /** Whether the fixed sample was symmetrised (MODEL.md §9); null where not applicable. */
  public @Nullable Boolean symmetrised() {
    return symmetrised;
  }

  /** Loss of the final weights on fresh prompts; NaN where not applicable. */
  public double fFresh() {
    return fFresh;
  }

  /** Standard error of {@link #fFresh()}. */
  public double fFreshSe() {
    return fFreshSe;
  }

  /** First t after emergence with an off-task μ below −1e-3·μ*; NaN if none. */
  public double escapeTime() {
    return escapeTime;
  }

  /** Predicted saddle escape rate 2g (MODEL.md §9). */
  public double saddleRatePredicted() {
    return saddleRatePredicted;
  }

  /** Measured saddle escape rate. */
  public double saddleRateMeasured() {
    return saddleRateMeasured;
  }

  /** Number of loss/gradient evaluations. */
  public long evaluations() {
    return evaluations;
  }

  /** Wall time of the run in seconds. */
  public double wallSeconds() {
    return wallSeconds;
  }

  /** The sampled trajectory (at least one sample, times non-decreasing). */
  public List<TrajectorySample> trajectory() {
    return trajectory;
  }

  /** For full and SGD runs: the reduced flow from the same start, for comparison; empty otherwise. */
  public List<TrajectorySample> reducedPrediction() {
    return reducedPrediction;
  }

  /** Builder of {@link RunRecord}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final Dynamics dynamics;
    private final ProblemConfig config;
    private final IntegratorInfo integrator;
    private String init = "paper";
    private long seed;
    private @Nullable Integer prompts;
    private double tEnd = Double.NaN;
    private double f0 = Double.NaN;
    private double fFinal = Double.NaN;
    private double fStar = Double.NaN;
    private double tWarmupEnd = Double.NaN;
    private double tEmergenceEnd = Double.NaN;
    private double[] halfSignalTimes;
    private double[][] omegaFinal;
    private double[][] muFinal;
    private double offStructureNorm = Double.NaN;
    private double initScale = 1.0;
    private @Nullable Boolean symmetrised;
    private double fFresh = Double.NaN;
    private double fFreshSe = Double.NaN;
    private double escapeTime = Double.NaN;
    private double saddleRatePredicted = Double.NaN;
    private double saddleRateMeasured = Double.NaN;
    private long evaluations;
    private double wallSeconds = Double.NaN;
    private List<TrajectorySample> trajectory = new ArrayList<>();
    private List<TrajectorySample> reducedPrediction = new ArrayList<>();

    private Builder(String name, Dynamics dynamics, ProblemConfig config, IntegratorInfo integrator) {
      this.name = Objects.requireNonNull(name);
      this.dynamics = Objects.requireNonNull(dynamics);
      this.config = Objects.requireNonNull(config);
      this.integrator = Objects.requireNonNull(integrator);
      int n = config.tasks();
      this.halfSignalTimes = new double[n];
      Arrays.fill(halfSignalTimes, Double.NaN);
      this.omegaFinal = nanMatrix(config.heads(), n);
      this.muFinal = nanMatrix(config.heads(), n);
    }

    private static double[][] nanMatrix(int rows, int cols) {
      double[][] m = new double[rows][cols];
      for (double[] row : m) {
        Arrays.fill(row, Double.NaN);
      }
      return m;
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

    /** Number of prompts; null for the reduced flow. */
    public Builder prompts(@Nullable Integer value) {
      this.prompts = value;
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

    /** Phase markers (NaN if not reached) and per-task half-signal times. */
    public Builder phases(double warmupEnd, double emergenceEnd, double[] halfSignal) {
      this.tWarmupEnd = warmupEnd;
      this.tEmergenceEnd = emergenceEnd;
      this.halfSignalTimes = halfSignal.clone();
      return this;
    }

    /** Final ω and μ, H×n. */
    public Builder finalState(double[][] omega, double[][] mu) {
      this.omegaFinal = copy(omega);
      this.muFinal = copy(mu);
      return this;
    }

    /** Full and SGD runs: off-structure norm at t_end and whether the fixed sample was symmetrised. */
    public Builder fullModel(double offNorm, @Nullable Boolean symmetrisedSample) {
      this.offStructureNorm = offNorm;
      this.symmetrised = symmetrisedSample;
      return this;
    }

    /** Loss of the final weights on fresh prompts and its standard error. */
    public Builder freshLoss(double value, double standardError) {
      this.fFresh = value;
      this.fFreshSe = standardError;
      return this;
    }

    /** Saddle escape (MODEL.md §9): escape time (NaN if none), predicted and measured rates. */
    public Builder saddle(double escape, double ratePredicted, double rateMeasured) {
      this.escapeTime = escape;
      this.saddleRatePredicted = ratePredicted;
      this.saddleRateMeasured = rateMeasured;
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

    /** The reduced flow from the same start (full and SGD runs). */
    public Builder reducedPrediction(List<TrajectorySample> samples) {
      this.reducedPrediction = new ArrayList<>(samples);
      return this;
    }

    /**
     * The record.
     *
     * @throws IllegalArgumentException if shapes disagree with the configuration or the trajectory is empty
     */
    public RunRecord build() {
      return new RunRecord(this);
    }
  }
}
