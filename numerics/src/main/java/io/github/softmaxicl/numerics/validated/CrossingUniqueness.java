package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LogCoordinateFlow;
import io.github.softmaxicl.theory.LossCoefficients;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.IntervalCoefficients;
import io.github.softmaxicl.theory.interval.IntervalJet;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves that a crossing enclosed by {@link SignalCrossing} or {@link LossCrossing} is the only one inside its
 * enclosure: the crossing quantity is strictly monotone there. Over every over-step box of the steps making up the
 * enclosure (each holds the exact solution for every time of its step) the time derivative is enclosed through the
 * field in intervals:
 *
 * <ul>
 *   <li>a head's signal |μ_i^h ω_i^h| = e^{y_ω + y_μ}: d/dt log = dy_ω/dt + dy_μ/dt;
 *   <li>a task's loss L_i: dL_i/dt = Σ_q (∂L_i/∂y_q)(dy_q/dt), the gradient by {@link IntervalJet}s in the log
 *       coordinates through the one formula ({@link LogCoordinateFlow#formula}).
 * </ul>
 *
 * For the signal max_h μ_i^h ω_i^h the crossing is unique when one head's signal is strictly increasing on the
 * window and every other head is proved below the level there. Reduced model (reconstruction).
 */
public final class CrossingUniqueness {
  private CrossingUniqueness() {}

  /** The steps of the tube lying in {@code window} (whose ends are step boundaries). */
  static List<TubeStep> stepsIn(ValidatedTube tube, Interval window) {
    List<TubeStep> out = new ArrayList<>();
    for (TubeStep s : tube.steps()) {
      if (s.t0() >= window.lo() && s.t1() <= window.hi()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * True if, on every step of {@code window}, exactly one head with a positive product can reach the level
   * (log enclosure {@code logLevel}), always the same head, and its log-signal has a positive derivative.
   */
  public static boolean signalCrossingIsUnique(ValidatedTube tube, ProblemConfig c, SpectralState start, int task,
      Interval logLevel, Interval window) {
    List<TubeStep> steps = stepsIn(tube, window);
    if (steps.isEmpty()) {
      return false;
    }
    LogCoordinateFlow<Interval> flow = LossCrossing.intervalFlow(c, start);
    int crossing = -1;
    for (TubeStep s : steps) {
      for (int h = 0; h < c.heads(); h++) {
        boolean positive = start.omega(h, task) * start.mu(h, task) > 0;
        if (!positive || SignalCrossing.logSignal(s.overStep(), c, h, task).hi() < logLevel.lo()) {
          continue; // this head is proved below the level on the step
        }
        if (crossing >= 0 && crossing != h) {
          return false;
        }
        crossing = h;
      }
      if (crossing < 0) {
        return false; // no head reaches the level: the window does not hold the crossing
      }
      List<Interval> dy = flow.derivative(s.overStep());
      Interval rate = dy.get(LogCoordinateFlow.omegaIndex(c, crossing, task))
          .add(dy.get(LogCoordinateFlow.muIndex(c, crossing, task)));
      if (!rate.isPositive()) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if the task's loss L_i ({@code task ≥ 0}) or F ({@code task = −1}) is proved strictly decreasing on every
   * step of {@code window}.
   */
  public static boolean lossIsDecreasing(ValidatedTube tube, ProblemConfig c, SpectralState start, int task,
      Interval window) {
    List<TubeStep> steps = stepsIn(tube, window);
    if (steps.isEmpty()) {
      return false;
    }
    LogCoordinateFlow<Interval> flow = LossCrossing.intervalFlow(c, start);
    LogCoordinateFlow<IntervalJet> jets = jetFlow(c, start);
    int m = flow.dimension();
    for (TubeStep s : steps) {
      List<Interval> dy = flow.derivative(s.overStep());
      List<IntervalJet> y = new ArrayList<>();
      for (int q = 0; q < m; q++) {
        y.add(IntervalJet.variable(s.overStep().get(q), q, m));
      }
      LeadingOrderFormula<IntervalJet> f = jets.formula(y);
      IntervalJet l = task < 0 ? f.value() : f.taskLoss(task);
      Interval rate = Interval.ZERO;
      for (int q = 0; q < m; q++) {
        rate = rate.add(l.derivative(q).multiply(dy.get(q)));
      }
      if (!(rate.hi() < 0)) {
        return false;
      }
    }
    return true;
  }

  private static LogCoordinateFlow<IntervalJet> jetFlow(ProblemConfig c, SpectralState start) {
    int m = 2 * c.heads() * c.tasks();
    LossCoefficients<IntervalJet> kj = IntervalCoefficients.jets(c, m);
    List<IntervalJet> rates = new ArrayList<>();
    for (Interval r : IntervalCoefficients.omegaRates(c)) {
      rates.add(IntervalJet.constant(r, m));
    }
    return new LogCoordinateFlow<>(kj, rates, start);
  }
}
