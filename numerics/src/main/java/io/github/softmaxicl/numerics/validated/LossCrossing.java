package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LogCoordinateFlow;
import io.github.softmaxicl.theory.LossCoefficients;
import io.github.softmaxicl.theory.PhaseMarkers;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.IntervalCoefficients;
import io.github.softmaxicl.theory.interval.OnTaskLoss;
import io.github.softmaxicl.theory.interval.TaskBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Certified enclosures, read off a validated tube of the log-coordinate reduced flow, of the global phase markers
 * of MODEL.md §7: t_w (first t with F(t) ≤ 0.99 F(0)) and t_e (first t with F(t) − F* ≤ 0.01 (F(0) − F*)).
 * F over a box is {@code LogCoordinateFlow.formula(box).value()} in interval arithmetic (the one loss formula);
 * F(0) is enclosed at the exact init (its doubles), F* as F at the closed-form limit (ω_i* = 1/√d_i,
 * μ_i* = √d_i/(1 + e κ_i d_i), enclosed; {@link OnTaskLoss}), and the levels by {@link PhaseMarkers}' formulas
 * over intervals, with 0.01 enclosed from its decimal.
 *
 * <p>The rule ({@link #firstFall}): a step whose over-step F-enclosure lies wholly above the level holds no time
 * with F ≤ level, so the lower end is the start of the first step whose over-step enclosure reaches the level;
 * the upper end is the end of the first step whose end-box F-enclosure lies wholly at or below the level (F is
 * at or below it there, so the first such time is not later). This encloses the <em>first</em> crossing without
 * any monotonicity; {@link #startIsNotEquilibrium} adds what makes it the only one (F strictly decreasing along
 * the flow, docs/VALIDATED-INTEGRATION.md §8). Reduced model (reconstruction).
 */
public final class LossCrossing {
  private LossCrossing() {}

  /**
   * The certified phase markers of one tube.
   *
   * @param f0 enclosure of F(0) at the exact init
   * @param fStar enclosure of the closed-form F*
   * @param warmupLevel enclosure of 0.99 F(0)
   * @param emergenceLevel enclosure of F* + 0.01 (F(0) − F*)
   * @param warmupEnd enclosure of t_w, empty if the tube does not certify the crossing
   * @param emergenceEnd enclosure of t_e, empty if the tube does not certify the crossing
   * @param monotone true if the start is proved not to be an equilibrium (then F is strictly decreasing on the
   *     whole tube and each level is crossed exactly once)
   */
  public record PhaseTimes(Interval f0, Interval fStar, Interval warmupLevel, Interval emergenceLevel,
      Optional<Interval> warmupEnd, Optional<Interval> emergenceEnd, boolean monotone) {}

  /** The flow in interval arithmetic with the configuration's enclosed constants and the signs of {@code start}. */
  public static LogCoordinateFlow<Interval> intervalFlow(ProblemConfig c, SpectralState start) {
    return new LogCoordinateFlow<>(IntervalCoefficients.of(c), IntervalCoefficients.omegaRates(c), start);
  }

  /** Enclosure of F over a box of log coordinates. */
  public static Interval loss(LogCoordinateFlow<Interval> flow, List<Interval> box) {
    return flow.formula(box).value();
  }

  /** Enclosure of F at a state given by its doubles (taken as exact), e.g. the init. */
  public static Interval lossAt(ProblemConfig c, SpectralState s) {
    return formulaAt(c, s).value();
  }

  /** The loss formula, enclosed, at a state given by its doubles (taken as exact). */
  private static LeadingOrderFormula<Interval> formulaAt(ProblemConfig c, SpectralState s) {
    List<List<Interval>> w = new ArrayList<>();
    List<List<Interval>> m = new ArrayList<>();
    for (int h = 0; h < c.heads(); h++) {
      List<Interval> rw = new ArrayList<>();
      List<Interval> rm = new ArrayList<>();
      for (int j = 0; j < c.tasks(); j++) {
        rw.add(Interval.point(s.omega(h, j)));
        rm.add(Interval.point(s.mu(h, j)));
      }
      w.add(rw);
      m.add(rm);
    }
    return LeadingOrderFormula.of(IntervalCoefficients.of(c), w, m);
  }

  /**
   * Enclosure of the closed-form F* = (1/n) Σ_i L_i(ω_i*, μ_i*): at the one-head-per-task limit every other
   * entry is 0, so F is the mean of the on-task losses at the enclosed closed forms (MODEL.md §6).
   */
  public static Interval fStar(ProblemConfig c) {
    LossCoefficients<Interval> k = IntervalCoefficients.of(c);
    Interval sum = Interval.ZERO;
    for (int i = 0; i < c.tasks(); i++) {
      OnTaskLoss task = OnTaskLoss.of(c, i);
      sum = sum.add(task.loss(new TaskBox(task.omegaStar(), task.muStar())));
    }
    return k.inverseTasks().multiply(sum);
  }

  /**
   * True if some component of the field, enclosed over the box, excludes 0: no point of the box is an
   * equilibrium. An enclosure that overflows proves nothing: false.
   */
  public static boolean startIsNotEquilibrium(LogCoordinateFlow<Interval> flow, List<Interval> box) {
    List<Interval> f;
    try {
      f = flow.derivative(box);
    } catch (ArithmeticException e) {
      return false;
    }
    for (Interval v : f) {
      if (v.lo() > 0 || v.hi() < 0) {
        return true;
      }
    }
    return false;
  }

  /** The certified t_w and t_e of the tube proved from {@code start}. */
  public static PhaseTimes phaseTimes(ValidatedTube tube, ProblemConfig c, SpectralState start) {
    LogCoordinateFlow<Interval> flow = intervalFlow(c, start);
    Interval f0 = lossAt(c, start);
    Interval fStar = fStar(c);
    Interval warmup = PhaseMarkers.warmupThreshold(f0, Interval.ONE,
        Interval.enclosing(Double.toString(PhaseMarkers.WARMUP_DROP)));
    Interval emergence = PhaseMarkers.emergenceThreshold(f0, fStar,
        Interval.enclosing(Double.toString(PhaseMarkers.EMERGENCE_REMAINING)));
    List<Interval[]> f = losses(flow, tube);
    return new PhaseTimes(f0, fStar, warmup, emergence, firstFall(tube, f, f0, warmup),
        firstFall(tube, f, f0, emergence), startIsNotEquilibrium(flow, tube.initial()));
  }

  /**
   * Certified per-task markers of one task (docs/P2-PHASES.md §3): the first t with L_i(t) ≤ 0.99 L_i(0) and the
   * first t with L_i(t) − L_i* ≤ 0.01 (L_i(0) − L_i*). L_i need not decrease along the flow, so uniqueness is not
   * claimed: each enclosure holds the <em>first</em> crossing, which is how the markers are defined: before the
   * enclosure's start L_i stayed above the level on every earlier step's whole box, and by its end L_i was below the
   * level on a step's end box (continuity gives a crossing in between).
   *
   * @param task the task (from 0)
   * @param l0 enclosure of L_i(0) at the exact init
   * @param lStar enclosure of L_i* at the closed-form limit
   * @param warmupEnd enclosure of t_w,i, empty if the tube does not certify it
   * @param emergenceEnd enclosure of t_e,i, empty if the tube does not certify it
   */
  public record TaskPhaseTimes(int task, Interval l0, Interval lStar, Optional<Interval> warmupEnd,
      Optional<Interval> emergenceEnd) {}

  /** The certified per-task markers of every task, from the tube proved from {@code start}. */
  public static List<TaskPhaseTimes> taskPhaseTimes(ValidatedTube tube, ProblemConfig c, SpectralState start) {
    LogCoordinateFlow<Interval> flow = intervalFlow(c, start);
    LeadingOrderFormula<Interval> atStart = formulaAt(c, start);
    List<LeadingOrderFormula<Interval>[]> perStep = new ArrayList<>();
    for (TubeStep s : tube.steps()) {
      @SuppressWarnings("unchecked")
      LeadingOrderFormula<Interval>[] pair = new LeadingOrderFormula[] {flow.formula(s.overStep()),
          flow.formula(s.atEnd())};
      perStep.add(pair);
    }
    Interval drop = Interval.enclosing(Double.toString(PhaseMarkers.WARMUP_DROP));
    Interval remaining = Interval.enclosing(Double.toString(PhaseMarkers.EMERGENCE_REMAINING));
    List<TaskPhaseTimes> out = new ArrayList<>();
    for (int i = 0; i < c.tasks(); i++) {
      List<Interval[]> li = new ArrayList<>();
      for (LeadingOrderFormula<Interval>[] pair : perStep) {
        li.add(new Interval[] {pair[0].taskLoss(i), pair[1].taskLoss(i)});
      }
      Interval l0 = atStart.taskLoss(i);
      OnTaskLoss task = OnTaskLoss.of(c, i);
      Interval lStar = task.loss(new TaskBox(task.omegaStar(), task.muStar()));
      out.add(new TaskPhaseTimes(i, l0, lStar,
          firstFall(tube, li, l0, PhaseMarkers.warmupThreshold(l0, Interval.ONE, drop)),
          firstFall(tube, li, l0, PhaseMarkers.emergenceThreshold(l0, lStar, remaining))));
    }
    return out;
  }

  /** Per step, {F over the over-step box, F over the end box}. */
  public static List<Interval[]> losses(LogCoordinateFlow<Interval> flow, ValidatedTube tube) {
    List<Interval[]> out = new ArrayList<>();
    for (TubeStep s : tube.steps()) {
      out.add(new Interval[] {loss(flow, s.overStep()), loss(flow, s.atEnd())});
    }
    return out;
  }

  /**
   * The enclosure of the first time F falls to {@code level}, given F's enclosures per step ({@link #losses})
   * and at the start; empty if the start may already be at or below the level, or the tube does not prove the
   * fall before its end.
   */
  public static Optional<Interval> firstFall(ValidatedTube tube, List<Interval[]> stepLosses, Interval atStart,
      Interval level) {
    if (!(atStart.lo() > level.hi())) {
      return Optional.empty();
    }
    List<TubeStep> steps = tube.steps();
    int first = -1;
    for (int k = 0; k < steps.size() && first < 0; k++) {
      if (!(stepLosses.get(k)[0].lo() > level.hi())) {
        first = k;
      }
    }
    if (first < 0) {
      return Optional.empty();
    }
    for (int k = first; k < steps.size(); k++) {
      if (stepLosses.get(k)[1].hi() <= level.lo()) {
        return Optional.of(Interval.of(steps.get(first).t0(), steps.get(k).t1()));
      }
    }
    return Optional.empty();
  }
}
