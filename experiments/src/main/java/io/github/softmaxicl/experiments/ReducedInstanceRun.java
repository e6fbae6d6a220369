package io.github.softmaxicl.experiments;

import io.github.softmaxicl.checks.PhaseReference;
import io.github.softmaxicl.checks.ReducedRunChecks;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowProgress;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.reduced.WarmupPredictor;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Instance;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.WarmupTimes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The per-run claims of one reduced-flow instance (configuration, start, horizon): predicts the warm-up from the
 * start, evaluates the claims' hypotheses, integrates the flow, computes the P2 references (the run from half the
 * start, the small-amplitude prediction at each t_w,i) where a P2 claim applies, and hands everything to
 * {@link ReducedRunChecks}. Shared by the per-configuration runs and the configuration property.
 */
final class ReducedInstanceRun {
  private ReducedInstanceRun() {}

  /** The instance's run (empty if every claim was not applicable and nothing was integrated) and verdicts. */
  record Result(Instance instance, Optional<ReducedRun> run, List<Verdict> verdicts) {}

  /** The instance of a start: the warm-up prediction, or +∞ times where it cannot be made (a non-positive start). */
  static Instance instance(ProblemConfig c, SpectralState init, double tEnd) {
    WarmupTimes w;
    try {
      w = WarmupPredictor.predict(c, init);
    } catch (IllegalArgumentException e) {
      double[] inf = new double[c.tasks()];
      Arrays.fill(inf, Double.POSITIVE_INFINITY);
      w = new WarmupTimes(inf, inf);
    }
    return new Instance(c, init, tEnd, w);
  }

  /**
   * Runs the instance.
   *
   * @param skipIfNoneApplies when every per-run claim is not applicable, return their verdicts without integrating
   * @throws ReducedFlowFailure if the main run fails numerically (the caller reports it)
   */
  static Result run(String id, ProblemConfig c, SpectralState init, double tEnd, ReducedFlowProgress progress,
      boolean skipIfNoneApplies) {
    Instance instance = instance(c, init, tEnd);
    if (skipIfNoneApplies) {
      List<Verdict> na = new ArrayList<>();
      for (Claim claim : ReducedRunChecks.claims()) {
        claim.notApplicableBecause(instance).ifPresent(why -> na.add(Verdicts.notApplicable(claim, id, why)));
      }
      if (na.size() == ReducedRunChecks.claims().size()) {
        return new Result(instance, Optional.empty(), na);
      }
    }
    ReducedRun run = ReducedFlowRunner.run(c, init, tEnd, ReducedFlowOptions.defaults(), progress);
    Optional<PhaseReference> reference = Optional.empty();
    if (needsReference(instance)) {
      reference = reference(c, init, instance.warmup(), run);
    }
    Optional<ReducedRun> tight = Optional.empty();
    if (Claims.P7_SATURATION.notApplicableBecause(instance).isEmpty()) {
      // P7-saturation reads the overshoot on a second integration 100 times tighter, with the run's global error
      // estimated from the two (ReducedRunChecks.saturation): milliseconds per run. Empty if it fails: an error.
      ReducedFlowOptions o = ReducedFlowOptions.defaults();
      try {
        tight = Optional.of(ReducedFlowRunner.run(c, init, tEnd, o.withTolerances(
            SATURATION_TOLERANCE_FACTOR * o.relTol(), SATURATION_TOLERANCE_FACTOR * o.absTol())));
      } catch (ReducedFlowFailure e) {
        tight = Optional.empty();
      }
    }
    return new Result(instance, Optional.of(run), ReducedRunChecks.check(id, run, instance, reference, tight));
  }

  /** Tolerance factor of the second integration behind P7-saturation. */
  static final double SATURATION_TOLERANCE_FACTOR = 0.01;

  private static boolean needsReference(Instance instance) {
    for (Claim claim : ReducedRunChecks.claims()) {
      if (claim.notApplicableBecause(instance).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The P2 references; empty if the half-scale run fails numerically (the P2 checks then report an error). The
   * half-scale run's warm-up is twice as long (the small-amplitude system is scale-free), so it runs to 3 × 2
   * max T_i: past every emergence.
   */
  private static Optional<PhaseReference> reference(ProblemConfig c, SpectralState init, WarmupTimes w,
      ReducedRun run) {
    double[] tw = run.markers().taskWarmupEnds();
    double[][] predicted = new double[c.tasks()][];
    for (int i = 0; i < predicted.length; i++) {
      if (Double.isFinite(tw[i]) && tw[i] < w.blowUp(i)) {
        predicted[i] = WarmupPredictor.muAt(c, init, i, tw[i]);
      } else {
        predicted[i] = new double[c.heads()];
        Arrays.fill(predicted[i], Double.NaN);
      }
    }
    try {
      ReducedRun half = ReducedFlowRunner.run(c, init.scaled(0.5), 6 * w.latest(), ReducedFlowOptions.defaults());
      return Optional.of(new PhaseReference(half, predicted));
    } catch (ReducedFlowFailure e) {
      return Optional.empty();
    }
  }
}
