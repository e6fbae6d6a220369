package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.FullModelFailure;
import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.PhaseMarkers;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.util.FastMath;

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
    boolean controlVariate;
    @Nullable AdaptiveStep adaptive;
    double tEnd = Double.POSITIVE_INFINITY;
    boolean stopAtEmergence;
    double stopAfterHalfSignal = Double.NaN;
    LongSupplier clock = System::nanoTime;

    /**
     * The wall clock (nanoseconds) behind the progress reports and the recorded wall time ({@link RunClock}); a
     * test seam, so that a test can drive the 2 s reporting rule and the time-left estimate with a clock of its own.
     */
    Options clock(LongSupplier v) {
      this.clock = v;
      return this;
    }

    /**
     * Stop once every task has passed its half-signal level (MODEL.md §7) and a further {@code fraction} of the
     * latest half-signal time has elapsed. Unlike the emergence level, which is set by the reduced F* and may lie
     * below the full model's own limit loss at finite L, this is always reached by an emerging run.
     */
    public Options stopAfterHalfSignal(double fraction) {
      this.stopAfterHalfSignal = fraction;
      return this;
    }

    /**
     * Use the uniform-attention control variate ({@link ControlVariate}): same expected gradient, far smaller
     * variance of the O and V gradients in the warm-up.
     */
    public Options controlVariate(boolean v) {
      this.controlVariate = v;
      return this;
    }

    /** A state-dependent step size; replaces {@link #rate(LearningRate)} when set. */
    public Options adaptive(AdaptiveStep v) {
      this.adaptive = v;
      return this;
    }

    /** Stop once t = Σ η reaches this time (the step that crosses it is shortened to end there). */
    public Options tEnd(double v) {
      this.tEnd = v;
      return this;
    }

    /** Stop at the first recorded window whose loss is at or below the emergence level of MODEL.md §7. */
    public Options stopAtEmergence(boolean v) {
      this.stopAtEmergence = v;
      return this;
    }

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

    /** Number of steps (the largest number when {@link #tEnd(double)} or emergence stops the run). */
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
   * @throws FullModelFailure if a loss or weight becomes non-finite
   */
  public static FullRun run(FullModel model, AttentionWeights start, long seed, Options o) {
    return runDetailed(model, start, seed, o).run();
  }

  /**
   * Runs SGD from {@code start} and returns the run with its step-size record.
   *
   * @throws FullModelFailure if a loss or weight becomes non-finite
   */
  public static SgdRun runDetailed(FullModel model, AttentionWeights start, long seed, Options o) {
    ProblemConfig c = model.config();
    if (o.steps < 1 || o.recordEvery < 1) {
      throw new IllegalArgumentException("steps and recordEvery must be >= 1");
    }
    if (!(o.tEnd > 0)) {
      throw new IllegalArgumentException("t_end must be > 0 (got " + o.tEnd + ")");
    }
    int images = o.symmetrised ? 1 << (2 * c.tasks()) : 1;
    if (o.batch < 1 || o.batch % images != 0) {
      throw new IllegalArgumentException("batch must be a positive multiple of " + images + " (got " + o.batch + ")");
    }
    int draws = o.batch / images;
    RunClock wall = new RunClock(o.clock);
    LimitPoint limit = o.limit != null ? o.limit : LimitPoint.of(c);
    double fStar = limit.fStar();
    // Evaluation prompts use streams no step can reach (step indices are >= 0).
    // With the control variate F(0) is estimated with it too: at nearly uniform attention it is then almost
    // exact, so the warm-up marker 0.99 F(0) is not set by Monte Carlo noise.
    double f0 = o.controlVariate
        ? model.lossAndGradient(start, PromptSampler.of(c, Seeds.derive(seed, -1), o.freshPrompts, false), true).loss()
        : MonteCarloLoss.estimate(model, start, Seeds.derive(seed, -1), o.freshPrompts).mean();
    double emergenceLevel = PhaseMarkers.emergenceThreshold(f0, fStar);
    List<TrajectorySample> traj = new ArrayList<>();
    traj.add(point(0, f0, start));
    List<double[]> etaTrace = new ArrayList<>();
    etaTrace.add(new double[] {0, Double.NaN, 0, Double.NaN});
    double[] flat = start.toFlat();
    AttentionWeights w = start;
    double t = 0;
    double sumEta2OverB = 0;
    double windowSum = 0;
    double windowEta = 0;
    long windowCount = 0;
    double lastWindow = f0;
    double speed = 0;
    double lastLambda = Double.NaN;
    long k = 0;
    AdaptiveStep adaptive = o.adaptive;
    String method = adaptive != null ? "SGD " + adaptive.describe() : "SGD " + o.rate.describe();
    if (o.controlVariate) {
      method += " + uniform-attention control variate";
    }
    boolean done = false;
    while (!done) {
      PromptSampler batch = PromptSampler.of(c, Seeds.derive(seed, k), draws, o.symmetrised);
      LossAndGradient lg = model.lossAndGradient(w, batch, o.controlVariate);
      if (!Double.isFinite(lg.loss())) {
        throw new FullModelFailure("non-finite mini-batch loss at step " + k + " (t = " + t + ")");
      }
      double[] g = lg.gradientArray();
      double eta;
      if (adaptive != null) {
        double[] next = adaptive.next(w, g, speed);
        eta = next[0];
        speed = next[1];
        lastLambda = next[2];
      } else {
        eta = o.rate.rate(k);
      }
      if (t + eta >= o.tEnd) {
        eta = o.tEnd - t;
        done = true;
      }
      for (int i = 0; i < flat.length; i++) {
        flat[i] -= eta * g[i];
      }
      t += eta;
      sumEta2OverB += eta * eta / o.batch;
      try {
        w = AttentionWeights.fromFlat(c, flat);
      } catch (IllegalArgumentException e) {
        throw new FullModelFailure("weights not finite after step " + k + " (t = " + t + ")", e);
      }
      windowSum += lg.loss();
      windowEta += eta;
      windowCount++;
      k++;
      if (k >= o.steps) {
        done = true;
      }
      if (windowCount == o.recordEvery || done) {
        lastWindow = windowSum / windowCount;
        traj.add(point(t, lastWindow, w));
        etaTrace.add(new double[] {t, windowEta / windowCount, sumEta2OverB, lastLambda});
        windowSum = 0;
        windowEta = 0;
        windowCount = 0;
        if (o.stopAtEmergence && f0 > fStar && lastWindow <= emergenceLevel) {
          done = true;
        }
        if (!Double.isNaN(o.stopAfterHalfSignal)) {
          double latest = 0;
          for (double th : RunAnalysis.halfSignalTimes(traj, c)) {
            latest = Double.isNaN(th) ? Double.POSITIVE_INFINITY : FastMath.max(latest, th);
          }
          if (t >= latest * (1 + o.stopAfterHalfSignal)) {
            done = true;
          }
        }
      }
      double elapsed = wall.reportDue(done);
      if (!Double.isNaN(elapsed)) {
        double left = Double.isInfinite(o.tEnd) ? elapsed / k * (o.steps - k) : elapsed * (o.tEnd - t) / t;
        o.progress.report(t, lg.loss(), left);
      }
    }
    MonteCarloLoss fresh = MonteCarloLoss.estimate(model, w, Seeds.derive(seed, -2), o.freshPrompts);
    double tWarm = RunAnalysis.firstCrossing(traj, PhaseMarkers.warmupThreshold(f0));
    double tEmergence = f0 > fStar ? RunAnalysis.firstCrossing(traj, emergenceLevel) : Double.NaN;
    RunAnalysis.Escape esc = RunAnalysis.escape(traj, tEmergence, limit);
    SpectralReadout ro = SpectralReadout.of(w);
    double wallSeconds = wall.elapsedSeconds();
    FullRun run = new FullRun(c, Dynamics.SGD, method, Double.NaN, Double.NaN, o.batch, seed, o.initScale,
        o.perturbation, o.symmetrised, k * (long) o.batch, k * (long) draws, t, f0, lastWindow,
        fresh.mean(), fresh.standardError(), fStar, MarkerTimes.withoutTaskPhases(tWarm, tEmergence,
            RunAnalysis.halfSignalTimes(traj, c)), ro.state(), ro.offStructureNorm(), traj,
        k, 2L, wallSeconds, esc.time(), esc.head(), esc.task(), esc.predicted(), esc.measured());
    return new SgdRun(run, etaTrace, k, o.controlVariate);
  }

  private static TrajectorySample point(double t, double loss, AttentionWeights w) {
    SpectralReadout r = SpectralReadout.of(w);
    return TrajectorySample.full(t, loss, r.state(), r.offStructureNorm());
  }

}
