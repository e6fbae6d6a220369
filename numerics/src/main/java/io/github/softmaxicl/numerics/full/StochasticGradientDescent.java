package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Stochastic gradient descent with fresh prompts each step (the authors' protocol, MODEL.md §8–9):
 * θ ← θ − η_k ∇F_B(θ) with a new batch of B prompts drawn with the seed derived from (seed, k), and time
 * t = Σ_k η_k. Deterministic for a given seed whatever the thread count.
 *
 * <p>Recorded trajectory: every {@code recordEvery} steps, the mean of the mini-batch losses of those steps (each
 * an unbiased estimate of the population loss at that step's weights) and the spectral read-out of the current
 * weights. Phase times are the first crossings of that recorded loss (linear interpolation between samples),
 * so they carry the recording resolution and the mini-batch noise.
 */
public final class StochasticGradientDescent {
  private StochasticGradientDescent() {}

  /** Settings of an SGD run; builder-style, read once by {@link #run}. */
  public static final class Options {
    int batch = 1000;
    LearningRate rate = LearningRate.constant(1e-3);
    long steps = 1000;
    boolean symmetrised;
    long recordEvery = 10;
    int freshPrompts = 20_000;
    double initScale = 1;
    double perturbation = 0;
    @Nullable LimitPoint limit;
    Progress progress = Progress.NONE;

    /** Prompts per step (a multiple of 4^n when symmetrised). */
    public Options batch(int v) {
      this.batch = v;
      return this;
    }

    /** Learning-rate schedule. */
    public Options rate(LearningRate v) {
      this.rate = v;
      return this;
    }

    /** Number of steps. */
    public Options steps(long v) {
      this.steps = v;
      return this;
    }

    /** Whether each batch is B/4^n draws with their sign-flip images. */
    public Options symmetrised(boolean v) {
      this.symmetrised = v;
      return this;
    }

    /** Steps between recorded samples. */
    public Options recordEvery(long v) {
      this.recordEvery = v;
      return this;
    }

    /** Fresh prompts for F(0) and the final out-of-sample loss. */
    public Options freshPrompts(int v) {
      this.freshPrompts = v;
      return this;
    }

    /** Recorded description of the start: init scale k and perturbation std. */
    public Options start(double initScale, double perturbation) {
      this.initScale = initScale;
      this.perturbation = perturbation;
      return this;
    }

    /** The reduced limit (F*, μ*) for the emergence marker and the escape analysis. */
    public Options limit(LimitPoint v) {
      this.limit = v;
      return this;
    }

    /** Progress callback, called at most every 2 s of wall time. */
    public Options progress(Progress v) {
      this.progress = v;
      return this;
    }
  }

  /**
   * Runs SGD from {@code start}.
   *
   * @throws NumericalFailureException if a loss or weight becomes non-finite
   */
  public static FullRun run(FullModel model, AttentionWeights start, long seed, Options o) {
    ProblemConfig c = model.config();
    if (o.steps < 1 || o.recordEvery < 1) {
      throw new IllegalArgumentException("steps and recordEvery must be >= 1");
    }
    int images = o.symmetrised ? 1 << (2 * c.tasks()) : 1;
    if (o.batch < 1 || o.batch % images != 0) {
      throw new IllegalArgumentException("batch must be a positive multiple of " + images + " (got " + o.batch + ")");
    }
    int draws = o.batch / images;
    long wallStart = System.nanoTime();
    LimitPoint limit = o.limit != null ? o.limit : LimitPoint.of(c);
    double fStar = limit.fStar();
    // Evaluation prompts use streams no step can reach (step indices are >= 0).
    MonteCarloLoss init = MonteCarloLoss.estimate(model, start, Seeds.derive(seed, -1), o.freshPrompts);
    double f0 = init.mean();
    List<TrajectoryPoint> traj = new ArrayList<>();
    traj.add(point(0, f0, start));
    double[] flat = start.toFlat();
    AttentionWeights w = start;
    double t = 0;
    double windowSum = 0;
    long windowCount = 0;
    double lastWindow = f0;
    long lastReport = System.nanoTime();
    for (long k = 0; k < o.steps; k++) {
      PromptSampler batch = PromptSampler.of(c, Seeds.derive(seed, k), draws, o.symmetrised);
      LossAndGradient lg = model.lossAndGradient(w, batch);
      if (!Double.isFinite(lg.loss())) {
        throw new NumericalFailureException("non-finite mini-batch loss at step " + k + " (t = " + t + ")");
      }
      double eta = o.rate.rate(k);
      double[] g = lg.gradientArray();
      for (int i = 0; i < flat.length; i++) {
        flat[i] -= eta * g[i];
      }
      t += eta;
      try {
        w = AttentionWeights.fromFlat(c, flat);
      } catch (IllegalArgumentException e) {
        throw new NumericalFailureException("weights not finite after step " + k + " (t = " + t + ")", e);
      }
      windowSum += lg.loss();
      windowCount++;
      if (windowCount == o.recordEvery || k == o.steps - 1) {
        lastWindow = windowSum / windowCount;
        traj.add(point(t, lastWindow, w));
        windowSum = 0;
        windowCount = 0;
      }
      long now = System.nanoTime();
      if (now - lastReport > 2_000_000_000L) {
        lastReport = now;
        double perStep = (now - wallStart) * 1e-9 / (k + 1);
        o.progress.report(t, lg.loss(), perStep * (o.steps - k - 1));
      }
    }
    MonteCarloLoss fresh = MonteCarloLoss.estimate(model, w, Seeds.derive(seed, -2), o.freshPrompts);
    double tWarm = RunAnalysis.firstCrossing(traj, 0.99 * f0);
    double tEmergence = f0 > fStar ? RunAnalysis.firstCrossing(traj, fStar + 0.01 * (f0 - fStar)) : Double.NaN;
    RunAnalysis.Escape esc = RunAnalysis.escape(traj, tEmergence, limit);
    SpectralReadout ro = SpectralReadout.of(w);
    double wall = (System.nanoTime() - wallStart) * 1e-9;
    return new FullRun(c, "sgd", "SGD " + o.rate.describe(), Double.NaN, Double.NaN, o.batch, seed, o.initScale,
        o.perturbation, o.symmetrised, o.steps * (long) o.batch, o.steps * (long) draws, t, f0, lastWindow,
        fresh.mean(), fresh.standardError(), fStar, tWarm, tEmergence, ro.state(), ro.offStructureNorm(), traj,
        o.steps, 2L, wall, esc.time(), esc.head(), esc.task(), esc.predicted(), esc.measured());
  }

  private static TrajectoryPoint point(double t, double loss, AttentionWeights w) {
    SpectralReadout r = SpectralReadout.of(w);
    return new TrajectoryPoint(t, loss, r.state(), r.offStructureNorm());
  }

}
