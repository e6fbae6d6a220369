package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The full runs' stopping, marker, recording and caching rules at their ties, each on an input built to sit exactly
 * on the tie. Limits: σ = 0 makes F* scale with s² (μ*, ω* do not depend on it), so a limit whose F* (or whose level
 * F* + 0.01 (F(0) − F*)) equals a loss of the run bit for bit is found by stepping s² one ulp at a time from its
 * first guess. A limit at F(0) means there is nothing to fall: no emergence marker, no stop, no event watched; a
 * window exactly at the level is "at or below". Each test runs in well under 0.2 s.
 */
class LimitTieTest {
  private static final ProblemConfig C = SgdStepTest.C;
  private static final long SEED = 11L;

  /** A limit of C's shape (σ = 0) whose {@code of(F*)} is {@code target} exactly. */
  private static LimitPoint limitWhere(DoubleUnaryOperator of, double guessFStar, double target) {
    double s2 = guessFStar / LimitPoint.of(C).fStar();
    for (int i = 0; i < 400; i++) {
      LimitPoint l = LimitPoint.of(ProblemConfig.of(2, new int[] {1, 1}, 2, 4, 0.0, s2));
      double v = of.applyAsDouble(l.fStar());
      if (v == target) {
        return l;
      }
      s2 = v < target ? Math.nextUp(s2) : Math.nextDown(s2);
    }
    throw new AssertionError("no s² within 400 ulps gives " + target);
  }

  private static AttentionWeights start() {
    return Fixtures.randomWeights(C, 0.5, 3L);
  }

  private static StochasticGradientDescent.Options sgd() {
    return new StochasticGradientDescent.Options().batch(8).steps(12).rate(LearningRate.constant(0.2))
        .recordEvery(1).freshPrompts(8);
  }

  /**
   * F* = F(0) in the flow: no emergence detector is armed, so the run makes exactly the loss evaluations of a run
   * whose limit lies above F(0), and has no emergence marker. (An armed detector starting at g = 0 reads F once
   * more just after t = 0 to pick its sign, and at every check inside long steps.)
   */
  @Test
  void aFlowWhoseLimitIsItsStartWatchesNoEmergence() {
    try (FullModel m = new FullModel(C, 1)) {
      PromptSource sample = StoredPrompts.copyOf(PromptSampler.of(C, 5L, 6, false));
      FullRun ref = FullGradientFlow.run(m, sample, false, 6, start(), new FullGradientFlow.Options().tEnd(0.5)
          .fresh(2, 1L));
      double f0 = ref.f0();
      LimitPoint atStart = limitWhere(f -> f, f0, f0);
      assertEquals(f0, atStart.fStar());
      LimitPoint above = limitWhere(f -> f, 2 * f0, 2 * f0);
      FullRun tie = FullGradientFlow.run(m, sample, false, 6, start(), new FullGradientFlow.Options().tEnd(0.5)
          .fresh(2, 1L).limit(atStart));
      FullRun high = FullGradientFlow.run(m, sample, false, 6, start(), new FullGradientFlow.Options().tEnd(0.5)
          .fresh(2, 1L).limit(above));
      assertTrue(Double.isNaN(tie.markers().emergenceEnd()));
      assertEquals(high.lossEvaluations(), tie.lossEvaluations());
      assertEquals(high.trajectory().size(), tie.trajectory().size());
    }
  }

  /**
   * F* = F(0) in SGD: the windows fall below F(0), yet no emergence time is reported and a run asked to stop at
   * emergence runs all its steps.
   */
  @Test
  void sgdWhoseLimitIsItsStartHasNoEmergenceAndDoesNotStop() {
    try (FullModel m = new FullModel(C, 1)) {
      FullRun ref = StochasticGradientDescent.run(m, start(), SEED, sgd());
      double f0 = ref.f0();
      double lowest = Double.POSITIVE_INFINITY;
      for (TrajectorySample p : ref.trajectory()) {
        lowest = Math.min(lowest, p.loss());
      }
      assertTrue(lowest < f0, "the run falls below F(0)");
      LimitPoint atStart = limitWhere(f -> f, f0, f0);
      FullRun tie = StochasticGradientDescent.run(m, start(), SEED, sgd().limit(atStart).stopAtEmergence(true));
      assertTrue(Double.isNaN(tie.markers().emergenceEnd()));
      assertEquals(ref.trajectory().size(), tie.trajectory().size());
      assertEquals(ref.tEnd(), tie.tEnd());
    }
  }

  /** A window mean exactly at the level stops a run asked to stop at emergence: "at or below". */
  @Test
  void sgdStopsAtAWindowExactlyAtTheLevel() {
    try (FullModel m = new FullModel(C, 1)) {
      FullRun ref = StochasticGradientDescent.run(m, start(), SEED, sgd());
      double f0 = ref.f0();
      // The lowest window that is the first to be at or below itself, i.e. a new minimum, inside the run.
      int at = -1;
      double lowest = f0;
      for (int s = 1; s < ref.trajectory().size() - 1; s++) {
        if (ref.trajectory().get(s).loss() < lowest) {
          lowest = ref.trajectory().get(s).loss();
          at = s;
        }
      }
      assertTrue(at > 1, "a new minimum before the end at sample " + at);
      double target = lowest;
      LimitPoint limit = limitWhere(f -> f + 0.01 * (f0 - f), (target - 0.01 * f0) / 0.99, target);
      FullRun stopped = StochasticGradientDescent.run(m, start(), SEED, sgd().limit(limit).stopAtEmergence(true));
      assertEquals(at + 1, stopped.trajectory().size());
      assertEquals(ref.trajectory().get(at).t(), stopped.tEnd());
      assertEquals(ref.trajectory().get(at).t(), stopped.markers().emergenceEnd());
    }
  }

  /**
   * stopAfterHalfSignal = f stops at the first record with t ≥ latest · (1 + f), a record exactly there included:
   * f is stepped by ulps from t_s / latest − 1 until latest · (1 + f) is that record's time t_s (runs and half-signal
   * times as in SgdStepTest.aRunStopsHalfTheLatestHalfSignalTimeAfterIt).
   */
  @Test
  void aRecordExactlyAtTheHalfSignalStopStopsTheRun() {
    LimitPoint lp = LimitPoint.of(C);
    AttentionWeights low = AttentionWeights.decomposable(C, lp.state(new int[] {0, 1}, 0.0).scaled(0.6));
    try (FullModel m = new FullModel(C, 1)) {
      StochasticGradientDescent.Options o = new StochasticGradientDescent.Options().batch(16).steps(60)
          .rate(LearningRate.constant(0.2)).recordEvery(1).freshPrompts(2);
      FullRun ref = StochasticGradientDescent.run(m, low, SEED, o);
      double[] half = RunAnalysis.halfSignalTimes(ref.trajectory(), C);
      double latest = Math.max(half[0], half[1]);
      int stop = -1;
      for (int s = 1; s < ref.trajectory().size() && stop < 0; s++) {
        if (ref.trajectory().get(s).t() >= latest * 1.5) {
          stop = s;
        }
      }
      assertTrue(stop > 0 && stop < ref.trajectory().size() - 1, "stop at sample " + stop);
      double ts = ref.trajectory().get(stop).t();
      double f = ts / latest - 1;
      for (int i = 0; i < 400 && latest * (1 + f) != ts; i++) {
        f = latest * (1 + f) < ts ? Math.nextUp(f) : Math.nextDown(f);
      }
      assertEquals(ts, latest * (1 + f), "no f within 400 ulps puts the stop on the record");
      FullRun stopped = StochasticGradientDescent.run(m, low, SEED, new StochasticGradientDescent.Options()
          .batch(16).steps(60).rate(LearningRate.constant(0.2)).recordEvery(1).freshPrompts(2)
          .stopAfterHalfSignal(f));
      assertEquals(stop + 1, stopped.trajectory().size());
      assertEquals(ts, stopped.tEnd());
    }
  }

  /**
   * Recording a step end costs no forward pass: Dormand-Prince's last stage is evaluated at the step end itself, so
   * the loss of that gradient evaluation is the loss the record and the event detectors' checks there read. When
   * every step is at most the detectors' maximal check interval t_end / 10 (Hipparchus then reads g at the step end
   * only) and no event is located, the loss-only evaluations are three: F(0), and two that Hipparchus 4.0.2's
   * order of work forces once: it initialises the event detectors when it accepts the first step
   * (AbstractIntegrator.acceptStep), after that step's stages, so their reading of g at t = 0 finds the cache at the
   * first step's end and recomputes F(0), and the first step-end check then recomputes that end; the second
   * detector reads both from the cache, and so does every later check and record. Near the saddle (weights of scale 0.01)
   * F hardly moves over t ≤ 1, and tight tolerances keep the steps short; every step is recorded (the spacing
   * t_end / 1000 is below every step), so the record gives the steps.
   */
  @Test
  void recordedStepEndsReuseTheGradientEvaluationsLoss() {
    try (FullModel m = new FullModel(C, 1)) {
      PromptSource sample = StoredPrompts.copyOf(PromptSampler.of(C, 5L, 6, false));
      double tEnd = 1;
      FullRun r = FullGradientFlow.run(m, sample, false, 6, Fixtures.randomWeights(C, 0.01, 3L),
          new FullGradientFlow.Options().tEnd(tEnd).tolerances(1e-11, 1e-15).fresh(2, 1L));
      assertTrue(Double.isNaN(r.markers().warmupEnd()), "no warm-up event: " + r.markers().warmupEnd());
      double longest = 0;
      for (int s = 1; s < r.trajectory().size(); s++) {
        longest = Math.max(longest, r.trajectory().get(s).t() - r.trajectory().get(s - 1).t());
      }
      assertTrue(longest <= tEnd / 10, "longest step " + longest + " of " + (r.trajectory().size() - 1));
      assertTrue(r.trajectory().size() > 10, "steps: " + (r.trajectory().size() - 1));
      assertEquals(3, r.lossEvaluations(), "records " + r.trajectory().size() + ", gradients " + r.evaluations());
    }
  }

  /**
   * The record rules at their ends, on step ends that do not depend on the options changed: without an event the
   * step sequence of a flow is set by the tolerances and the start alone (t_end only caps a step, far above these),
   * and the recording does not steer the integrator. (1) A spacing equal to the first step end t_1 records t_1
   * (t_1 − 0 ≥ spacing). (2) A t_end with t_end (1 − 1e-12) = t_k exactly makes the step end t_k the run's end: it
   * is recorded although the spacing records nothing else, and so is t_end after the last, tiny step.
   */
  @Test
  void aStepEndExactlyOneSpacingOrAtTheEndToleranceIsRecorded() {
    try (FullModel m = new FullModel(C, 1)) {
      PromptSource sample = StoredPrompts.copyOf(PromptSampler.of(C, 5L, 6, false));
      AttentionWeights nearSaddle = Fixtures.randomWeights(C, 0.01, 3L);
      FullRun ref = FullGradientFlow.run(m, sample, false, 6, nearSaddle, new FullGradientFlow.Options().tEnd(1)
          .tolerances(1e-11, 1e-15).fresh(2, 1L));
      assertTrue(Double.isNaN(ref.markers().warmupEnd()) && ref.trajectory().size() > 10, "no event, many steps");
      double t1 = ref.trajectory().get(1).t();
      FullRun spaced = FullGradientFlow.run(m, sample, false, 6, nearSaddle, new FullGradientFlow.Options().tEnd(1)
          .tolerances(1e-11, 1e-15).fresh(2, 1L).recordSpacing(t1));
      assertEquals(t1, spaced.trajectory().get(1).t());
      double tk = ref.trajectory().get(5).t();
      double tEnd = tk / (1 - 1e-12);
      for (int i = 0; i < 400 && tEnd * (1 - 1e-12) != tk; i++) {
        tEnd = tEnd * (1 - 1e-12) < tk ? Math.nextUp(tEnd) : Math.nextDown(tEnd);
      }
      assertEquals(tk, tEnd * (1 - 1e-12), "no t_end within 400 ulps");
      FullRun atEnd = FullGradientFlow.run(m, sample, false, 6, nearSaddle, new FullGradientFlow.Options().tEnd(tEnd)
          .tolerances(1e-11, 1e-15).fresh(2, 1L).recordSpacing(10));
      assertEquals(3, atEnd.trajectory().size());
      assertEquals(tk, atEnd.trajectory().get(1).t());
      assertEquals(tEnd, atEnd.trajectory().get(2).t());
    }
  }
}
