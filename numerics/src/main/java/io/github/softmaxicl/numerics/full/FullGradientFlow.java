package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.EmergenceWindow;
import io.github.softmaxicl.numerics.FullModelFailure;
import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.PhaseMarkers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventDetector;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.EmbeddedRungeKuttaIntegrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.hipparchus.util.FastMath;

/**
 * The deterministic full gradient flow dθ/dt = −∇F(θ) of MODEL.md §2 on a fixed prompt sample, over all
 * weights (flattened), integrated with the adaptive Dormand–Prince 5(4) pair of Hipparchus. The phase markers of
 * MODEL.md §7 are located by event detectors on the in-sample loss (warm-up end F = 0.99 F(0); emergence end
 * F − F* = 0.01 (F(0) − F*), F* passed in); a step handler records the trajectory.
 */
public final class FullGradientFlow {
  private FullGradientFlow() {}

  /** Settings of a flow run; mutable builder-style, read once by {@link #run}. */
  public static final class Options {
    double tEnd = 10;
    double relTol = 1e-8;
    double absTol = 1e-10;
    int maxEvaluations = 1_000_000;
    double recordSpacing = Double.NaN;
    int freshPrompts = 20_000;
    long freshSeed = 0x5EEDL;
    double initScale = 1;
    double perturbation = 0;
    long sampleSeed;
    @Nullable LimitPoint limit;
    Progress progress = Progress.NONE;
    WeightsObserver observer = WeightsObserver.NONE;
    boolean controlVariate;
    @Nullable EmergenceWindow denseWindow;
    int denseSamples;
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
     * Integrate the flow of the control-variate-corrected sample loss F̂ − F̂_cv + E ℓ_cv ({@link ControlVariate})
     * instead of the plain sample average: the same population flow, without the frozen sampling term
     * y_{q,i}·ȳ_i that makes the plain fixed-sample flow need ω(0)√(LN) ≫ 1 (MODEL.md §9).
     */
    public Options controlVariate(boolean v) {
      this.controlVariate = v;
      return this;
    }

    /** End time (> 0). */
    public Options tEnd(double v) {
      this.tEnd = v;
      return this;
    }

    /** Integrator tolerances (relative, absolute) on the weights. */
    public Options tolerances(double rel, double abs) {
      this.relTol = rel;
      this.absTol = abs;
      return this;
    }

    /** Cap on gradient evaluations; exceeding it is a {@link FullModelFailure}. */
    public Options maxEvaluations(int v) {
      this.maxEvaluations = v;
      return this;
    }

    /** Minimum time between recorded samples (default t_end / 1000); every step end is a candidate. */
    public Options recordSpacing(double v) {
      this.recordSpacing = v;
      return this;
    }

    /** Fresh prompts for the final out-of-sample loss and their seed. */
    public Options fresh(int prompts, long seed) {
      this.freshPrompts = prompts;
      this.freshSeed = seed;
      return this;
    }

    /** Recorded description of the start: init scale k, perturbation std and the sample's seed. */
    public Options start(double initScale, double perturbation, long sampleSeed) {
      this.initScale = initScale;
      this.perturbation = perturbation;
      this.sampleSeed = sampleSeed;
      return this;
    }

    /** The reduced limit (F*, μ*) used for the emergence marker and the escape analysis. */
    public Options limit(LimitPoint v) {
      this.limit = v;
      return this;
    }

    /** Progress callback, called at most every 2 s of wall time. */
    public Options progress(Progress v) {
      this.progress = v;
      return this;
    }

    /**
     * Read the flow's continuous output (the step interpolators) at {@code samples} evenly spaced times across
     * {@code window}, for the report's emergence close-up; the loss there is evaluated on a path that leaves the
     * run's evaluation counts, events and recorded trajectory untouched. The window is known before the run only
     * as a prediction (the caller passes the reduced flow's, widened), so samples outside the run's own window are
     * simply not shown. Default: none.
     *
     * @throws IllegalArgumentException if {@code samples} &lt; 2
     */
    public Options denseWindow(EmergenceWindow window, int samples) {
      if (samples < 2) {
        throw new IllegalArgumentException("dense samples must be >= 2 (got " + samples + ")");
      }
      this.denseWindow = window;
      this.denseSamples = samples;
      return this;
    }

    /** Receives the exact weights at every recorded sample (default: none). */
    public Options observer(WeightsObserver v) {
      this.observer = v;
      return this;
    }
  }

  /**
   * Integrates the flow from {@code start} on {@code sample}.
   *
   * @param symmetrised recorded only: whether the sample carries the 4^n sign-flip images
   * @param independentDraws recorded only: independent draws behind the sample
   * @throws FullModelFailure on a non-finite loss or gradient or when the evaluation cap is hit
   */
  public static FullRun run(FullModel model, PromptSource sample, boolean symmetrised, long independentDraws,
      AttentionWeights start, Options o) {
    if (!(o.tEnd > 0) || !Double.isFinite(o.tEnd)) {
      throw new IllegalArgumentException("t_end must be finite and > 0 (got " + o.tEnd + ")");
    }
    RunClock wall = new RunClock(o.clock);
    var c = model.config();
    LimitPoint limit = o.limit != null ? o.limit : LimitPoint.of(c);
    double fStar = limit.fStar();
    Evaluator ev = new Evaluator(model, sample, o.controlVariate);
    double[] y0 = start.toFlat();
    double f0 = ev.loss(y0);
    double spacing = Double.isNaN(o.recordSpacing) ? o.tEnd / 1000 : o.recordSpacing;
    List<TrajectorySample> traj = new ArrayList<>();
    traj.add(point(0, f0, start));
    o.observer.sample(0, start);

    EmbeddedRungeKuttaIntegrator integrator = new DormandPrince54Integrator(1e-12 * o.tEnd, o.tEnd, o.absTol, o.relTol);
    integrator.setMaxEvaluations(o.maxEvaluations);
    LevelDetector warmup = new LevelDetector(ev, PhaseMarkers.warmupThreshold(f0), o.tEnd);
    integrator.addEventDetector(warmup);
    LevelDetector emergence = new LevelDetector(ev, PhaseMarkers.emergenceThreshold(f0, fStar), o.tEnd);
    if (f0 > fStar) {
      integrator.addEventDetector(emergence);
    }
    List<TrajectorySample> dense = new ArrayList<>();
    EmergenceWindow dw = o.denseWindow;
    if (dw != null) {
      integrator.addStepHandler(new DenseGrid(dw, o.denseSamples, (t, y) -> {
        AttentionWeights w = AttentionWeights.fromFlat(c, y);
        dense.add(point(t, model.loss(w, sample, o.controlVariate), w));
      }));
    }
    integrator.addStepHandler(new ODEStepHandler() {
      private double lastT = 0;

      @Override
      public void handleStep(ODEStateInterpolator interpolator) {
        ODEStateAndDerivative s = interpolator.getCurrentState();
        double t = s.getTime();
        boolean last = t >= o.tEnd * (1 - 1e-12);
        if (t - lastT >= spacing || last) {
          double[] y = s.getPrimaryState();
          AttentionWeights w = AttentionWeights.fromFlat(c, y);
          traj.add(point(t, ev.loss(y), w));
          o.observer.sample(t, w);
          lastT = t;
        }
        double elapsed = wall.reportDue(false);
        if (!Double.isNaN(elapsed)) {
          o.progress.report(t, ev.loss(s.getPrimaryState()), elapsed * (o.tEnd - t) / FastMath.max(t, 1e-300));
        }
      }
    });
    ODEStateAndDerivative end;
    try {
      end = integrator.integrate(ev, new org.hipparchus.ode.ODEState(0, y0), o.tEnd);
    } catch (MathIllegalStateException | MathIllegalArgumentException e) {
      // The evaluation cap is a MathIllegalStateException, the minimal step size a MathIllegalArgumentException
      // (seen on a control-variate flow of 32 prompts of a tiny problem): both are failures of this run.
      throw new FullModelFailure("full flow failed: " + e.getMessage(), e);
    }
    double[] yEnd = end.getPrimaryState();
    AttentionWeights wEnd = AttentionWeights.fromFlat(c, yEnd);
    double fFinal = ev.loss(yEnd);
    MonteCarloLoss fresh = MonteCarloLoss.estimate(model, wEnd, o.freshSeed, o.freshPrompts);
    SpectralReadout ro = SpectralReadout.of(wEnd);
    double tEmergence = emergence.time;
    RunAnalysis.Escape esc = RunAnalysis.escape(traj, tEmergence, limit);
    double wallSeconds = wall.elapsedSeconds();
    return new FullRun(c, Dynamics.FULL, o.controlVariate ? "DormandPrince54 + control variate" : "DormandPrince54", o.relTol, o.absTol, 0, o.sampleSeed, o.initScale,
        o.perturbation, symmetrised, sample.size(), independentDraws, end.getTime(), f0, fFinal, fresh.mean(),
        fresh.standardError(), fStar, MarkerTimes.withoutTaskPhases(warmup.time, tEmergence,
            RunAnalysis.halfSignalTimes(traj, c)), ro.state(), ro.offStructureNorm(), traj,
        ev.gradientEvaluations, ev.lossEvaluations, wallSeconds, esc.time(), esc.head(), esc.task(), esc.predicted(),
        esc.measured(), dense);
  }

  /**
   * Reads each step's interpolator at the grid times t_k = lo + k (hi − lo)/(n − 1) that fall in the step
   * (t_prev, t_cur] (t_0 also at the first step when lo = 0). Step ends are never moved: the handler only reads.
   */
  private static final class DenseGrid implements ODEStepHandler {
    interface Sink {
      void accept(double t, double[] y);
    }

    private final EmergenceWindow window;
    private final int n;
    private final Sink sink;
    private int next;

    DenseGrid(EmergenceWindow window, int n, Sink sink) {
      this.window = window;
      this.n = n;
      this.sink = sink;
    }

    private double time(int k) {
      return k == n - 1 ? window.hi() : window.lo() + k * (window.hi() - window.lo()) / (n - 1);
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
      double t0 = interpolator.getPreviousState().getTime();
      double t1 = interpolator.getCurrentState().getTime();
      while (next < n && time(next) <= t1) {
        double t = time(next);
        if (t >= t0) {
          sink.accept(t, interpolator.getInterpolatedState(t).getPrimaryState());
        }
        next++;
      }
    }
  }

  private static TrajectorySample point(double t, double loss, AttentionWeights w) {
    SpectralReadout r = SpectralReadout.of(w);
    return TrajectorySample.full(t, loss, r.state(), r.offStructureNorm());
  }

  /** −∇F as an ODE, with a one-entry cache of the last loss so step ends and events reuse evaluations. */
  private static final class Evaluator implements OrdinaryDifferentialEquation {
    final FullModel model;
    final PromptSource sample;
    final boolean controlVariate;
    double @Nullable [] cachedY;
    double cachedLoss = Double.NaN;
    long gradientEvaluations;
    long lossEvaluations;

    Evaluator(FullModel model, PromptSource sample, boolean controlVariate) {
      this.model = model;
      this.sample = sample;
      this.controlVariate = controlVariate;
    }

    @Override
    public int getDimension() {
      return AttentionWeights.size(model.config());
    }

    @Override
    public double[] computeDerivatives(double t, double[] y) {
      LossAndGradient lg = model.lossAndGradient(weights(t, y), sample, controlVariate);
      gradientEvaluations++;
      double[] g = lg.gradientArray();
      for (int i = 0; i < g.length; i++) {
        double v = -g[i];
        if (!Double.isFinite(v)) {
          throw new FullModelFailure("non-finite gradient at t = " + t);
        }
        g[i] = v;
      }
      remember(y, lg.loss(), t);
      return g;
    }

    double loss(double[] y) {
      double[] cy = cachedY;
      if (cy != null && Arrays.equals(cy, y)) {
        return cachedLoss;
      }
      double l = model.loss(weights(Double.NaN, y), sample, controlVariate);
      lossEvaluations++;
      remember(y, l, Double.NaN);
      return l;
    }

    private void remember(double[] y, double loss, double t) {
      if (!Double.isFinite(loss)) {
        throw new FullModelFailure("non-finite loss " + loss + " at t = " + t);
      }
      cachedY = y.clone();
      cachedLoss = loss;
    }

    private AttentionWeights weights(double t, double[] y) {
      try {
        return AttentionWeights.fromFlat(model.config(), y);
      } catch (IllegalArgumentException e) {
        throw new FullModelFailure("weights not finite at t = " + t + ": " + e.getMessage(), e);
      }
    }
  }

  /** Event F(θ(t)) = level, crossed downwards; remembers the first crossing time. */
  private static final class LevelDetector implements ODEEventDetector, ODEEventHandler {
    final Evaluator ev;
    final double level;
    final double maxCheck;
    final BracketedUnivariateSolver<UnivariateFunction> solver;
    double time = Double.NaN;

    LevelDetector(Evaluator ev, double level, double tEnd) {
      this.ev = ev;
      this.level = level;
      // F decreases along the flow, so one check per step finds every crossing; the cap only bounds
      // the bracket for very long steps.
      this.maxCheck = tEnd / 10;
      this.solver = new BracketingNthOrderBrentSolver(1e-10, 1e-9 * tEnd, 1e-15, 5);
    }

    @Override
    public AdaptableInterval getMaxCheckInterval() {
      return AdaptableInterval.of(maxCheck);
    }

    @Override
    public int getMaxIterationCount() {
      return 100;
    }

    @Override
    public BracketedUnivariateSolver<UnivariateFunction> getSolver() {
      return solver;
    }

    @Override
    public ODEEventHandler getHandler() {
      return this;
    }

    @Override
    public double g(ODEStateAndDerivative state) {
      return ev.loss(state.getPrimaryState()) - level;
    }

    @Override
    public Action eventOccurred(ODEStateAndDerivative state, ODEEventDetector detector, boolean increasing) {
      if (!increasing && Double.isNaN(time)) {
        time = state.getTime();
      }
      return Action.CONTINUE;
    }
  }
}
