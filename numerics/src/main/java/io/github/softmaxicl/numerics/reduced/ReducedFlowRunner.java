package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.EmergenceWindow;
import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.PhaseMarkers;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralGradient;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
import org.hipparchus.ode.nonstiff.GraggBulirschStoerIntegrator;
import org.hipparchus.util.FastMath;

/**
 * Integrates the balanced spectral flow of the leading-order reduced loss (MODEL.md §4–§5, reduced model
 * (reconstruction)) from t = 0 to t_end and locates the phase markers of §7 with Hipparchus event detectors.
 *
 * <p>Two legs. Leg 1: the chosen explicit Hipparchus integrator (DP853 by default) with one event detector per
 * marker (end of warm-up, end of emergence, each task's half-signal time) and the trajectory recorder as step
 * handler, until every marker has been located (or t_end). Leg 2, the convergence phase: either the same
 * explicit integrator without detectors, or {@link LinearlyImplicitExtrapolation}, which removes the stability
 * limit of the stiff on-task modes (see {@link ReducedFlowOptions.Tail}). Markers are located before the switch
 * by construction, so the switch changes no marker time.
 *
 * <p>Event location: the switching functions are F-based (warm-up, emergence; F is non-increasing along a
 * gradient flow, so each crosses once and is checked at step ends only) or signal-based (half-signal, checked at
 * least every 1 % of t); roots are refined by a 5th-order bracketing Brent solver to the absolute time accuracy
 * of the options (default 1e-9) and 1e-14 relative.
 */
public final class ReducedFlowRunner {
  private static final int EVENT_MAX_ITER = 200;

  private ReducedFlowRunner() {}

  /**
   * Runs the flow.
   *
   * @param config the problem
   * @param init start state (every entry non-zero; signs are kept along the flow)
   * @param tEnd end time, finite and &gt; 0
   * @param options integrator, tolerances, tail treatment, sampling
   * @return the run
   * @throws IllegalArgumentException if the start does not match the configuration or tEnd is invalid
   * @throws ReducedFlowFailure on a numerical failure (non-finite state or F, blow-up, evaluation limit,
   *     step-size underflow)
   */
  public static ReducedRun run(ProblemConfig config, SpectralState init, double tEnd, ReducedFlowOptions options) {
    return run(config, init, tEnd, options, ReducedFlowProgress.SILENT);
  }

  /**
   * Runs the flow as {@link #run(ProblemConfig, SpectralState, double, ReducedFlowOptions)}, reporting every
   * recorded sample to {@code progress} (which cannot change the result).
   */
  public static ReducedRun run(ProblemConfig config, SpectralState init, double tEnd, ReducedFlowOptions options,
      ReducedFlowProgress progress) {
    if (!(tEnd > 0) || !Double.isFinite(tEnd)) {
      throw new IllegalArgumentException("t_end must be finite and > 0 (got " + tEnd + ")");
    }
    LeadingOrderLoss loss = new LeadingOrderLoss(config);
    BalancedSpectralField field = new BalancedSpectralField(loss, init);
    long start = System.nanoTime();
    ReducedFlowOde ode = newOde(config, init, field, options);
    double[] y0 = field.toLog(init);
    ode.checkAccepted(0.0, y0);
    final int n = config.tasks();
    final int hn = config.heads() * n;
    double f0 = ode.loss(0.0, y0);
    double fStar = ClosedForms.fStar(config);
    double warmupLevel = PhaseMarkers.warmupThreshold(f0);
    double emergenceLevel = PhaseMarkers.emergenceThreshold(f0, fStar);
    double[] halfLevel = new double[n];
    double[] productSign = new double[hn];
    for (int i = 0; i < n; i++) {
      halfLevel[i] = PhaseMarkers.halfSignalThreshold(config, i);
    }
    // Per-task markers (docs/P2-PHASES.md §3): the same definitions as the global ones, on the task's own loss.
    double[] taskLoss0 = loss.taskLosses(init);
    double[] taskWarmupLevel = new double[n];
    double[] taskEmergenceLevel = new double[n];
    for (int i = 0; i < n; i++) {
      taskWarmupLevel[i] = PhaseMarkers.warmupThreshold(taskLoss0[i]);
      taskEmergenceLevel[i] = PhaseMarkers.emergenceThreshold(taskLoss0[i], ClosedForms.taskLossStar(config, i));
    }
    TaskLosses taskLosses = options.fastField() ? new TaskLosses(new LeadingOrderLogField(config, init), n)
        : new TaskLosses(loss, field);
    for (int h = 0; h < config.heads(); h++) {
      for (int i = 0; i < n; i++) {
        productSign[h * n + i] = FastMath.signum(init.omega(h, i)) * FastMath.signum(init.mu(h, i));
      }
    }

    TrajectoryRecorder recorder = new TrajectoryRecorder(ode, tEnd, options.samplesPerDecade(),
        options.windowSamplesPerWarmup(), progress);
    recorder.record(0.0, y0);
    Markers markers = new Markers(n, recorder);

    PhaseMarkerDetector.SwitchingFunction warmupG = (t, y) -> warmupLevel - ode.loss(t, y);
    PhaseMarkerDetector.SwitchingFunction emergenceG = (t, y) -> emergenceLevel - ode.loss(t, y);
    PhaseMarkerDetector.SwitchingFunction[] halfG = new PhaseMarkerDetector.SwitchingFunction[n];
    for (int i = 0; i < n; i++) {
      final int task = i;
      halfG[i] = (t, y) -> {
        double best = Double.NEGATIVE_INFINITY;
        for (int h = 0; h * n + task < hn; h++) {
          int k = h * n + task;
          best = FastMath.max(best, productSign[k] * FastMath.exp(y[k] + y[hn + k]));
        }
        return best - halfLevel[task];
      };
    }

    ODEIntegrator first = newIntegrator(options, y0.length, tEnd);
    BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(1e-14, options.eventTimeAccuracy(),
        0.0, 5);
    // F is non-increasing along the flow: one crossing, so step ends suffice (max check = whole interval).
    AdaptableInterval once = AdaptableInterval.of(tEnd);
    AdaptableInterval onePercent = (s, forward) -> FastMath.max(1e-6, 0.01 * s.getTime());
    addOrMark(first, markers, Markers.WARMUP, warmupG, y0, once, solver);
    addOrMark(first, markers, Markers.EMERGENCE, emergenceG, y0, once, solver);
    // The half-signal and per-task markers need not be monotone, so they are checked at least every 1 % of t. They
    // share one detector (Scan): one interpolated state per check for all of them instead of one per marker, which
    // was most of a warm run's time; its switching function is the largest of the pending markers' functions, whose
    // first increasing root is the first pending marker's root.
    Scan scan = new Scan(markers);
    for (int i = 0; i < n; i++) {
      scan.addOrMark(Markers.HALF_SIGNAL + i, halfG[i], y0);
    }
    // A task's own loss need not be monotone (tasks interact through E): the first crossing is the marker.
    for (int i = 0; i < n; i++) {
      final int task = i;
      scan.addOrMark(markers.taskWarmup(task), (t, y) -> taskWarmupLevel[task] - taskLosses.of(y)[task], y0);
      scan.addOrMark(markers.taskEmergence(task), (t, y) -> taskEmergenceLevel[task] - taskLosses.of(y)[task], y0);
    }
    if (scan.pending() > 0) {
      first.addEventDetector(new PhaseMarkerDetector(scan, onePercent, EVENT_MAX_ITER, solver, scan));
    }
    // A per-task marker that is never reached (a head serving two tasks when H < n never brings their losses to
    // the one-head-per-task limit) must not keep the explicit integrator running through the stiff convergence
    // phase: once the global markers and the half-signal times are located, the per-task ones get until twice the
    // global t_e (each lies within a few emergence windows of it when reachable), then the tail takes over.
    first.addEventDetector(new PhaseMarkerDetector((t, y) -> t - markers.deadline(), once, EVENT_MAX_ITER, solver,
        (state, detector, increasing) -> increasing ? Action.STOP : Action.CONTINUE));
    first.addStepHandler(recorder);
    DenseOutput dense = new DenseOutput();
    if (options.denseWindowSamples() > 0) {
      first.addStepHandler(dense);
    }

    double tailStart = Double.NaN;
    ODEStateAndDerivative reached = integrate(first, ode, new ODEState(0.0, y0), tEnd);
    double[] y = reached.getPrimaryState();
    double t = reached.getTime();
    if (t < tEnd) {
      tailStart = t;
      if (options.tail() == ReducedFlowOptions.Tail.SAME_INTEGRATOR) {
        ODEIntegrator second = newIntegrator(options, y0.length, tEnd);
        second.addStepHandler(recorder);
        y = integrate(second, ode, new ODEState(t, y), tEnd).getPrimaryState();
      } else {
        LinearlyImplicitExtrapolation tail = new LinearlyImplicitExtrapolation(options.relTol(), options.absTol());
        double h0 = FastMath.max(1e-3, FastMath.abs(first.getCurrentSignedStepsize()));
        y = tail.integrate(ode, t, y, tEnd, h0, recorder);
      }
    }
    double fFinal = ode.loss(tEnd, y);
    recorder.record(tEnd, y);
    SpectralState end = field.fromLog(y);
    SpectralGradient grad = loss.gradient(end);
    double velocity = norm(field.velocity(end));
    long evaluations = ode.evaluations();
    MarkerTimes times = markers.times();
    List<TrajectorySample> emergenceSamples = options.denseWindowSamples() == 0 ? List.of()
        : times.emergenceWindow()
            .map(w -> denseSamples(config, init, field, options, dense, w, tEnd))
            .orElse(List.of());
    double wall = (System.nanoTime() - start) * 1e-9;
    return new ReducedRun(config, init, options.integratorName(), options.relTol(), options.absTol(),
        options.eventTimeAccuracy(), tEnd, f0, fFinal, fStar, times, allocation(end), end,
        logAbsMu(y, config.heads(), n), grad.norm(), velocity, evaluations, wall, tailStart, recorder.samples(),
        emergenceSamples);
  }

  private static ReducedFlowOde newOde(ProblemConfig config, SpectralState init, BalancedSpectralField field,
      ReducedFlowOptions options) {
    return options.fastField()
        ? new ReducedFlowOde(field, new LeadingOrderLogField(config, init), options.maxEvaluations())
        : new ReducedFlowOde(field, options.maxEvaluations());
  }

  /**
   * The flow read on a uniform grid of {@code options.denseWindowSamples()} times across the window (cut at
   * t_end), from the explicit leg's interpolators. The window is known only once every marker is located, which
   * is also where the explicit leg stops; where the window reaches past that point the explicit integrator is
   * continued from the leg's end state on its own copy of the field (the very steps the
   * {@link ReducedFlowOptions.Tail#SAME_INTEGRATOR} tail would take), so the run's state, markers and evaluation
   * count are untouched. If that continuation fails (evaluation limit, blow-up) the grid stops where the dense
   * output does: the samples only draw a plot.
   */
  private static List<TrajectorySample> denseSamples(ProblemConfig config, SpectralState init,
      BalancedSpectralField field, ReducedFlowOptions options, DenseOutput dense, EmergenceWindow window,
      double tEnd) {
    if (Double.isNaN(dense.end())) {
      return List.of();
    }
    double hi = FastMath.min(window.hi(), tEnd);
    ReducedFlowOde plotOde = newOde(config, init, field, options);
    double reached = dense.end();
    if (reached < hi) {
      ODEIntegrator more = newIntegrator(options, field.dimension(), tEnd);
      more.addStepHandler(dense);
      try {
        more.integrate(plotOde, new ODEState(reached, dense.state(reached)), hi);
      } catch (ReducedFlowFailure | MathIllegalStateException | MathIllegalArgumentException e) {
        hi = dense.end();
      }
    }
    int count = options.denseWindowSamples();
    List<TrajectorySample> out = new ArrayList<>(count);
    double lo = window.lo();
    if (!(hi > lo)) {
      return List.of();
    }
    for (int k = 0; k < count; k++) {
      // The last point is hi itself, not lo + (count − 1)·step, which rounding could put past the output.
      double t = k == count - 1 ? hi : lo + k * (hi - lo) / (count - 1);
      double[] y = dense.state(t);
      out.add(TrajectorySample.reduced(t, plotOde.loss(t, y), field.fromLog(y)));
    }
    return out;
  }

  /** ln|μ_i^h| from the log coordinates y = (ln|ω|, ln|μ|), H×n: exp of the decayed off-task ones underflows. */
  private static double[][] logAbsMu(double[] y, int heads, int tasks) {
    double[][] out = new double[heads][tasks];
    int off = heads * tasks;
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < tasks; j++) {
        out[h][j] = y[off + h * tasks + j];
      }
    }
    return out;
  }

  static void addOrMark(ODEIntegrator integrator, Markers markers, int which,
      PhaseMarkerDetector.SwitchingFunction g, double[] y0, AdaptableInterval maxCheck,
      BracketingNthOrderBrentSolver solver) {
    if (g.value(0.0, y0) >= 0) {
      markers.set(which, 0.0, y0);
      return;
    }
    ODEEventHandler handler = (state, detector, increasing) ->
        increasing ? markers.set(which, state.getTime(), state.getPrimaryState()) : Action.CONTINUE;
    integrator.addEventDetector(new PhaseMarkerDetector(g, maxCheck, EVENT_MAX_ITER, solver, handler));
  }

  private static ODEStateAndDerivative integrate(ODEIntegrator integrator, ReducedFlowOde ode, ODEState start,
      double tEnd) {
    try {
      return integrator.integrate(ode, start, tEnd);
    } catch (MathIllegalStateException | MathIllegalArgumentException e) {
      double t = Double.NaN;
      try {
        t = integrator.getStepStart().getTime();
      } catch (RuntimeException ignored) {
        // no step taken yet: the time stays unknown
      }
      throw new ReducedFlowFailure(t, "integrator", String.valueOf(e.getMessage()), e);
    }
  }

  private static ODEIntegrator newIntegrator(ReducedFlowOptions options, int dim, double tEnd) {
    double[] abs = new double[dim];
    double[] rel = new double[dim];
    Arrays.fill(abs, options.absTol());
    Arrays.fill(rel, options.relTol());
    double minStep = 1e-12;
    double maxStep = tEnd;
    AdaptiveStepsizeIntegrator integrator;
    switch (options.integrator()) {
      case GRAGG_BULIRSCH_STOER:
        integrator = new GraggBulirschStoerIntegrator(minStep, maxStep, abs, rel);
        break;
      case DORMAND_PRINCE_54:
        integrator = new DormandPrince54Integrator(minStep, maxStep, abs, rel);
        break;
      case DORMAND_PRINCE_853:
      default:
        // The library's DP853 steps; its continuous output reads states without combining derivatives.
        integrator = new LazyDerivativeDormandPrince853(minStep, maxStep, abs, rel);
        break;
    }
    // The evaluation limit is enforced (with the failure time) by ReducedFlowOde itself.
    integrator.setMaxEvaluations(Integer.MAX_VALUE);
    return integrator;
  }

  /** For each task, the head with the largest μ_i^h ω_i^h. */
  static int[] allocation(SpectralState s) {
    int[] out = new int[s.tasks()];
    for (int i = 0; i < out.length; i++) {
      int bestHead = 0;
      double best = Double.NEGATIVE_INFINITY;
      for (int h = 0; h < s.heads(); h++) {
        double p = s.mu(h, i) * s.omega(h, i);
        if (p > best) {
          best = p;
          bestHead = h;
        }
      }
      out[i] = bestHead;
    }
    return out;
  }

  private static double norm(SpectralState v) {
    double s = 0;
    for (int h = 0; h < v.heads(); h++) {
      for (int j = 0; j < v.tasks(); j++) {
        s += v.omega(h, j) * v.omega(h, j) + v.mu(h, j) * v.mu(h, j);
      }
    }
    return FastMath.sqrt(s);
  }

  /**
   * Several markers behind one Hipparchus detector. Its switching function is the largest of the pending markers'
   * functions (each negative before its marker, continuous), times a sign that flips at every crossing, so its next
   * root is the earliest pending marker's, located by the same solver to the same accuracy. At the event every
   * pending marker whose function is within {@link #TIE} of the largest there is set, and the events are reset so
   * the maximum runs over the remaining ones; a marker whose root lies a hair later (two symmetric tasks) is found
   * as the next event.
   */
  static final class Scan implements PhaseMarkerDetector.SwitchingFunction, ODEEventHandler {
    /**
     * Functions this close to the largest one at its root are taken to cross with it: the switching functions are
     * losses and signals of order 0.1–10 changing at ≥ 1e-3 per unit time near their roots, so 1e-12 is a time
     * shift ≤ 1e-9, the event-time accuracy.
     */
    private static final double TIE = 1e-12;
    private final Markers markers;
    private final List<PhaseMarkerDetector.SwitchingFunction> functions = new ArrayList<>();
    private final List<Integer> which = new ArrayList<>();
    /**
     * +1 or −1, flipped at every crossing. Removing the crossed functions makes the largest one drop below zero, but
     * Hipparchus takes the sign of g just after an event from before the handler ran (positive after an increasing
     * root) and looks for the next root from there: with g = max, a pending function crossing before the next check
     * was then never seen (its rise to zero looked like no sign change), nor anything after it (the marker stayed
     * NaN; found with blocks 5, 6, H 2, L 20, σ 1: task 1's emergence end 0.03 after task 0's half-signal time, the
     * check interval 0.6). With the sign flipped, g just after each crossing has the sign Hipparchus assumes, and
     * the next crossing is a root of the other direction.
     */
    private double sign = 1.0;

    Scan(Markers markers) {
      this.markers = markers;
    }

    /** Adds a marker, or sets it at t = 0 if its function is already non-negative there. */
    void addOrMark(int marker, PhaseMarkerDetector.SwitchingFunction g, double[] y0) {
      if (g.value(0.0, y0) >= 0) {
        markers.set(marker, 0.0, y0);
      } else {
        functions.add(g);
        which.add(marker);
      }
    }

    int pending() {
      return functions.size();
    }

    /** sign × the largest pending function (sign × −1 when none is pending): see {@link #sign}. */
    @Override
    public double value(double t, double[] y) {
      double max = -1.0;
      for (int k = 0; k < functions.size(); k++) {
        double v = functions.get(k).value(t, y);
        max = k == 0 ? v : FastMath.max(max, v);
      }
      return sign * max;
    }

    @Override
    public Action eventOccurred(ODEStateAndDerivative state, org.hipparchus.ode.events.ODEEventDetector detector,
        boolean increasing) {
      // A crossing of the largest pending function upwards is a root of g in the direction sign gives it.
      if (increasing != (sign > 0)) {
        return Action.CONTINUE;
      }
      Action action = Action.RESET_EVENTS;
      double t = state.getTime();
      double[] y = state.getPrimaryState();
      double[] values = new double[functions.size()];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < values.length; k++) {
        values[k] = functions.get(k).value(t, y);
        max = FastMath.max(max, values[k]);
      }
      // The solver may stop a round-off short of the root (the largest function at −4e-15, measured), and the
      // functions of two symmetric tasks tie to round-off: every function within TIE of the largest crosses here.
      for (int k = values.length - 1; k >= 0; k--) {
        if (values[k] >= max - TIE) {
          action = markers.set(which.get(k), t, y);
          functions.remove(k);
          which.remove(k);
        }
      }
      sign = -sign;
      return action == Action.STOP ? Action.STOP : Action.RESET_EVENTS;
    }
  }

  /** Marker times, with the recorder notified and STOP once every marker is located. */
  static final class Markers {
    static final int WARMUP = 0;
    static final int EMERGENCE = 1;
    static final int HALF_SIGNAL = 2;

    private final double[] times;
    private final TrajectoryRecorder recorder;

    private final int tasks;
    private double deadline = Double.POSITIVE_INFINITY;

    Markers(int tasks, TrajectoryRecorder recorder) {
      this.tasks = tasks;
      this.times = new double[HALF_SIGNAL + 3 * tasks];
      Arrays.fill(times, Double.NaN);
      this.recorder = recorder;
    }

    Action set(int which, double t, double[] y) {
      if (Double.isNaN(times[which])) {
        times[which] = t;
        if (which == WARMUP) {
          recorder.warmupEnded(t, y);
        } else if (which == EMERGENCE) {
          recorder.emergenceEnded(t, y);
        } else {
          recorder.marker(t, y);
        }
      }
      for (double v : times) {
        if (Double.isNaN(v)) {
          if (Double.isInfinite(deadline) && globalLocated()) {
            deadline = 2 * times[EMERGENCE];
          }
          return Action.CONTINUE;
        }
      }
      return Action.STOP;
    }

    private boolean globalLocated() {
      for (int k = 0; k < HALF_SIGNAL + tasks; k++) {
        if (Double.isNaN(times[k])) {
          return false;
        }
      }
      return true;
    }

    /** Until when the explicit leg waits for per-task markers (+∞ until the global ones are located). */
    double deadline() {
      return deadline;
    }

    double time(int which) {
      return times[which];
    }


    int taskWarmup(int task) {
      return HALF_SIGNAL + tasks + task;
    }

    int taskEmergence(int task) {
      return HALF_SIGNAL + 2 * tasks + task;
    }

    /** The located times as the run reports them. */
    MarkerTimes times() {
      return new MarkerTimes(times[WARMUP], times[EMERGENCE], Arrays.copyOfRange(times, HALF_SIGNAL,
          HALF_SIGNAL + tasks), Arrays.copyOfRange(times, taskWarmup(0), taskWarmup(0) + tasks),
          Arrays.copyOfRange(times, taskEmergence(0), taskEmergence(0) + tasks));
    }
  }

  /**
   * Per-task losses at a log state, cached for the last state (several detectors ask at the same point). With the
   * fast field they are computed by {@link LeadingOrderLogField#taskLosses} without allocating (the detectors check
   * them at least every 1 % of t, thousands of times a run); otherwise by the theory module (the reference).
   */
  private static final class TaskLosses {
    private final BiConsumer<double[], double[]> compute;
    private final double[] last;
    private double[] lastY = new double[0];

    /** The theory module's losses (the reference). */
    TaskLosses(LeadingOrderLoss loss, BalancedSpectralField field) {
      this((y, out) -> System.arraycopy(loss.taskLosses(field.fromLog(y)), 0, out, 0, out.length),
          loss.config().tasks());
    }

    /** The allocation-free losses. */
    TaskLosses(LeadingOrderLogField fast, int tasks) {
      this(fast::taskLosses, tasks);
    }

    private TaskLosses(BiConsumer<double[], double[]> compute, int tasks) {
      this.compute = compute;
      this.last = new double[tasks];
    }

    double[] of(double[] y) {
      if (!Arrays.equals(y, lastY)) {
        compute.accept(y, last);
        if (lastY.length != y.length) {
          lastY = new double[y.length];
        }
        System.arraycopy(y, 0, lastY, 0, y.length);
      }
      return last;
    }
  }

}
