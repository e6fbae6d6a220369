package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.comparison.Comparison;
import io.github.softmaxicl.numerics.comparison.FullVsReduced;
import io.github.softmaxicl.numerics.full.AdaptiveStep;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.PaperSgdProtocol;
import io.github.softmaxicl.numerics.full.Progress;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FullDynamicsChecks#technique} fed a computed comparison (the first rung of the quick P6 ladder: blocks
 * 1+1, L = 10, 1,024 symmetrised draws, criterion 7.5), and the same comparison deliberately falsified.
 */
class FullDynamicsChecksTest {
  private static Comparison computed;

  @BeforeAll
  static void compare() {
    ProblemConfig c = ProblemConfig.of(2, new int[] {1, 1}, 2, 10, 0.0, 1.0);
    int draws = 1024;
    double k = Math.max(1.0, 7.5 / (Initialisations.paper(c).omega(0, 0) * Math.sqrt(10.0 * draws)));
    ReducedRun guide = ReducedFlowRunner.run(c, Initialisations.paper(c, k), 3e4, ReducedFlowOptions.defaults());
    computed = FullVsReduced.compare(c, k, draws, 7L, 1.5 * guide.markers().emergenceEnd(),
        new FullVsReduced.Options().threads(1));
  }

  @Test
  void theComputedComparisonPasses() {
    Verdict v = FullDynamicsChecks.technique("t", computed);
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
  }

  @Test
  void aFullRunOffTheStructureFails() {
    Comparison broken = withFull(computed, offStructure(computed.full(), 1.0));
    Verdict v = FullDynamicsChecks.technique("t", broken);
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
  }

  @Test
  void aFactorOfTwoInTheFullFlowsTimeAxisFails() {
    // The full flow's half-signal times read on a time axis stretched by 2 (a relative deviation of about 1).
    // The old budget of this configuration was 1.83 (its 1/min d_i term alone was 1 for blocks of size 1) and
    // passed it; the time-averaged model error charges the moment and e/L terms only where omega is no longer
    // small, so the budget is 3 (sampling + tilt) + a few 1/L.
    Verdict v = FullDynamicsChecks.technique("t", withHalfSignalTimes(computed, 2.0));
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertTrue(v.measured() > 1.2, "measured " + v.measured());
  }

  @Test
  void theModelErrorOfBlocksOfSizeOneIsFarBelowItsLimitValue() {
    // At the limit e/L + 1/d_i = 1.27 for d_i = 1, L = 10; time-averaged over the run up to t_half it must be
    // at least the warm-up's 1/L and far below the limit value (most of t_half is spent with omega small).
    for (double m : FullDynamicsChecks.halfSignalModelError(computed.reduced())) {
      assertTrue(m >= 0.1 && m < 0.4, "model error " + m);
    }
  }

  @Test
  void sgdPassesItsOwnRunAndFailsATimeAxisStretchedByTwo() {
    PaperSgdProtocol protocol = PaperSgdProtocol.of(Preset.SMALL, 256, AdaptiveStep.of(0.01, 50, 1.05, 1.0), 10,
        200_000);
    PaperSgdProtocol.Result r = protocol.run(11L, 1, Progress.NONE);
    Verdict ok = FullDynamicsChecks.sgd("s", r);
    assertEquals(Verdict.Status.PASS, ok.status(), ok.evidence().toString());
    // The evidence states the largest relative deviation and each task's budget 3 delta + model error.
    double worst = 0;
    double delta = 0;
    double[] red = r.reduced().markers().halfSignal();
    for (int i = 0; i < red.length; i++) {
      worst = Math.max(worst, Math.abs(r.halfSignalTimes()[i] - red[i]) / red[i]);
      delta = Math.max(delta, r.deltaAchieved()[i]);
    }
    assertTrue(worst > 0 && delta > 0);
    assertTrue(ok.evidence().get(0).contains(ReducedRunChecks.fmt(": largest relative deviation %.3g; per-task "
        + "budget 3 delta + time-averaged model error = ", worst) + FullDynamicsChecks.budgets(3 * delta,
        FullDynamicsChecks.halfSignalModelError(r.reduced()))), ok.evidence().get(0));
    for (double factor : new double[] {2.0, 0.5}) {
      double[] scaled = r.halfSignalTimes().clone();
      for (int i = 0; i < scaled.length; i++) {
        scaled[i] *= factor;
      }
      PaperSgdProtocol.Result wrong = new PaperSgdProtocol.Result(r.sgd(), r.reduced(), scaled, r.sigmaPlain(),
          r.sigmaControlVariate(), r.deltaAchieved(), r.deltaWithoutControlVariate(), r.authorsPrompts());
      Verdict v = FullDynamicsChecks.sgd("s", wrong);
      assertEquals(Verdict.Status.FAIL, v.status(), factor + ": " + v.evidence());
    }
    // The budget is inclusive ("within the budget"): task 1's SGD time moved to a deviation 0.1 above its model
    // error, the other tasks' to the reduced times (deviation 0), and delta chosen so that 3 delta + model error
    // equals that deviation exactly in floating point: a pass at exactly 1; one delta step smaller, a fail.
    double[] model = FullDynamicsChecks.halfSignalModelError(r.reduced());
    double[] atBudget = red.clone();
    atBudget[0] = red[0] * (1 + model[0] + 0.1);
    double dev = Math.abs(atBudget[0] / red[0] - 1);
    double d = (dev - model[0]) / 3;
    for (int s = 0; s < 64 && 3 * d + model[0] != dev; s++) {
      d = 3 * d + model[0] < dev ? Math.nextUp(d) : Math.nextDown(d);
    }
    assertEquals(dev, 3 * d + model[0], "a delta whose budget is the deviation exactly");
    Verdict at = FullDynamicsChecks.sgd("s", withDelta(r, atBudget, d));
    assertEquals(Verdict.Status.PASS, at.status(), at.evidence().toString());
    assertEquals(1.0, at.measured());
    double below = Math.nextDown(d);
    while (!(3 * below + model[0] < dev)) {
      below = Math.nextDown(below);
    }
    Verdict over = FullDynamicsChecks.sgd("s", withDelta(r, atBudget, below));
    assertEquals(Verdict.Status.FAIL, over.status(), over.evidence().toString());
    assertTrue(over.measured() > 1, "measured " + over.measured());
  }

  /** The protocol's result with the given SGD half-signal times and every task's achieved delta set to delta. */
  private static PaperSgdProtocol.Result withDelta(PaperSgdProtocol.Result r, double[] half, double delta) {
    double[] deltas = r.deltaAchieved().clone();
    java.util.Arrays.fill(deltas, delta);
    return new PaperSgdProtocol.Result(r.sgd(), r.reduced(), half, r.sigmaPlain(), r.sigmaControlVariate(), deltas,
        r.deltaWithoutControlVariate(), r.authorsPrompts());
  }

  private static Comparison withHalfSignalTimes(Comparison c, double factor) {
    double[] scaled = c.fullHalfSignalTimes().clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= factor;
    }
    return new Comparison(c.config(), c.initScale(), c.draws(), c.seed(), c.criterion(), c.windowEnd(),
        c.maxOmegaDeviation(), c.maxMuDeviation(), c.fullAllocation(), c.reducedAllocation(), scaled,
        c.reducedHalfSignalTimes(), c.fullEmergenceEnd(), c.reducedEmergenceEnd(), c.budget(), c.full(),
        c.reduced());
  }

  private static Comparison withFull(Comparison c, FullRun full) {
    return new Comparison(c.config(), c.initScale(), c.draws(), c.seed(), c.criterion(), c.windowEnd(),
        c.maxOmegaDeviation(), c.maxMuDeviation(), c.fullAllocation(), c.reducedAllocation(),
        c.fullHalfSignalTimes(), c.reducedHalfSignalTimes(), c.fullEmergenceEnd(), c.reducedEmergenceEnd(),
        c.budget(), full, c.reduced());
  }

  private static FullRun offStructure(FullRun f, double offStructureNorm) {
    return new FullRun(
        f.config(), f.dynamics(), f.method(), f.relTol(), f.absTol(), f.batch(), f.seed(), f.initScale(),
        f.perturbation(), f.symmetrised(), f.prompts(), f.independentDraws(), f.tEnd(), f.f0(), f.fFinal(),
        f.fFresh(), f.fFreshSe(), f.fStar(), f.markers(), f.finalState(), offStructureNorm,
        f.trajectory(), f.evaluations(), f.lossEvaluations(), f.wallSeconds(), f.escapeTime(), f.escapeHead(),
        f.escapeTask(), f.saddleRatePredicted(), f.saddleRateMeasured());
  }
}
