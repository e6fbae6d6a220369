package io.github.softmaxicl.checks;

import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks of the claims that one reduced-flow run can speak to (reduced model (reconstruction)): convergence to
 * the closed-form limit (P1), the three phases (P2), allocation (P3) and the saturation indicator (P7).
 */
public final class ReducedRunChecks {
  private ReducedRunChecks() {}

  /**
   * All per-run verdicts for a run from an initial state.
   *
   * @param runId e.g. {@code "paper-reduced"}
   * @param run the integrated run
   */
  public static List<Verdict> check(String runId, ReducedRun run) {
    List<Verdict> out = new ArrayList<>();
    ProblemConfig c = run.config();
    boolean servesAll = c.heads() >= c.tasks();
    if (servesAll) {
      out.add(convergence(runId, run));
      out.add(offTask(runId, run));
    }
    out.add(phases(runId, run));
    if (servesAll && c.tasks() >= 2) {
      out.add(inclination(runId, run));
    }
    if (servesAll) {
      out.add(allocation(runId, run));
    }
    out.add(saturation(runId, run));
    return out;
  }

  /** The claims {@link #check} gives verdicts on for a configuration, in the order of its verdicts. */
  public static List<Claim> claims(ProblemConfig c) {
    boolean servesAll = c.heads() >= c.tasks();
    List<Claim> out = new ArrayList<>();
    if (servesAll) {
      out.add(Claims.P1_CONVERGENCE);
      out.add(Claims.P1_OFF_TASK);
    }
    out.add(Claims.P2_PHASES);
    if (servesAll && c.tasks() >= 2) {
      out.add(Claims.P2_INCLINATION);
    }
    if (servesAll) {
      out.add(Claims.P3_ALLOCATION);
    }
    out.add(Claims.P7_SATURATION);
    return out;
  }

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** True if the allocation gives every task a different head. */
  static boolean oneHeadPerTask(int[] allocation) {
    for (int i = 0; i < allocation.length; i++) {
      for (int k = 0; k < i; k++) {
        if (allocation[i] == allocation[k]) {
          return false;
        }
      }
    }
    return true;
  }

  static Verdict convergence(String runId, ReducedRun run) {
    ProblemConfig c = run.config();
    int[] alloc = run.allocation();
    List<String> ev = new ArrayList<>();
    if (!oneHeadPerTask(alloc)) {
      ev.add("allocation " + java.util.Arrays.toString(alloc) + " is not one head per task");
      return Verdicts.of(Claims.P1_CONVERGENCE, runId, false, Double.POSITIVE_INFINITY,
          Claims.P1_CONVERGENCE.tolerance(), ev);
    }
    SpectralState s = run.finalState();
    double worst = Math.abs(run.fFinal() - run.fStar()) / run.fStar();
    ev.add(fmt("F(t_end) = %.12g, F* = %.12g, relative gap %.3g", run.fFinal(), run.fStar(), worst));
    for (int i = 0; i < c.tasks(); i++) {
      int h = alloc[i];
      double w = Math.sqrt(c.blockSize(i)) * s.omega(h, i);
      double m = s.mu(h, i) / ClosedForms.muStar(c, i);
      ev.add(fmt("task %d (head %d): sqrt(d_i) omega = %.12g, mu/mu* = %.12g", i + 1, h + 1, w, m));
      worst = Math.max(worst, Math.max(Math.abs(w - 1), Math.abs(m - 1)));
    }
    ev.add(fmt("velocity norm at t_end %.3e (balanced metric; the plain gradient tends to the off-task slopes g, "
        + "norm %.3e)", run.velocityNorm(), run.gradientNorm()));
    double tol = Claims.P1_CONVERGENCE.tolerance();
    return Verdicts.of(Claims.P1_CONVERGENCE, runId, worst <= tol, worst, tol, ev);
  }

  static Verdict offTask(String runId, ReducedRun run) {
    ProblemConfig c = run.config();
    int[] alloc = run.allocation();
    SpectralState s = run.finalState();
    double worst = 0;
    double worstOmegaT = 0;
    List<String> ev = new ArrayList<>();
    for (int i = 0; i < c.tasks(); i++) {
      for (int h = 0; h < c.heads(); h++) {
        if (h != alloc[i]) {
          worst = Math.max(worst, Math.abs(s.mu(h, i)) / ClosedForms.muStar(c, i));
          if (h < c.tasks()) {
            worstOmegaT = Math.max(worstOmegaT, Math.abs(s.omega(h, i)) * run.tEnd());
          }
        }
      }
    }
    ev.add(fmt("max off-task |mu| / mu* = %.3e at t_end = %.6g", worst, run.tEnd()));
    ev.add(fmt("off-task omega of serving heads decay like 1/t: max |omega| t_end = %.4g", worstOmegaT));
    if (c.heads() > c.tasks()) {
      ev.add("heads serving no task keep non-zero omega (they freeze; interval certificate finding)");
    }
    double tol = Claims.P1_OFF_TASK.tolerance();
    return Verdicts.of(Claims.P1_OFF_TASK, runId, worst < tol, worst, tol, ev);
  }

  static Verdict phases(String runId, ReducedRun run) {
    double tw = run.tWarmupEnd();
    double te = run.tEmergenceEnd();
    double[] half = run.halfSignalTimes();
    List<String> ev = new ArrayList<>();
    ev.add(fmt("t_w = %.6g, t_e = %.6g, half-signal times %s", tw, te, java.util.Arrays.toString(half)));
    if (!Double.isFinite(tw) || !Double.isFinite(te)) {
      ev.add("a phase marker was not reached by t_end = " + run.tEnd());
      return Verdicts.of(Claims.P2_PHASES, runId, false, Double.NaN, Claims.P2_PHASES.tolerance(), ev);
    }
    boolean ordered = true;
    for (double t : half) {
      ordered &= Double.isFinite(t) && tw < t && t <= te + run.eventTimeAccuracy();
    }
    if (!ordered) {
      ev.add("markers out of order: expected t_w < every half-signal time <= t_e");
    }
    double ratio = run.emergenceWindowRatio();
    double tol = Claims.P2_PHASES.tolerance();
    return Verdicts.of(Claims.P2_PHASES, runId, ordered && ratio < tol, ratio, tol, ev);
  }

  /** μ of head h on task h over its largest μ on another task (the head's inclination). */
  static double inclination(SpectralState s, int h) {
    double other = 0;
    for (int i = 0; i < s.tasks(); i++) {
      if (i != h) {
        other = Math.max(other, Math.abs(s.mu(h, i)));
      }
    }
    return Math.abs(s.mu(h, h)) / other;
  }

  static Verdict inclination(String runId, ReducedRun run) {
    double tw = run.tWarmupEnd();
    if (!Double.isFinite(tw)) {
      return Verdicts.error(Claims.P2_INCLINATION, runId, "warm-up end not reached");
    }
    // The recorder stores the event state itself at t_w; a trajectory without it is an error, not a guess.
    SpectralState atTw = null;
    for (TrajectorySample sample : run.trajectory()) {
      if (sample.t() == tw) {
        atTw = sample.state();
        break;
      }
    }
    if (atTw == null) {
      return Verdicts.error(Claims.P2_INCLINATION, runId, "no trajectory sample at the warm-up event t_w = " + tw);
    }
    SpectralState at0 = run.init();
    int favoured = Math.min(run.config().heads(), run.config().tasks());
    double worst = Double.POSITIVE_INFINITY;
    List<String> ev = new ArrayList<>();
    for (int h = 0; h < favoured; h++) {
      double growth = inclination(atTw, h) / inclination(at0, h);
      worst = Math.min(worst, growth);
      ev.add(fmt("head %d: inclination %.4g at t = 0, %.4g at t_w: grew x%.4g", h + 1, inclination(at0, h),
          inclination(atTw, h), growth));
    }
    double tol = Claims.P2_INCLINATION.tolerance();
    return Verdicts.of(Claims.P2_INCLINATION, runId, worst >= tol, worst, tol, ev);
  }

  /** The head MODEL.md §6 predicts for each task: for equal ω(0), the head with the largest μ_i^h(0). */
  public static int[] predictedAllocation(SpectralState init) {
    int[] out = new int[init.tasks()];
    for (int i = 0; i < out.length; i++) {
      int best = 0;
      for (int h = 1; h < init.heads(); h++) {
        if (init.mu(h, i) > init.mu(best, i)) {
          best = h;
        }
      }
      out[i] = best;
    }
    return out;
  }

  static Verdict allocation(String runId, ReducedRun run) {
    int[] predicted = predictedAllocation(run.init());
    int[] got = run.allocation();
    int wrong = 0;
    for (int i = 0; i < got.length; i++) {
      wrong += got[i] == predicted[i] ? 0 : 1;
    }
    List<String> ev = new ArrayList<>();
    ev.add("allocation (head per task, 1-based) " + oneBased(got) + ", predicted " + oneBased(predicted));
    boolean holds = wrong == 0 && oneHeadPerTask(got);
    return Verdicts.of(Claims.P3_ALLOCATION, runId, holds, wrong, 0, ev);
  }

  static String oneBased(int[] a) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < a.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(a[i] + 1);
    }
    return sb.append(']').toString();
  }

  static Verdict saturation(String runId, ReducedRun run) {
    ProblemConfig c = run.config();
    double max = 0;
    double at = 0;
    for (TrajectorySample sample : run.trajectory()) {
      for (int h = 0; h < c.heads(); h++) {
        double q = ClosedForms.sharpness(c, sample.state(), h);
        if (q > max) {
          max = q;
          at = sample.t();
        }
      }
    }
    double lnL = Math.log(c.promptLength());
    double measured = max / lnL;
    List<String> ev = new ArrayList<>();
    ev.add(fmt("max sharpness sum_j d_j omega_j^2 = %.6g at t = %.4g; ln L = %.4g; effective attended tokens "
        + ">= %.4g of L = %d", max, at, lnL, c.promptLength() * Math.exp(-max), c.promptLength()));
    double tol = Claims.P7_SATURATION.tolerance();
    return Verdicts.of(Claims.P7_SATURATION, runId, measured <= tol, measured, tol, ev);
  }
}
