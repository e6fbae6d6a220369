package io.github.softmaxicl.checks;

import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.validated.AllocationMargin;
import io.github.softmaxicl.numerics.validated.LossCrossing;
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
 * Claim P3-proof: on a validated tube of the reduced flow (the one P2-proof uses) that reaches past the
 * floating-point t_e, every task's serving head is certified by {@link AllocationMargin} (a positive interval
 * margin on every step box from a certified time T_i to the tube's end) and equals the floating-point run's
 * allocation. A tube that stopped early, or does not itself certify the end of emergence t_e (before it the
 * margin says nothing about the limit), is an error; a task without a certified head, or with a different
 * floating-point head, is a fail.
 * Measured: the number of such tasks (exact count, threshold 0). Reduced model (reconstruction).
 */
public final class AllocationProofCheck {
  private AllocationProofCheck() {}

  private static final Claim CLAIM = Claims.P3_PROOF;

  /**
   * A verdict with the per-task allocations behind it (empty when the tube was incomplete).
   *
   * @param verdict the claim's verdict
   * @param tasks per task, the certified head, T_i and margins
   */
  public record Result(Verdict verdict, List<AllocationMargin.TaskAllocation> tasks) {
    /** Copies the list. */
    public Result {
      tasks = List.copyOf(tasks);
    }
  }

  /** The verdict for a floating-point run and the tube proved from its exact init. */
  public static Result check(String runId, ReducedRun run, ValidatedTube tube) {
    return check(runId, run.config(), run.init(), run.allocation(), tube);
  }

  /**
   * The verdict from the parts: the configuration and start the tube was proved from, the floating-point
   * allocation (head of each task, from 0), and the tube.
   */
  public static Result check(String runId, ProblemConfig c, SpectralState init, int[] floatingAllocation,
      ValidatedTube tube) {
    List<String> ev = new ArrayList<>();
    ev.add(ReducedRunChecks.fmt("validated tube: %d steps to t = %.6g (requested %.6g)", tube.steps().size(),
        tube.reached(), tube.requestedEnd()));
    if (!tube.complete()) {
      return error(runId, "the validated integration stopped at t = " + tube.reached() + ": "
          + tube.stopReason().orElse(""), ev);
    }
    // The tube itself must prove emergence over (not the floating-point t_e, which a caller could misstate):
    // before it, the paper init's favoured heads lead by construction and the margin says nothing about the limit.
    Optional<Interval> te = LossCrossing.phaseTimes(tube, c, init).emergenceEnd();
    if (te.isEmpty()) {
      return error(runId, "the tube (to t = " + tube.reached() + ") does not certify the end of emergence t_e: "
          + "the allocation is certified only on a tube past it", ev);
    }
    ev.add(ReducedRunChecks.fmt("certified t_e in [%.9g, %.9g], before the tube's end", te.get().lo(),
        te.get().hi()));
    if (floatingAllocation.length != c.tasks()) {
      return error(runId, "the floating-point allocation names " + floatingAllocation.length + " heads for "
          + c.tasks() + " tasks", ev);
    }
    List<AllocationMargin.TaskAllocation> tasks = new ArrayList<>();
    int wrong = 0;
    for (int i = 0; i < c.tasks(); i++) {
      AllocationMargin.TaskAllocation a = AllocationMargin.certify(tube, c, init, i);
      tasks.add(a);
      int fp = floatingAllocation[i];
      if (a.head().isPresent()) {
        int h = a.head().getAsInt();
        boolean agrees = h == fp;
        wrong += agrees ? 0 : 1;
        ev.add(ReducedRunChecks.fmt("task %d: certified head %d from T = %.6g to the tube's end t = %.6g, minimum "
            + "margin %.3e (at the end %.3e); floating-point head %d, %s", i + 1, h + 1, a.from(), tube.reached(),
            a.minimumMargin(), a.finalMargin(), fp + 1, agrees ? "agrees" : "DIFFERS"));
      } else {
        wrong++;
        ev.add(ReducedRunChecks.fmt("task %d: no head has a certified positive margin on the tube's last box "
            + "(floating-point head %d)", i + 1, fp + 1));
      }
    }
    Verdict v = Verdicts.of(CLAIM, runId, wrong == 0, wrong, CLAIM.tolerance(), ev);
    return new Result(v, tasks);
  }

  private static Result error(String runId, String why, List<String> evidence) {
    return new Result(Verdicts.error(CLAIM, runId, CLAIM.statement(), CLAIM.tolerance(), CLAIM.budget(), why,
        evidence), List.of());
  }
}
