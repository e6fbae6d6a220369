package io.github.softmaxicl.theory;

import java.util.Locale;
import java.util.Optional;

/**
 * The hypotheses the per-run claims rest on, as predicates on an {@link Instance} (reduced model
 * (reconstruction)). Each says why the claim needs it; its violation names the value that breaks it.
 */
public final class Hypotheses {
  private Hypotheses() {}

  /**
   * Largest τ_i/T_i for a "small" start. Every P2 prediction of docs/P2-PHASES.md has a relative error of order
   * τ_i/T_i (the time the O(1)-amplitude dynamics take, against the warm-up); above 0.05 the start is no longer
   * small: on {@code small} scaled by k = 8 (τ/T ≈ 0.05) the emergence window is already longer than the warm-up.
   */
  public static final double SMALL_START_MAX = 0.05;

  /**
   * The horizon must exceed the latest predicted warm-up by this factor, so the markers and the limit are reached
   * (docs/P2-PHASES.md §5: the convergence phase needs a multiple of the warm-up).
   */
  public static final double HORIZON_FACTOR = 4.0;

  /** H ≥ n: enough heads for one head per task. */
  public static final Hypothesis HEADS_COVER_TASKS = new Hypothesis("H >= n",
      "one head per task needs at least as many heads as tasks",
      in -> in.config().heads() >= in.config().tasks() ? Optional.empty()
          : Optional.of("H = " + in.config().heads() + " < n = " + in.config().tasks()));

  /** H ≥ 2: a task's inclination compares its serving head with another head. */
  public static final Hypothesis TWO_HEADS = new Hypothesis("H >= 2",
      "a task's inclination compares the head that serves it with another head",
      in -> in.config().heads() >= 2 ? Optional.empty() : Optional.of("H = " + in.config().heads()));

  /** Every ω(0), μ(0) > 0: the positive branch of the balanced flow (signs are kept, MODEL.md §5). */
  public static final Hypothesis POSITIVE_START = new Hypothesis("omega(0), mu(0) > 0",
      "the closed-form limit, the allocation rule and the warm-up prediction are for the positive branch",
      in -> {
        SpectralState s = in.init();
        for (int h = 0; h < s.heads(); h++) {
          for (int i = 0; i < s.tasks(); i++) {
            if (!(s.omega(h, i) > 0) || !(s.mu(h, i) > 0)) {
              return Optional.of(fmt("omega = %.3g, mu = %.3g at head %d, task %d", s.omega(h, i), s.mu(h, i),
                  h + 1, i + 1));
            }
          }
        }
        return Optional.empty();
      });

  /** Equal ω_i^h(0) over the heads, for every task: the allocation rule's case (MODEL.md §6). */
  public static final Hypothesis EQUAL_OMEGA = new Hypothesis("equal omega(0) over heads",
      "the allocation rule of MODEL.md §6 is stated for equal omega(0)",
      in -> {
        SpectralState s = in.init();
        for (int i = 0; i < s.tasks(); i++) {
          for (int h = 1; h < s.heads(); h++) {
            if (Math.abs(s.omega(h, i) - s.omega(0, i)) > 1e-12 * Math.abs(s.omega(0, i))) {
              return Optional.of(fmt("task %d: omega = %.6g at head 1, %.6g at head %d", i + 1, s.omega(0, i),
                  s.omega(h, i), h + 1));
            }
          }
        }
        return Optional.empty();
      });

  /** Smallest ratio of a task's largest μ(0) to its runner-up for a clear favourite. */
  public static final double FAVOURITE_MARGIN = 1.05;

  /**
   * Each task has a clear favourite head (largest μ_i^h(0), at least 5 % above the runner-up) and different tasks
   * have different favourites: when one head is favoured by two tasks the flow can stall on the sign-preserving
   * manifold above F* (measured), so neither the limit nor the allocation rule is claimed.
   */
  public static final Hypothesis DISTINCT_FAVOURITES = new Hypothesis("distinct favourite heads",
      "each task's largest mu(0) is on its own head, 5 % above the runner-up; a head favoured by two tasks can "
          + "stall the flow above F*",
      in -> {
        SpectralState s = in.init();
        int[] fav = new int[s.tasks()];
        for (int i = 0; i < fav.length; i++) {
          int best = 0;
          for (int h = 1; h < s.heads(); h++) {
            best = s.mu(h, i) > s.mu(best, i) ? h : best;
          }
          double runnerUp = 0;
          for (int h = 0; h < s.heads(); h++) {
            runnerUp = h == best ? runnerUp : Math.max(runnerUp, s.mu(h, i));
          }
          if (s.heads() > 1 && s.mu(best, i) < FAVOURITE_MARGIN * runnerUp) {
            return Optional.of(fmt("task %d: largest mu(0) %.4g is within 5 %% of the runner-up %.4g", i + 1,
                s.mu(best, i), runnerUp));
          }
          for (int k = 0; k < i; k++) {
            if (fav[k] == best) {
              return Optional.of(fmt("head %d is the favourite of tasks %d and %d", best + 1, k + 1, i + 1));
            }
          }
          fav[i] = best;
        }
        return Optional.empty();
      });

  /** τ_i/T_i ≤ {@link #SMALL_START_MAX} for every task: the start is small. */
  public static final Hypothesis SMALL_START = new Hypothesis("small start: tau_i/T_i <= " + SMALL_START_MAX,
      "the P2 predictions hold to relative order tau_i/T_i (docs/P2-PHASES.md)",
      in -> {
        for (int i = 0; i < in.config().tasks(); i++) {
          double r = in.warmup().relativeTau(i);
          if (!(r <= SMALL_START_MAX) || Double.isInfinite(in.warmup().blowUp(i))) {
            return Optional.of(fmt("task %d: tau/T = %.3g (T = %.4g, tau = %.4g)", i + 1, r,
                in.warmup().blowUp(i), in.warmup().tau(i)));
          }
        }
        return Optional.empty();
      });

  /** t_end ≥ {@link #HORIZON_FACTOR} × the latest predicted warm-up T_i. */
  public static final Hypothesis LONG_ENOUGH = new Hypothesis("t_end >= " + HORIZON_FACTOR + " max_i T_i",
      "the run must reach every task's emergence and the convergence phase; T_i is predicted before integrating",
      in -> in.tEnd() >= HORIZON_FACTOR * in.warmup().latest() ? Optional.empty()
          : Optional.of(fmt("t_end = %.4g < %.4g (max T_i = %.4g)", in.tEnd(), HORIZON_FACTOR * in.warmup().latest(),
              in.warmup().latest())));

  /**
   * ln L ≥ 2: the limit's sharpness Σ_j d_j ω_j² is exactly 1 (MODEL.md §6), which is within half of ln L, the
   * exponential regime of the softmax, only if ln L ≥ 2.
   */
  public static final Hypothesis EXPONENTIAL_REGIME = new Hypothesis("ln L >= 2",
      "the limit's sharpness 1 must lie within half of ln L, the exponential regime of the softmax",
      in -> {
        double lnL = StrictMath.log(in.config().promptLength());
        return lnL >= 2 ? Optional.empty() : Optional.of(fmt("L = %d, ln L = %.3g", in.config().promptLength(), lnL));
      });

  static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
