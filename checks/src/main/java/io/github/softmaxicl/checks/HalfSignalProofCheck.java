package io.github.softmaxicl.checks;

import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.validated.CrossingUniqueness;
import io.github.softmaxicl.numerics.validated.LossCrossing;
import io.github.softmaxicl.numerics.validated.SignalCrossing;
import io.github.softmaxicl.numerics.validated.TubeStep;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Claim P2-proof: a validated tube of the reduced flow (computed by the caller, {@code numerics.validated}) that
 * reaches past the floating-point t_e certifies every task's first half-signal crossing
 * ({@link SignalCrossing#halfSignalTime}) and the global markers t_w and t_e ({@link LossCrossing#phaseTimes}),
 * each crossing unique (the start is proved not to be an equilibrium, so F decreases strictly), every task's first
 * t_w,i and t_e,i ({@link LossCrossing#taskPhaseTimes}: first crossings of L_i, certified as first crossings without
 * uniqueness, which is how the markers are defined), and the floating-point run's times lie inside those
 * enclosures. A tube that stopped early, or ends before t_e, is an
 * error (nothing about the phases was proved); a crossing the complete tube does not certify, uniqueness not
 * certified, or a floating-point time outside its enclosure, is a fail.
 *
 * <p>Measured: the worst position of a floating-point time in its enclosure, {@code |t_fp − mid| / half-width}
 * over tasks (below 1 exactly when every time is inside; the verdict itself compares with the enclosure's
 * endpoints). Reduced model (reconstruction).
 */
public final class HalfSignalProofCheck {
  private HalfSignalProofCheck() {}

  private static final Claim CLAIM = Claims.P2_PROOF;

  /**
   * One task's certified half-signal time beside the floating-point one.
   *
   * @param task the task (from 0)
   * @param enclosure the certified enclosure of the first crossing, empty if the tube does not certify it
   * @param floatingPoint the floating-point run's half-signal time (NaN if it never reached the level)
   */
  public record TaskEnclosure(int task, Optional<Interval> enclosure, double floatingPoint) {
    /** True if the floating-point time lies in the certified enclosure (endpoints included). */
    public boolean inside() {
      return HalfSignalProofCheck.inside(enclosure, floatingPoint);
    }

    /** {@code |t_fp − mid| / half-width}: below 1 inside; NaN without an enclosure or a floating-point time. */
    public double position() {
      return HalfSignalProofCheck.position(enclosure, floatingPoint);
    }
  }

  /**
   * A global phase marker's certified time beside the floating-point one.
   *
   * @param marker "t_w" or "t_e", or a task's "t_w,i" or "t_e,i" (i from 1)
   * @param enclosure the certified enclosure of the crossing, empty if the tube does not certify it
   * @param floatingPoint the floating-point run's time (NaN if it never reached the level)
   */
  public record MarkerEnclosure(String marker, Optional<Interval> enclosure, double floatingPoint) {
    /** True if the floating-point time lies in the certified enclosure (endpoints included). */
    public boolean inside() {
      return HalfSignalProofCheck.inside(enclosure, floatingPoint);
    }

    /** {@code |t_fp − mid| / half-width}: below 1 inside; NaN without an enclosure or a floating-point time. */
    public double position() {
      return HalfSignalProofCheck.position(enclosure, floatingPoint);
    }
  }

  private static boolean inside(Optional<Interval> enclosure, double t) {
    return enclosure.isPresent() && enclosure.get().lo() <= t && t <= enclosure.get().hi();
  }

  private static double position(Optional<Interval> enclosure, double t) {
    if (enclosure.isEmpty() || !Double.isFinite(t)) {
      return Double.NaN;
    }
    Interval e = enclosure.get();
    return Math.abs(t - e.midpoint()) / (0.5 * e.width());
  }

  /**
   * A verdict with the enclosures behind it (empty when the tube was incomplete).
   *
   * @param verdict the claim's verdict
   * @param tasks per task, the certified enclosure and the floating-point time
   * @param markers t_w and t_e, the certified enclosure and the floating-point time
   */
  public record Result(Verdict verdict, List<TaskEnclosure> tasks, List<MarkerEnclosure> markers) {
    /** Copies the lists. */
    public Result {
      tasks = List.copyOf(tasks);
      markers = List.copyOf(markers);
    }
  }

  /** The verdict for a floating-point run and the tube proved from its exact init. */
  public static Result check(String runId, ReducedRun run, ValidatedTube tube) {
    return check(runId, run.config(), run.init(), run.markers(), tube);
  }

  /**
   * The verdict from the parts: the configuration and start the tube was proved from, the floating-point run's
   * marker times (each compared with its certified enclosure; NaN where the run never reached a level), and the
   * tube.
   *
   * @throws IllegalArgumentException if the markers are not for the configuration's n tasks
   */
  public static Result check(String runId, ProblemConfig c, SpectralState init, MarkerTimes floating,
      ValidatedTube tube) {
    if (floating.tasks() != c.tasks()) {
      throw new IllegalArgumentException("markers for " + floating.tasks() + " tasks, the configuration has "
          + c.tasks());
    }
    double[] floatingHalfSignal = floating.halfSignal();
    double floatingWarmupEnd = floating.warmupEnd();
    double floatingEmergenceEnd = floating.emergenceEnd();
    double[] floatingTaskWarmupEnds = floating.taskWarmupEnds();
    double[] floatingTaskEmergenceEnds = floating.taskEmergenceEnds();
    List<String> ev = new ArrayList<>();
    // No CPU or wall time here: the evidence is part of the report, which must be byte-identical on a rerun.
    ev.add(ReducedRunChecks.fmt("validated tube: %d steps to t = %.6g (requested %.6g; floating-point t_e = %.6g)",
        tube.steps().size(), tube.reached(), tube.requestedEnd(), floatingEmergenceEnd));
    if (!tube.complete()) {
      return error(runId, "the validated integration stopped at t = " + tube.reached() + ": "
          + tube.stopReason().orElse(""), ev);
    }
    Optional<TubeStep> atTe = Double.isFinite(floatingEmergenceEnd) ? tube.stepAt(floatingEmergenceEnd)
        : Optional.empty();
    if (atTe.isEmpty()) {
      return error(runId, "the tube (to t = " + tube.reached() + ") does not cover the floating-point t_e = "
          + floatingEmergenceEnd, ev);
    }
    // The end box is the tube's width at a time; the over-step box also spans the motion within the step.
    ev.add(ReducedRunChecks.fmt("tube width at t_e (largest over the log coordinates): %.3e at the end t = %.6g of "
        + "the step covering t_e; %.3e over the whole step [%.6g, %.6g] (includes the motion within it)",
        atTe.get().endWidth(), atTe.get().t1(), maxWidth(atTe.get().overStep()), atTe.get().t0(), atTe.get().t1()));
    List<TaskEnclosure> tasks = new ArrayList<>();
    boolean holds = true;
    double worst = 0;
    for (int i = 0; i < c.tasks(); i++) {
      TaskEnclosure t = new TaskEnclosure(i, SignalCrossing.halfSignalTime(tube, c, init, i),
          floatingHalfSignal[i]);
      tasks.add(t);
      holds &= t.inside();
      // NaN (no enclosure, or no floating-point time) propagates: such a verdict cannot pass
      worst = Double.isNaN(t.position()) ? Double.NaN : Double.isNaN(worst) ? worst : Math.max(worst, t.position());
      if (t.enclosure().isPresent()) {
        Interval e = t.enclosure().get();
        // The enclosure is of the first crossing; it is the only one inside if one head alone can reach the level
        // there and its signal strictly increases (the field enclosed over every step box of the enclosure).
        boolean unique = CrossingUniqueness.signalCrossingIsUnique(tube, c, init, i,
            SignalCrossing.halfSignalLogLevel(c, i), e);
        holds &= unique;
        ev.add(ReducedRunChecks.fmt("task %d: certified half-signal time in [%.9g, %.9g] (width %.3g, %.2e "
            + "relative), %s; floating point %.9g, %s (position %.3f)", i + 1, e.lo(), e.hi(), e.width(),
            e.width() / e.midpoint(), unique ? "the only crossing in it (one head reaches the level there, its "
            + "signal proved increasing)" : "uniqueness in it NOT proved", t.floatingPoint(),
            t.inside() ? "inside" : "OUTSIDE", t.position()));
      } else {
        ev.add(ReducedRunChecks.fmt("task %d: the tube does not certify a first half-signal crossing (floating "
            + "point %.9g)", i + 1, t.floatingPoint()));
      }
    }
    LossCrossing.PhaseTimes phases = LossCrossing.phaseTimes(tube, c, init);
    ev.add(ReducedRunChecks.fmt("F(0) in [%.12g, %.12g] (exact init), F* in [%.12g, %.12g] (closed form); levels "
        + "0.99 F(0) in [%.12g, %.12g], F* + 0.01 (F(0) - F*) in [%.12g, %.12g]", phases.f0().lo(), phases.f0().hi(),
        phases.fStar().lo(), phases.fStar().hi(), phases.warmupLevel().lo(), phases.warmupLevel().hi(),
        phases.emergenceLevel().lo(), phases.emergenceLevel().hi()));
    // Uniqueness: off equilibria F strictly decreases along the flow, and a non-equilibrium start never reaches one.
    ev.add(phases.monotone() ? "each crossing is unique: the field enclosed over the initial box has a component "
        + "excluding 0, so the start is not an equilibrium and F decreases strictly along the whole tube"
        : "uniqueness NOT certified: the field enclosed over the initial box does not exclude 0");
    holds &= phases.monotone();
    List<MarkerEnclosure> markers = new ArrayList<>(List.of(
        new MarkerEnclosure("t_w", phases.warmupEnd(), floatingWarmupEnd),
        new MarkerEnclosure("t_e", phases.emergenceEnd(), floatingEmergenceEnd)));
    // The task of each marker (−1 for the global t_w and t_e, whose uniqueness is the line above).
    List<Integer> markerTasks = new ArrayList<>(List.of(-1, -1));
    // Per-task markers: first crossings of L_i, certified without uniqueness (L_i need not decrease).
    for (LossCrossing.TaskPhaseTimes p : LossCrossing.taskPhaseTimes(tube, c, init)) {
      int i = p.task();
      markers.add(new MarkerEnclosure("t_w," + (i + 1), p.warmupEnd(), floatingTaskWarmupEnds[i]));
      markers.add(new MarkerEnclosure("t_e," + (i + 1), p.emergenceEnd(), floatingTaskEmergenceEnds[i]));
      markerTasks.add(i);
      markerTasks.add(i);
    }
    for (int k = 0; k < markers.size(); k++) {
      MarkerEnclosure m = markers.get(k);
      int task = markerTasks.get(k);
      holds &= m.inside();
      worst = Double.isNaN(m.position()) ? Double.NaN : Double.isNaN(worst) ? worst : Math.max(worst, m.position());
      if (m.enclosure().isPresent()) {
        Interval e = m.enclosure().get();
        String unique = "";
        if (task >= 0) {
          // Per-task markers: first crossings of L_i; the only one in the enclosure if L_i decreases there.
          unique = CrossingUniqueness.lossIsDecreasing(tube, c, init, task, e)
              ? " (the only crossing in it: L_i proved decreasing there)"
              : " (first crossing; L_i not proved decreasing in it, so not proved unique there)";
        }
        ev.add(ReducedRunChecks.fmt("%s: certified in [%.9g, %.9g] (width %.3g, %.2e relative)%s; floating point "
            + "%.9g, %s (position %.3f)", m.marker(), e.lo(), e.hi(), e.width(), e.width() / e.midpoint(), unique,
            m.floatingPoint(), m.inside() ? "inside" : "OUTSIDE", m.position()));
      } else {
        ev.add(ReducedRunChecks.fmt("%s: the tube does not certify the crossing (floating point %.9g)", m.marker(),
            m.floatingPoint()));
      }
    }
    Verdict v = Verdicts.of(CLAIM, runId, holds, worst, CLAIM.tolerance(), ev);
    return new Result(v, tasks, markers);
  }

  private static Result error(String runId, String why, List<String> evidence) {
    return new Result(Verdicts.error(CLAIM, runId, CLAIM.statement(), CLAIM.tolerance(), CLAIM.budget(), why,
        evidence), List.of(), List.of());
  }

  private static double maxWidth(List<Interval> box) {
    double w = 0;
    for (Interval i : box) {
      w = Math.max(w, i.width());
    }
    return w;
  }
}
