package io.github.softmaxicl.numerics.comparison;

import io.github.softmaxicl.numerics.EmergenceWindow;
import io.github.softmaxicl.numerics.full.AttentionWeights;
import io.github.softmaxicl.numerics.full.FullGradientFlow;
import io.github.softmaxicl.numerics.full.FullModel;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.Progress;
import io.github.softmaxicl.numerics.full.PromptSampler;
import io.github.softmaxicl.numerics.full.PromptSource;
import io.github.softmaxicl.numerics.full.RunAnalysis;
import io.github.softmaxicl.numerics.full.StoredPrompts;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.List;
import java.util.Optional;
import org.hipparchus.util.FastMath;

/**
 * Runs the full gradient flow (fixed symmetrised sample) and the reduced flow from the same scaled paper init
 * and compares them (reduced model (reconstruction)).
 *
 * <p>Comparison window ("warm-up" for this comparison): 0 ≤ t ≤ t_win, t_win the first time the reduced flow's
 * largest normalised signal max_{h,i} μ_i^h ω_i^h / (μ_i* ω_i*) reaches {@link Options#windowSignal} (default
 * 0.1). The §7 warm-up marker (F ≤ 0.99 F(0)) is not used: at scaled starts it falls within the first few
 * percent of the growth phase. Over the window the maximal relative deviations |ω_full − ω_red| / |ω_red| and
 * |μ_full − μ_red| / |μ_red| over all (h, i) are taken at the full flow's recorded samples, the reduced state
 * there interpolated linearly in (log|ω|, log|μ|) between its samples (sampled densely, see
 * {@link Options#reducedOptions}).
 */
public final class FullVsReduced {
  private FullVsReduced() {}

  /** Settings; builder-style, read once by {@link #compare}. */
  public static final class Options {
    ReducedFlowOptions reduced = ReducedFlowOptions.defaults().withSampling(400, 400);
    double relTol = 1e-7;
    double absTol = 1e-10;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    int freshPrompts = 10_000;
    double windowSignal = 0.1;
    double recordSpacing = Double.NaN;
    Progress progress = Progress.NONE;
    boolean controlVariate;

    /**
     * Run the full flow on the control-variate-corrected sample loss (see
     * {@link FullGradientFlow.Options#controlVariate}); the frozen sampling term of the budget is then 0.
     */
    public Options controlVariate(boolean v) {
      this.controlVariate = v;
      return this;
    }

    /** Reduced-flow options (default: library defaults with 400 samples per decade and per warm-up). */
    public Options reducedOptions(ReducedFlowOptions v) {
      this.reduced = v;
      return this;
    }

    /** Tolerances of the full flow's DP54 integrator on the weights. */
    public Options tolerances(double rel, double abs) {
      this.relTol = rel;
      this.absTol = abs;
      return this;
    }

    /** Worker threads of the full model (results do not depend on it). */
    public Options threads(int v) {
      this.threads = v;
      return this;
    }

    /** Fresh prompts for the full run's out-of-sample loss. */
    public Options freshPrompts(int v) {
      this.freshPrompts = v;
      return this;
    }

    /** The normalised signal level that ends the comparison window (0 &lt; v &lt; 0.5). */
    public Options windowSignal(double v) {
      this.windowSignal = v;
      return this;
    }

    /** Spacing of the full flow's recorded samples (default t_end / 2000). */
    public Options recordSpacing(double v) {
      this.recordSpacing = v;
      return this;
    }

    /** Progress of the full flow. */
    public Options progress(Progress v) {
      this.progress = v;
      return this;
    }
  }

  /**
   * Runs both flows and compares them.
   *
   * @param config the problem (H ≥ n for the paper init)
   * @param initScale k: both flows start at the paper init scaled by k (every factor × √k)
   * @param draws independent draws N of the full flow's sample (each with its 4^n sign-flip images)
   * @param seed the sample's seed
   * @param tEnd end time of both flows
   * @throws io.github.softmaxicl.numerics.FullModelFailure if the full flow fails
   * @throws io.github.softmaxicl.numerics.ReducedFlowFailure if the reduced flow fails
   */
  /**
   * Dense samples of the full flow across its predicted emergence window: about a third of them fall inside
   * [t_w, t_e] (the window is 5Δ wide, see {@link #denseWindow}), against ~10 recorded step ends; each costs one
   * loss evaluation on the fixed sample, about a third of a gradient evaluation, so 150 add roughly a tenth to a
   * quick run's ~400 gradient evaluations.
   */
  static final int DENSE_SAMPLES = 150;

  /**
   * The reduced flow's emergence window widened by Δ on each side ([t_w − 2Δ, t_e + 2Δ], cut to [0, t_end]): the
   * full flow's own markers differ from the reduced ones by the O(1/L) model error and the sampling error (a few
   * per cent of t), well inside Δ on every preset, so its close-up window [t_w − Δ, t_e + Δ] is covered. Empty
   * without a reduced emergence.
   */
  static Optional<EmergenceWindow> denseWindow(ReducedRun reduced, double tEnd) {
    return reduced.markers().emergenceWindow().flatMap(w -> {
          double lo = FastMath.max(0, w.lo() - w.delta());
          double hi = FastMath.min(tEnd, w.hi() + w.delta());
          return hi > lo ? Optional.of(new EmergenceWindow(lo, hi, w.delta()))
              : Optional.<EmergenceWindow>empty();
        });
  }

  public static Comparison compare(ProblemConfig config, double initScale, int draws, long seed, double tEnd,
      Options options) {
    if (!(options.windowSignal > 0 && options.windowSignal < 0.5)) {
      throw new IllegalArgumentException("window signal must lie in (0, 0.5) (got " + options.windowSignal + ")");
    }
    SpectralState init = Initialisations.paper(config, initScale);
    ReducedRun reduced = ReducedFlowRunner.run(config, init, tEnd, options.reduced);
    PromptSampler sampler = PromptSampler.of(config, seed, draws, true);
    PromptSource sample = StoredPrompts.copyOf(sampler);
    FullRun full;
    try (FullModel model = new FullModel(config, options.threads)) {
      FullGradientFlow.Options fo = new FullGradientFlow.Options().tEnd(tEnd)
          .tolerances(options.relTol, options.absTol).fresh(options.freshPrompts, seed ^ 0x5DEECE66DL)
          .start(initScale, 0, seed).progress(options.progress).controlVariate(options.controlVariate)
          .recordSpacing(Double.isNaN(options.recordSpacing) ? tEnd / 2000 : options.recordSpacing);
      denseWindow(reduced, tEnd).ifPresent(w -> fo.denseWindow(w, DENSE_SAMPLES));
      full = FullGradientFlow.run(model, sample, true, draws, AttentionWeights.paperInit(config, initScale), fo);
    }
    double tWindow = windowEnd(config, reduced.trajectory(), options.windowSignal);
    double[] deviation = deviations(config, full.trajectory(), reduced.trajectory(), tWindow);
    double maxOmega = deviation[0];
    double maxMu = deviation[1];
    double omega0 = FastMath.abs(init.omega(0, 0));
    double criterion = omega0 * FastMath.sqrt((double) config.promptLength() * draws);
    double growth = 0;
    SpectralState atWindow = interpolate(reduced.trajectory(), tWindow);
    for (int h = 0; h < config.heads(); h++) {
      for (int i = 0; i < config.tasks(); i++) {
        growth = FastMath.max(growth, FastMath.abs(FastMath.log(atWindow.mu(h, i) / init.mu(h, i))));
        growth = FastMath.max(growth, FastMath.abs(FastMath.log(atWindow.omega(h, i) / init.omega(h, i))));
      }
    }
    ErrorBudget budget = ErrorBudget.of(config, criterion, draws, options.controlVariate, growth);
    return new Comparison(config, initScale, draws, seed, criterion, tWindow, maxOmega, maxMu,
        RunAnalysis.allocation(full.finalState()), reduced.allocation(),
        full.markers().halfSignal(), reduced.markers().halfSignal(), full.markers().emergenceEnd(),
        reduced.markers().emergenceEnd(), budget, full, reduced);
  }

  /**
   * {max |ω_full/ω_red − 1|, max |μ_full/μ_red − 1|} over the full samples with t ≤ tWindow (the window's end
   * included), the reduced state interpolated at each sample's time. A method of its own so that a test can put a
   * sample exactly at the window's end, which a flow's step ends do not.
   */
  static double[] deviations(ProblemConfig config, List<TrajectorySample> full, List<TrajectorySample> reduced,
      double tWindow) {
    double maxOmega = 0;
    double maxMu = 0;
    for (TrajectorySample p : full) {
      if (p.t() > tWindow) {
        break;
      }
      SpectralState red = interpolate(reduced, p.t());
      for (int h = 0; h < config.heads(); h++) {
        for (int i = 0; i < config.tasks(); i++) {
          maxOmega = FastMath.max(maxOmega, FastMath.abs(p.state().omega(h, i) / red.omega(h, i) - 1));
          maxMu = FastMath.max(maxMu, FastMath.abs(p.state().mu(h, i) / red.mu(h, i) - 1));
        }
      }
    }
    return new double[] {maxOmega, maxMu};
  }

  /** First time the reduced trajectory's largest normalised signal reaches {@code level} (t_end if never). */
  static double windowEnd(ProblemConfig c, List<TrajectorySample> traj, double level) {
    double prevT = 0;
    double prevV = Double.NaN;
    for (TrajectorySample s : traj) {
      double v = 0;
      for (int i = 0; i < c.tasks(); i++) {
        double ref = ClosedForms.muStar(c, i) * ClosedForms.omegaStar(c, i);
        for (int h = 0; h < c.heads(); h++) {
          v = FastMath.max(v, s.state().mu(h, i) * s.state().omega(h, i) / ref);
        }
      }
      if (v >= level) {
        return Double.isNaN(prevV) ? s.t() : prevT + (level - prevV) / (v - prevV) * (s.t() - prevT);
      }
      prevT = s.t();
      prevV = v;
    }
    return traj.get(traj.size() - 1).t();
  }

  /**
   * The reduced state at time t, linear in (log|ω|, log|μ|) between the two enclosing samples (signs are
   * constant along the balanced flow); the last sample beyond the end.
   */
  public static SpectralState interpolate(List<TrajectorySample> traj, double t) {
    TrajectorySample prev = traj.get(0);
    for (TrajectorySample s : traj) {
      if (s.t() >= t) {
        if (s.t() == prev.t()) {
          return s.state();
        }
        double f = (t - prev.t()) / (s.t() - prev.t());
        return logInterpolate(prev.state(), s.state(), FastMath.max(0, f));
      }
      prev = s;
    }
    return prev.state();
  }

  private static SpectralState logInterpolate(SpectralState a, SpectralState b, double f) {
    int heads = a.heads();
    int n = a.tasks();
    double[][] om = new double[heads][n];
    double[][] mu = new double[heads][n];
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < n; i++) {
        om[h][i] = FastMath.copySign(FastMath.exp((1 - f) * FastMath.log(FastMath.abs(a.omega(h, i)))
            + f * FastMath.log(FastMath.abs(b.omega(h, i)))), a.omega(h, i));
        mu[h][i] = FastMath.copySign(FastMath.exp((1 - f) * FastMath.log(FastMath.abs(a.mu(h, i)))
            + f * FastMath.log(FastMath.abs(b.mu(h, i)))), a.mu(h, i));
      }
    }
    return SpectralState.of(om, mu);
  }
}
