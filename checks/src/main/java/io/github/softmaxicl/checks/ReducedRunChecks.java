package io.github.softmaxicl.checks;

import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.Instance;
import io.github.softmaxicl.theory.WarmupTimes;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Checks of the claims that one reduced-flow run can speak to (reduced model (reconstruction)): convergence to
 * the closed-form limit (P1), the three phases (P2), allocation (P3) and the saturation indicator (P7).
 */
public final class ReducedRunChecks {
  private ReducedRunChecks() {}

  /**
   * All per-run verdicts for a run, one per claim of {@link #claims()}, in that order. A claim whose hypotheses fail
   * on {@code instance} gets a not-applicable verdict naming the hypothesis; it is neither passed nor failed.
   *
   * @param runId e.g. {@code "paper-reduced"}
   * @param run the integrated run
   * @param instance the run's configuration, start, horizon and predicted warm-up times
   * @param reference the independent computations the P2 checks compare with (empty if they could not be
   *     computed: then the P2 verdicts are errors, never passes)
   */
  public static List<Verdict> check(String runId, ReducedRun run, Instance instance,
      Optional<PhaseReference> reference) {
    return check(runId, run, instance, reference, () -> saturation(runId, run));
  }

  /**
   * As {@link #check(String, ReducedRun, Instance, Optional)}, with P7-saturation read on {@code tight}, the same
   * flow integrated at a tighter tolerance ({@link #saturation(String, ReducedRun, ReducedRun)}); empty if that
   * integration failed, and P7-saturation is then an error, never a pass.
   */
  public static List<Verdict> check(String runId, ReducedRun run, Instance instance,
      Optional<PhaseReference> reference, Optional<ReducedRun> tight) {
    return check(runId, run, instance, reference, () -> tight.isPresent() ? saturation(runId, run, tight.get())
        : Verdicts.error(Claims.P7_SATURATION, runId, "the tighter integration behind the overshoot failed"));
  }

  /** The verdicts, with P7-saturation's (only computed when the claim applies) from {@code saturation}. */
  private static List<Verdict> check(String runId, ReducedRun run, Instance instance,
      Optional<PhaseReference> reference, Supplier<Verdict> saturation) {
    List<Verdict> out = new ArrayList<>();
    for (Claim claim : claims()) {
      Optional<String> why = claim.notApplicableBecause(instance);
      if (why.isPresent()) {
        out.add(Verdicts.notApplicable(claim, runId, why.get()));
        continue;
      }
      if (claim == Claims.P1_CONVERGENCE) {
        out.add(convergence(runId, run));
      } else if (claim == Claims.P1_OFF_TASK) {
        out.add(offTask(runId, run));
      } else if (claim == Claims.P2_PHASES) {
        out.add(phases(runId, run, instance.warmup()));
      } else if (claim == Claims.P3_ALLOCATION) {
        out.add(allocation(runId, run));
      } else if (claim == Claims.P7_SATURATION) {
        out.add(saturation.get());
      } else if (reference.isEmpty()) {
        out.add(Verdicts.error(claim, runId, "the reference computation of the warm-up prediction failed"));
      } else if (claim == Claims.P2_EMERGENCE) {
        out.add(emergence(runId, run, instance.warmup(), reference.get().halfScale()));
      } else {
        out.add(inclination(runId, run, reference.get()));
      }
    }
    return out;
  }

  /** The claims {@link #check} gives verdicts on, in the order of its verdicts (the same for every run). */
  public static List<Claim> claims() {
    return List.of(Claims.P1_CONVERGENCE, Claims.P1_OFF_TASK, Claims.P2_PHASES, Claims.P2_EMERGENCE,
        Claims.P2_INCLINATION, Claims.P3_ALLOCATION, Claims.P7_SATURATION);
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

  /**
   * P1-convergence. The closed form is the t → ∞ value; at t_end the serving heads' off-task ω are still decaying,
   * only like 1/t (MODEL.md §6), and their residual sharpness s_h = Σ_{j≠i} d_j (ω_j^h)² raises the head's
   * attention factor E_hh = exp(Σ_j d_j (ω_j^h)²) above e, which moves the on-task μ and F at first order in s
   * ({@link ClosedForms#muAtAttention}): on blocks of size 2 that shift was 1.2e-6 at t_end = 3·10⁴, over the
   * tolerance, while the flow sat on the moved point to 1e-10. So the state is compared with the closed form at the
   * measured E_hh (exact for any E; it is μ_i*, F* at E = e), and the remaining distance to the s = 0 closed form
   * must be the tail's own: every s_h must be decaying (smaller at t_end than at a quarter of it, or at twice the
   * last emergence end if that is later; it falls like 1/t²). Both distances are in the evidence.
   */
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
    // The tail is compared with itself at a quarter of the horizon, or at twice the last emergence end if that is
    // later (before it the off-task omega are still rising with the warm-up).
    double lastEmergence = 0;
    for (double te : run.markers().taskEmergenceEnds()) {
      lastEmergence = Math.max(lastEmergence, Double.isFinite(te) ? te : run.tEnd());
    }
    double tRef = Math.max(run.tEnd() / 4, 2 * lastEmergence);
    SpectralState quarter = stateAtOrBefore(run, tRef);
    double[] attention = new double[c.tasks()];
    double fAt = 0;
    for (int i = 0; i < c.tasks(); i++) {
      attention[i] = ClosedForms.attentionFactor(c, s, alloc[i]);
      fAt += ClosedForms.taskLossAtAttention(c, i, attention[i]);
    }
    fAt /= c.tasks();
    double worst = Math.abs(run.fFinal() - fAt) / fAt;
    ev.add(fmt("F(t_end) = %.12g against %.12g at the measured attention factors (relative gap %.3g); F* = %.12g "
        + "(closed form, relative gap %.3g)", run.fFinal(), fAt, worst, run.fStar(),
        Math.abs(run.fFinal() - run.fStar()) / run.fStar()));
    boolean decaying = true;
    for (int i = 0; i < c.tasks(); i++) {
      int h = alloc[i];
      double tail = ClosedForms.offTaskSharpness(c, s, h, i);
      double tailBefore = ClosedForms.offTaskSharpness(c, quarter, h, i);
      double w = Math.sqrt(c.blockSize(i)) * s.omega(h, i);
      double m = s.mu(h, i) / ClosedForms.muAtAttention(c, i, attention[i]);
      double mStar = s.mu(h, i) / ClosedForms.muStar(c, i);
      ev.add(fmt("task %d (head %d): sqrt(d_i) omega = %.12g, mu / mu(E_hh) = %.12g, mu/mu* = %.12g; the head's "
          + "off-task sharpness %.3e at t_end (%.3e at t = %.4g)", i + 1, h + 1, w, m, mStar, tail, tailBefore,
          tRef));
      worst = Math.max(worst, Math.max(Math.abs(w - 1), Math.abs(m - 1)));
      if (tRef < run.tEnd() && tail > 0 && !(tail < tailBefore)) {
        decaying = false;
        ev.add(fmt("task %d (head %d): the off-task sharpness is not decaying, so the flow is not approaching "
            + "the closed form", i + 1, h + 1));
      }
    }
    ev.add(fmt("velocity norm at t_end %.3e (balanced metric; the plain gradient tends to the off-task slopes g, "
        + "norm %.3e)", run.velocityNorm(), run.gradientNorm()));
    double tol = Claims.P1_CONVERGENCE.tolerance();
    return Verdicts.of(Claims.P1_CONVERGENCE, runId, decaying && worst <= tol, worst, tol, ev);
  }

  /** The last recorded state at or before {@code t} (the first sample if none is). */
  static SpectralState stateAtOrBefore(ReducedRun run, double t) {
    List<TrajectorySample> samples = run.trajectory();
    SpectralState best = samples.isEmpty() ? run.init() : samples.get(0).state();
    for (TrajectorySample sample : samples) {
      if (sample.t() <= t) {
        best = sample.state();
      }
    }
    return best;
  }

  /**
   * The run's state at t_end with each serving head's on-task μ moved from the closed form at the measured
   * attention factor to the closed form at e ({@link ClosedForms#muAtAttention}): the first-order removal of the
   * off-task ω tail that {@link #convergence} explains, i.e. the flow's estimate of its own limit. Used where the
   * limit, not the state at a finite time, must lie in a small box (P1-certificate).
   */
  static SpectralState limitEstimate(ReducedRun run) {
    ProblemConfig c = run.config();
    SpectralState s = run.finalState();
    double[][] mu = s.muArray();
    int[] alloc = run.allocation();
    for (int i = 0; i < c.tasks() && i < alloc.length; i++) {
      int h = alloc[i];
      mu[h][i] *= ClosedForms.muStar(c, i) / ClosedForms.muAtAttention(c, i, ClosedForms.attentionFactor(c, s, h));
    }
    return SpectralState.of(s.omegaArray(), mu);
  }

  /**
   * P1-off-task, measured in log10: the largest off-task log10(|μ_i^h| / μ_i*) at t_end, read from the flow's log
   * coordinates ({@link ReducedRun#logAbsMuFinal}); |μ| itself underflows to 0 long before t_end, which would make
   * every run measure the same uninformative 0. Threshold log10 of the claim's tolerance.
   */
  static Verdict offTask(String runId, ReducedRun run) {
    ProblemConfig c = run.config();
    int[] alloc = run.allocation();
    SpectralState s = run.finalState();
    double[][] logMu = run.logAbsMuFinal();
    double worst = Double.NEGATIVE_INFINITY;
    double worstOmegaT = 0;
    int pairs = 0;
    List<String> ev = new ArrayList<>();
    for (int i = 0; i < c.tasks(); i++) {
      double logMuStar = StrictMath.log(ClosedForms.muStar(c, i));
      for (int h = 0; h < c.heads(); h++) {
        if (h != alloc[i]) {
          pairs++;
          worst = Math.max(worst, (logMu[h][i] - logMuStar) / StrictMath.log(10));
          if (h < c.tasks()) {
            worstOmegaT = Math.max(worstOmegaT, Math.abs(s.omega(h, i)) * run.tEnd());
          }
        }
      }
    }
    if (pairs == 0) {
      return Verdicts.notApplicable(Claims.P1_OFF_TASK, runId, "no off-task pair: H = " + c.heads() + ", n = "
          + c.tasks());
    }
    ev.add(fmt("max off-task log10(|mu| / mu*) = %.6g at t_end = %.6g (from the log coordinates)", worst,
        run.tEnd()));
    ev.add(fmt("off-task omega of serving heads decay like 1/t: max |omega| t_end = %.4g", worstOmegaT));
    if (c.heads() > c.tasks()) {
      ev.add("heads serving no task keep non-zero omega (they freeze; interval certificate finding)");
    }
    double tol = StrictMath.log10(Claims.P1_OFF_TASK.tolerance());
    return Verdicts.of(Claims.P1_OFF_TASK, runId, worst < tol, worst, tol, ev);
  }

  /** τ_i plus the marker and T_i time errors: the budget of |t_half,i − T_i| (docs/P2-PHASES.md §2). */
  static double halfSignalBudget(ReducedRun run, WarmupTimes w, int task) {
    return w.tau(task) + Claims.P2_TIME_REL_ERROR * w.blowUp(task) + 2 * run.eventTimeAccuracy();
  }

  static Verdict phases(String runId, ReducedRun run, WarmupTimes w) {
    double[] half = run.markers().halfSignal();
    double[] tw = run.markers().taskWarmupEnds();
    double[] te = run.markers().taskEmergenceEnds();
    double acc = run.eventTimeAccuracy();
    List<String> ev = new ArrayList<>();
    ev.add(fmt("global markers (F of all tasks; they bracket the tasks' emergences): t_w = %.6g, t_e = %.6g",
        run.markers().warmupEnd(), run.markers().emergenceEnd()));
    boolean ordered = true;
    double worst = 0;
    for (int i = 0; i < half.length; i++) {
      boolean ok = tw[i] < half[i] && half[i] <= te[i] + acc;
      ordered &= ok;
      double dev = Math.abs(half[i] - w.blowUp(i)) / halfSignalBudget(run, w, i);
      worst = Double.isNaN(dev) ? Double.NaN : Math.max(worst, dev);
      ev.add(fmt("task %d: t_w,i = %.6g < t_half,i = %.6g <= t_e,i = %.6g %s; predicted warm-up T_i = %.6g, "
          + "|t_half,i - T_i| = %.3g against tau_i = %.3g (%.3g of the budget)", i + 1, tw[i], half[i], te[i],
          ok ? "(in order)" : "NOT IN ORDER", w.blowUp(i), Math.abs(half[i] - w.blowUp(i)), w.tau(i), dev));
    }
    if (!ordered) {
      ev.add("markers out of order (or not reached by t_end = " + run.tEnd() + "): expected t_w,i < t_half,i <= "
          + "t_e,i for every task");
    }
    return Verdicts.of(Claims.P2_PHASES, runId, ordered && worst <= 1.0, worst, 1.0, ev);
  }

  static Verdict emergence(String runId, ReducedRun run, WarmupTimes w, ReducedRun halfScale) {
    double[] tw = run.markers().taskWarmupEnds();
    double[] te = run.markers().taskEmergenceEnds();
    double[] tw2 = halfScale.markers().taskWarmupEnds();
    double[] te2 = halfScale.markers().taskEmergenceEnds();
    List<String> ev = new ArrayList<>();
    ev.add("start scaled by 1/2: the warm-up doubles, the emergence window W_i = t_e,i - t_w,i stays");
    double worst = 0;
    for (int i = 0; i < tw.length; i++) {
      double window = te[i] - tw[i];
      double window2 = te2[i] - tw2[i];
      double budget = Claims.P2_WINDOW_CONSTANT * w.relativeTau(i) + 4 * run.eventTimeAccuracy() / window;
      double dev = Math.abs(window2 / window - 1) / budget;
      worst = Double.isNaN(dev) ? Double.NaN : Math.max(worst, dev);
      ev.add(fmt("task %d: W_i = %.6g (W_i/t_w,i = %.3g), at half scale %.6g (W_i/t_w,i = %.3g): relative change "
          + "%.3g, budget %.3g; t_w,i grew x%.4f", i + 1, window, window / tw[i], window2, window2 / tw2[i],
          window2 / window - 1, budget, tw2[i] / tw[i]));
    }
    return Verdicts.of(Claims.P2_EMERGENCE, runId, worst <= 1.0, worst, 1.0, ev);
  }

  /** μ of the favourite head over the largest μ of another head, on one task (the task's inclination). */
  static double inclination(double[] mu, int favourite) {
    double other = 0;
    for (int h = 0; h < mu.length; h++) {
      if (h != favourite) {
        other = Math.max(other, Math.abs(mu[h]));
      }
    }
    return Math.abs(mu[favourite]) / other;
  }

  static double[] muOfTask(SpectralState s, int task) {
    double[] mu = new double[s.heads()];
    for (int h = 0; h < mu.length; h++) {
      mu[h] = s.mu(h, task);
    }
    return mu;
  }

  static Verdict inclination(String runId, ReducedRun run, PhaseReference reference) {
    double[] tw = run.markers().taskWarmupEnds();
    int[] favourite = predictedAllocation(run.init());
    double worst = 0;
    List<String> ev = new ArrayList<>();
    for (int i = 0; i < tw.length; i++) {
      if (!Double.isFinite(tw[i])) {
        ev.add("task " + (i + 1) + ": its warm-up end was not reached by t_end = " + run.tEnd());
        return Verdicts.of(Claims.P2_INCLINATION, runId, false, Double.NaN, 1.0, ev);
      }
      // The recorder stores the event state itself at t_w,i; a trajectory without it is an error, not a guess.
      SpectralState atTw = null;
      for (TrajectorySample sample : run.trajectory()) {
        if (sample.t() == tw[i]) {
          atTw = sample.state();
          break;
        }
      }
      if (atTw == null) {
        return Verdicts.error(Claims.P2_INCLINATION, runId,
            "no trajectory sample at task " + (i + 1) + "'s warm-up end t_w,i = " + tw[i]);
      }
      double start = inclination(muOfTask(run.init(), i), favourite[i]);
      double flow = StrictMath.log(inclination(muOfTask(atTw, i), favourite[i]) / start);
      double predicted = StrictMath.log(inclination(reference.predictedMuAtWarmupEnd()[i], favourite[i]) / start);
      double dev = Math.abs(flow / predicted - 1) / Claims.P2_INCLINATION.tolerance();
      worst = Double.isNaN(dev) ? Double.NaN : Math.max(worst, dev);
      ev.add(fmt("task %d (head %d): inclination grew x%.4g by t_w,i = %.6g, predicted x%.4g by the "
          + "small-amplitude system: log-growth ratio %.4f", i + 1, favourite[i] + 1, StrictMath.exp(flow), tw[i],
          StrictMath.exp(predicted), flow / predicted));
    }
    return Verdicts.of(Claims.P2_INCLINATION, runId, worst <= 1.0 && worst >= 0, worst, 1.0, ev);
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

  /**
   * P7-saturation. The total sharpness's maximum along a converging flow is the limit's own d_i ω*² = 1, so
   * "max sharpness / ln L" was 1/ln L for every run; what a run can get wrong is the approach: a serving head that
   * overshoots its limit's on-task sharpness during emergence attends to fewer tokens than the limit anywhere in
   * the run. Measured: the largest on-task overshoot max_t max_i d_i (ω_i^{h(i)}(t))² − 1 over the recorded samples
   * (h(i) the final allocation), in units of its budget 2 × the P1-convergence tolerance: d ω² − 1 ≈ 2(√d ω − 1),
   * and √d ω is good to that tolerance at t_end (integrator global error and the off-task tail). The total
   * sharpness (with off-task ω, which decay like 1/t, and the frozen ω of heads serving no task) must also stay
   * within half of ln L, the exponential regime.
   */
  static Verdict saturation(String runId, ReducedRun run) {
    return saturation(runId, run, Optional.empty());
  }

  /**
   * P7-saturation measured on {@code tight}, the same flow integrated at a tighter tolerance, with the global error
   * of the run's overshoot estimated from the two: during emergence the flow expands errors by orders of magnitude
   * (blocks 11, 11, 2, 10, H 5, L 34, σ 0.3: an overshoot of 2.05e-6 at rtol 1e-10 is 4.6e-9 at 1e-12), so the
   * run's own overshoot can exceed a budget of 2e-6 through integrator error alone. The tight run's error is
   * estimated as the difference of the two overshoots scaled by the ratio of the tolerances (an error proportional
   * to the tolerance, Hairer, Nørsett and Wanner I, §II.4) and added to its overshoot: measured =
   * (max(0, overshoot_tight) + |overshoot − overshoot_tight| · rtol_tight / rtol) / budget. A real overshoot shows
   * in both runs and fails.
   */
  public static Verdict saturation(String runId, ReducedRun run, ReducedRun tight) {
    return saturation(runId, run, Optional.of(tight));
  }

  private static double[] overshoot(ReducedRun run, int[] alloc) {
    ProblemConfig c = run.config();
    double overshoot = Double.NEGATIVE_INFINITY;
    double overshootAt = 0;
    int overshootTask = 0;
    for (TrajectorySample sample : run.trajectory()) {
      SpectralState s = sample.state();
      for (int i = 0; i < c.tasks(); i++) {
        double w = s.omega(alloc[i], i);
        double over = c.blockSize(i) * w * w - 1;
        if (over > overshoot) {
          overshoot = over;
          overshootAt = sample.t();
          overshootTask = i;
        }
      }
    }
    return new double[] {overshoot, overshootAt, overshootTask};
  }

  private static Verdict saturation(String runId, ReducedRun run, Optional<ReducedRun> tight) {
    ProblemConfig c = run.config();
    int[] alloc = run.allocation();
    double budget = 2 * Claims.P1_CONVERGENCE.tolerance();
    double max = 0;
    double at = 0;
    for (TrajectorySample sample : run.trajectory()) {
      SpectralState s = sample.state();
      for (int h = 0; h < c.heads(); h++) {
        double q = ClosedForms.sharpness(c, s, h);
        if (q > max) {
          max = q;
          at = sample.t();
        }
      }
    }
    double[] loose = overshoot(run, alloc);
    double overshoot = loose[0];
    double errorAllowance = 0;
    String errorLine = "";
    if (tight.isPresent()) {
      double[] t = overshoot(tight.get(), alloc);
      double ratio = tight.get().relTol() / run.relTol();
      errorAllowance = Math.abs(loose[0] - t[0]) * ratio;
      errorLine = fmt("; the same flow at rtol %.0e: %.3e (t = %.4g), so the run's global error in it is about "
          + "%.2e and the tight run's about %.2e (scaled by the tolerance ratio), added to its overshoot",
          tight.get().relTol(), t[0], t[1], Math.abs(loose[0] - t[0]), errorAllowance);
      overshoot = t[0];
    }
    double lnL = StrictMath.log(c.promptLength());
    double measured = (Math.max(0, overshoot) + errorAllowance) / budget;
    boolean regime = max <= 0.5 * lnL;
    List<String> ev = new ArrayList<>();
    ev.add(fmt("largest on-task sharpness d_i omega_i^2 - 1 of a serving head: %.3e (task %d, head %d, t = %.4g); "
        + "budget 2 x %.0e", loose[0], (int) loose[2] + 1, alloc[(int) loose[2]] + 1, loose[1], budget / 2)
        + errorLine);
    ev.add(fmt("max total sharpness sum_j d_j omega_j^2 = %.6g at t = %.4g; half of ln L = %.4g%s; effective "
        + "attended tokens >= %.4g of L = %d", max, at, 0.5 * lnL, regime ? "" : " [outside the exponential regime]",
        c.promptLength() * StrictMath.exp(-max), c.promptLength()));
    double tol = Claims.P7_SATURATION.tolerance();
    return Verdicts.of(Claims.P7_SATURATION, runId, measured <= tol && regime, measured, tol, ev);
  }
}
