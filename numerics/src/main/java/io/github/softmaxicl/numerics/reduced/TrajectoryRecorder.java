package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.hipparchus.util.FastMath;

/**
 * Records a trajectory from the integrator's dense output: geometrically spaced in t (a fixed number per decade,
 * from 10⁻⁶ t_end) through the warm-up and the convergence phase, uniformly and finely (spacing t_w / m) through
 * the emergence window [t_w, t_e], plus the phase-marker times themselves. The window mode is entered and left
 * by the phase-marker events, so the samples need no second pass.
 */
final class TrajectoryRecorder implements ODEStepHandler {
  /** At most this many samples in the emergence window (a very long window falls back to geometric spacing). */
  private static final int MAX_WINDOW_SAMPLES = 2000;

  private final ReducedFlowOde ode;
  private final double tEnd;
  private final double tFirst;
  private final int perDecade;
  private final int windowPerWarmup;
  private final List<TrajectorySample> samples = new ArrayList<>();
  private double next;
  private double windowSpacing = Double.NaN;
  private int windowCount;
  private boolean inWindow;
  private final ReducedFlowProgress progress;

  TrajectoryRecorder(ReducedFlowOde ode, double tEnd, int perDecade, int windowPerWarmup,
      ReducedFlowProgress progress) {
    this.ode = ode;
    this.progress = progress;
    this.tEnd = tEnd;
    this.tFirst = 1e-6 * tEnd;
    this.perDecade = perDecade;
    this.windowPerWarmup = windowPerWarmup;
    this.next = tFirst;
  }

  @Override
  public void init(ODEStateAndDerivative initialState, double finalTime) {
    if (samples.isEmpty()) {
      record(initialState.getTime(), initialState.getPrimaryState());
    }
  }

  @Override
  public void handleStep(ODEStateInterpolator interpolator) {
    double tCur = interpolator.getCurrentState().getTime();
    ode.checkAccepted(tCur, interpolator.getCurrentState().getPrimaryState());
    while (next <= tCur && next < tEnd) {
      double t = next;
      record(t, interpolator.getInterpolatedState(t).getPrimaryState());
    }
  }

  /** The next scheduled sample time (≥ t_end means none before the end). */
  double nextSampleTime() {
    return next;
  }

  /** Records a sample at (t, y) and schedules the next one. */
  void record(double t, double[] y) {
    if (!samples.isEmpty() && samples.get(samples.size() - 1).t() >= t) {
      return;
    }
    samples.add(TrajectorySample.reduced(t, ode.loss(t, y), ode.field().fromLog(y)));
    progress.reached(t, samples.get(samples.size() - 1).loss());
    if (inWindow && ++windowCount > MAX_WINDOW_SAMPLES) {
      inWindow = false;
    }
    next = inWindow ? t + windowSpacing : nextGeometric(t);
  }

  /** End of warm-up at (t, y): record it and start the fine spacing of the emergence window. */
  void warmupEnded(double t, double[] y) {
    inWindow = t > 0;
    windowSpacing = t / windowPerWarmup;
    record(t, y);
  }

  /** End of emergence at (t, y): record it and return to geometric spacing. */
  void emergenceEnded(double t, double[] y) {
    inWindow = false;
    record(t, y);
  }

  /** Another marker time: recorded as a sample. */
  void marker(double t, double[] y) {
    record(t, y);
  }

  private double nextGeometric(double t) {
    if (t < tFirst) {
      return tFirst;
    }
    double k = FastMath.floor(perDecade * FastMath.log10(t / tFirst)) + 1;
    double g = tFirst * FastMath.pow(10.0, k / perDecade);
    while (g <= t) {
      k += 1;
      g = tFirst * FastMath.pow(10.0, k / perDecade);
    }
    return g;
  }

  /** The samples so far, in time order. */
  List<TrajectorySample> samples() {
    return Collections.unmodifiableList(new ArrayList<>(samples));
  }
}
