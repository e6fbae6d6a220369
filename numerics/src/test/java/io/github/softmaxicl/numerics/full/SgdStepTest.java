package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.FullModelFailure;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link StochasticGradientDescent} and {@link SgdRun} on a tiny problem (d = 2, blocks 1 + 1, H = 2, L = 4, a
 * handful of prompts, a few steps), against the update θ ← θ − η ∇F_B(θ) written out by hand with the model's
 * own gradient on the batch the run must draw (seed derived from (seed, k)). Every comparison is bit for bit:
 * the hand computation does the same floating-point operations in the same order, so any other step, batch,
 * window mean or time sum differs. Each test runs in milliseconds (the tiny model costs microseconds per prompt).
 */
class SgdStepTest {
  static final ProblemConfig C = ProblemConfig.of(2, new int[] {1, 1}, 2, 4, 0.0, 1.0);
  private static final long SEED = 77L;

  /** Random weights of scale 0.5: far from every structure, so the gradient touches every entry. */
  private static AttentionWeights start() {
    return Fixtures.randomWeights(C, 0.5, 3L);
  }

  /** The hand-made SGD: {@code steps} plain steps of batch {@code draws}, rate {@code eta}; returns the weights. */
  private static AttentionWeights handSteps(FullModel m, AttentionWeights w0, int draws, double eta, int steps,
      boolean symmetrised, boolean controlVariate, List<Double> losses) {
    AttentionWeights w = w0;
    for (int k = 0; k < steps; k++) {
      LossAndGradient lg = m.lossAndGradient(w, PromptSampler.of(C, Seeds.derive(SEED, k), draws, symmetrised),
          controlVariate);
      losses.add(lg.loss());
      double[] flat = w.toFlat();
      double[] g = lg.gradient();
      for (int i = 0; i < flat.length; i++) {
        flat[i] -= eta * g[i];
      }
      w = AttentionWeights.fromFlat(C, flat);
    }
    return w;
  }

  private static void assertSameReadout(AttentionWeights w, TrajectorySample p) {
    SpectralReadout r = SpectralReadout.of(w);
    assertArrayEquals(r.state().omegaArray(), p.state().omegaArray());
    assertArrayEquals(r.state().muArray(), p.state().muArray());
    assertEquals(r.offStructureNorm(), p.offStructureNorm().orElseThrow());
  }

  @Test
  void oneStepIsTheHandComputedGradientStep() {
    double eta = 0.1;
    try (FullModel m = new FullModel(C, 1)) {
      SgdRun sgd = StochasticGradientDescent.runDetailed(m, start(), SEED, new StochasticGradientDescent.Options()
          .batch(5).steps(1).rate(LearningRate.constant(eta)).recordEvery(1).freshPrompts(9).start(2.5, 0.25));
      List<Double> losses = new ArrayList<>();
      AttentionWeights w1 = handSteps(m, start(), 5, eta, 1, false, false, losses);
      FullRun r = sgd.run();
      double f0 = MonteCarloLoss.estimate(m, start(), Seeds.derive(SEED, -1), 9).mean();
      MonteCarloLoss fresh = MonteCarloLoss.estimate(m, w1, Seeds.derive(SEED, -2), 9);
      assertEquals(f0, r.f0());
      assertEquals(losses.get(0), r.fFinal()); // the one window's mean of one mini-batch loss
      assertEquals(fresh.mean(), r.fFresh());
      assertEquals(fresh.standardError(), r.fFreshSe());
      assertEquals(eta, r.tEnd());
      assertEquals(2, r.trajectory().size());
      assertEquals(0.0, r.trajectory().get(0).t());
      assertEquals(f0, r.trajectory().get(0).loss());
      assertSameReadout(start(), r.trajectory().get(0));
      assertEquals(eta, r.trajectory().get(1).t());
      assertSameReadout(w1, r.trajectory().get(1));
      SpectralReadout end = SpectralReadout.of(w1);
      assertArrayEquals(end.state().muArray(), r.finalState().muArray());
      assertArrayEquals(end.state().omegaArray(), r.finalState().omegaArray());
      assertEquals(end.offStructureNorm(), r.offStructureNorm());
      // The record: the schedule in the method, no tolerances, batch, seed, start description, prompts used.
      assertEquals(Dynamics.SGD, r.dynamics());
      assertEquals("SGD constant eta=0.1", r.method());
      assertTrue(Double.isNaN(r.relTol()) && Double.isNaN(r.absTol()));
      assertEquals(5, r.batch());
      assertEquals(SEED, r.seed());
      assertEquals(2.5, r.initScale());
      assertEquals(0.25, r.perturbation());
      assertFalse(r.symmetrised());
      assertEquals(5, r.prompts());
      assertEquals(5, r.independentDraws());
      assertEquals(1, r.evaluations());
      assertEquals(2, r.lossEvaluations());
      assertEquals(LimitPoint.of(C).fStar(), r.fStar());
      assertEquals(1, sgd.steps());
      assertFalse(sgd.controlVariate());
      assertEquals(2, sgd.etaSamples());
      assertEquals(0.0, sgd.etaTime(0));
      assertTrue(Double.isNaN(sgd.eta(0)));
      assertEquals(0.0, sgd.sumEtaSquaredOverBatch(0));
      assertEquals(eta, sgd.etaTime(1));
      assertEquals(eta, sgd.eta(1));
      assertEquals(eta * eta / 5, sgd.sumEtaSquaredOverBatch(1));
      assertTrue(Double.isNaN(sgd.curvatureBound(1)));
    }
  }

  @Test
  void windowsAverageTheirMiniBatchLossesAndTimeIsTheSumOfRates() {
    // Piecewise rates 0.05, then 0.2 from step 2; 5 steps recorded every 2: windows {0,1}, {2,3}, {4} (the last,
    // shorter one closed by the end of the run).
    LearningRate rate = LearningRate.piecewise(new long[] {0, 2}, new double[] {0.05, 0.2});
    try (FullModel m = new FullModel(C, 2)) {
      SgdRun sgd = StochasticGradientDescent.runDetailed(m, start(), SEED, new StochasticGradientDescent.Options()
          .batch(3).steps(5).rate(rate).recordEvery(2).freshPrompts(4));
      List<Double> l = new ArrayList<>();
      AttentionWeights w2 = handSteps(m, start(), 3, 0.05, 2, false, false, l);
      List<Double> l2 = new ArrayList<>();
      AttentionWeights w5 = w2;
      for (int k = 2; k < 5; k++) {
        LossAndGradient lg = m.lossAndGradient(w5, PromptSampler.of(C, Seeds.derive(SEED, k), 3, false), false);
        l2.add(lg.loss());
        double[] flat = w5.toFlat();
        double[] g = lg.gradient();
        for (int i = 0; i < flat.length; i++) {
          flat[i] -= 0.2 * g[i];
        }
        w5 = AttentionWeights.fromFlat(C, flat);
      }
      FullRun r = sgd.run();
      List<TrajectorySample> tr = r.trajectory();
      assertEquals(4, tr.size());
      double t2 = 0.05 + 0.05;
      double t4 = t2 + 0.2 + 0.2;
      double t5 = t4 + 0.2;
      assertEquals(t2, tr.get(1).t());
      assertEquals((l.get(0) + l.get(1)) / 2, tr.get(1).loss());
      assertSameReadout(w2, tr.get(1));
      assertEquals(t4, tr.get(2).t());
      assertEquals((l2.get(0) + l2.get(1)) / 2, tr.get(2).loss());
      assertEquals(t5, tr.get(3).t());
      assertEquals(l2.get(2), tr.get(3).loss());
      assertEquals(l2.get(2), r.fFinal());
      assertSameReadout(w5, tr.get(3));
      assertEquals(t5, r.tEnd());
      assertEquals(15, r.prompts());
      assertEquals(5, r.evaluations());
      // The step-size record: mean η per window and the running Σ η²/B.
      double s2 = 0.05 * 0.05 / 3 + 0.05 * 0.05 / 3;
      double s4 = s2 + 0.2 * 0.2 / 3 + 0.2 * 0.2 / 3;
      double s5 = s4 + 0.2 * 0.2 / 3;
      assertEquals(4, sgd.etaSamples());
      assertEquals((0.05 + 0.05) / 2, sgd.eta(1));
      assertEquals(s2, sgd.sumEtaSquaredOverBatch(1));
      assertEquals((0.2 + 0.2) / 2, sgd.eta(2));
      assertEquals(s4, sgd.sumEtaSquaredOverBatch(2));
      assertEquals(0.2, sgd.eta(3));
      assertEquals(s5, sgd.sumEtaSquaredOverBatch(3));
      assertEquals(t4, sgd.etaTime(2));
      assertEquals(5, sgd.steps());
      // The phase markers are the recorded loss's crossings; F(0) is far above F* here, so both are looked for.
      double f0 = r.f0();
      assertEquals(RunAnalysis.firstCrossing(tr, 0.99 * f0), r.markers().warmupEnd());
      assertTrue(f0 > r.fStar());
      assertEquals(RunAnalysis.firstCrossing(tr, r.fStar() + 0.01 * (f0 - r.fStar())), r.markers().emergenceEnd(), 0.0);
    }
  }

  @Test
  void theStepThatReachesTEndIsShortenedAndEndsTheRun() {
    try (FullModel m = new FullModel(C, 1)) {
      // 0.3 + 0.3 would pass t_end = 0.5: the second step is cut to 0.2.
      SgdRun cut = StochasticGradientDescent.runDetailed(m, start(), SEED, new StochasticGradientDescent.Options()
          .batch(2).steps(10).rate(LearningRate.constant(0.3)).recordEvery(5).tEnd(0.5).freshPrompts(2));
      List<Double> l = new ArrayList<>();
      AttentionWeights w1 = handSteps(m, start(), 2, 0.3, 1, false, false, l);
      LossAndGradient lg = m.lossAndGradient(w1, PromptSampler.of(C, Seeds.derive(SEED, 1), 2, false), false);
      double[] flat = w1.toFlat();
      double[] g = lg.gradient();
      double eta = 0.5 - 0.3;
      for (int i = 0; i < flat.length; i++) {
        flat[i] -= eta * g[i];
      }
      assertEquals(2, cut.steps());
      assertEquals(0.3 + eta, cut.run().tEnd());
      assertSameReadout(AttentionWeights.fromFlat(C, flat), cut.run().trajectory().get(1));
      assertEquals((0.3 + eta) / 2, cut.eta(1));
      // A step that lands exactly on t_end ends the run too (0.25 + 0.25 = 0.5 exactly).
      SgdRun exact = StochasticGradientDescent.runDetailed(m, start(), SEED, new StochasticGradientDescent.Options()
          .batch(2).steps(10).rate(LearningRate.constant(0.25)).recordEvery(5).tEnd(0.5).freshPrompts(2));
      assertEquals(2, exact.steps());
      assertEquals(0.5, exact.run().tEnd());
    }
  }

  @Test
  void aSymmetrisedBatchIsItsDrawsWithTheirImagesAndTheControlVariateEntersTheGradient() {
    // n = 2: 4^2 = 16 images per draw; batch 32 = 2 draws.
    try (FullModel m = new FullModel(C, 1)) {
      SgdRun sgd = StochasticGradientDescent.runDetailed(m, start(), SEED, new StochasticGradientDescent.Options()
          .batch(32).symmetrised(true).controlVariate(true).steps(2).rate(LearningRate.constant(0.05))
          .recordEvery(1).freshPrompts(7));
      List<Double> l = new ArrayList<>();
      AttentionWeights w = handSteps(m, start(), 2, 0.05, 2, true, true, l);
      FullRun r = sgd.run();
      assertSameReadout(w, r.trajectory().get(2));
      assertEquals(l.get(1), r.fFinal());
      assertTrue(r.symmetrised());
      assertEquals(64, r.prompts());
      assertEquals(4, r.independentDraws());
      assertTrue(sgd.controlVariate());
      assertEquals("SGD constant eta=0.05 + uniform-attention control variate", r.method());
      // With the control variate F(0) is the corrected loss on the fresh plain prompts.
      double f0 = m.lossAndGradient(start(), PromptSampler.of(C, Seeds.derive(SEED, -1), 7, false), true).loss();
      assertEquals(f0, r.f0());
      assertEquals(0.05 * 0.05 / 32 + 0.05 * 0.05 / 32, sgd.sumEtaSquaredOverBatch(2));
    }
  }

  @Test
  void theAdaptiveRuleSetsEachStepFromTheGradientAndTheSmoothedSpeed() {
    AdaptiveStep rule = AdaptiveStep.of(0.01, 0.5, 1.05, 1.0);
    try (FullModel m = new FullModel(C, 1)) {
      SgdRun sgd = StochasticGradientDescent.runDetailed(m, start(), SEED, new StochasticGradientDescent.Options()
          .batch(4).adaptive(rule).steps(3).recordEvery(1).freshPrompts(3));
      AttentionWeights w = start();
      double speed = 0;
      double t = 0;
      for (int k = 0; k < 3; k++) {
        LossAndGradient lg = m.lossAndGradient(w, PromptSampler.of(C, Seeds.derive(SEED, k), 4, false), false);
        double[] g = lg.gradient();
        double[] next = rule.next(w, g, speed);
        speed = next[1];
        double[] flat = w.toFlat();
        for (int i = 0; i < flat.length; i++) {
          flat[i] -= next[0] * g[i];
        }
        w = AttentionWeights.fromFlat(C, flat);
        t += next[0];
        assertEquals(t, sgd.etaTime(k + 1), "time after step " + k);
        assertEquals(next[0], sgd.eta(k + 1), "eta of step " + k);
        assertEquals(next[2], sgd.curvatureBound(k + 1), "lambda of step " + k);
        assertSameReadout(w, sgd.run().trajectory().get(k + 1));
      }
      assertEquals("SGD " + rule.describe(), sgd.run().method());
    }
  }

  @Test
  void emergenceStopsTheRunAtTheFirstWindowAtOrBelowTheLevel() {
    try (FullModel m = new FullModel(C, 1)) {
      StochasticGradientDescent.Options free = new StochasticGradientDescent.Options().batch(8).steps(12)
          .rate(LearningRate.constant(0.2)).recordEvery(1).freshPrompts(8);
      FullRun ref = StochasticGradientDescent.run(m, start(), SEED, free);
      // A limit whose F* is the lowest recorded loss (σ = 0: F* scales with s², μ* and ω* do not), so that the
      // level F* + 0.01 (F(0) − F*) is reached inside the run; found by hand on the reference run.
      double lowest = Double.POSITIVE_INFINITY;
      for (TrajectorySample p : ref.trajectory()) {
        lowest = Math.min(lowest, p.loss());
      }
      double s2 = lowest / LimitPoint.of(C).fStar();
      LimitPoint limit = LimitPoint.of(ProblemConfig.of(2, new int[] {1, 1}, 2, 4, 0.0, s2));
      double level = limit.fStar() + 0.01 * (ref.f0() - limit.fStar());
      int first = -1;
      for (int s = 1; s < ref.trajectory().size() && first < 0; s++) {
        if (ref.trajectory().get(s).loss() <= level) {
          first = s;
        }
      }
      assertTrue(first > 1 && first < ref.trajectory().size() - 1, "level reached at sample " + first);
      FullRun stopped = StochasticGradientDescent.run(m, start(), SEED, new StochasticGradientDescent.Options()
          .batch(8).steps(12).rate(LearningRate.constant(0.2)).recordEvery(1).freshPrompts(8).limit(limit)
          .stopAtEmergence(true));
      assertEquals(first + 1, stopped.trajectory().size());
      assertEquals(ref.trajectory().get(first).t(), stopped.tEnd());
      assertEquals(limit.fStar(), stopped.fStar());
      assertEquals(RunAnalysis.firstCrossing(stopped.trajectory(), level), stopped.markers().emergenceEnd());
      // Without the flag the same limit does not stop it.
      FullRun through = StochasticGradientDescent.run(m, start(), SEED, new StochasticGradientDescent.Options()
          .batch(8).steps(12).rate(LearningRate.constant(0.2)).recordEvery(1).freshPrompts(8).limit(limit));
      assertEquals(ref.trajectory().size(), through.trajectory().size());
    }
  }

  @Test
  void aRunStopsHalfTheLatestHalfSignalTimeAfterIt() {
    // From the limit with every ω and μ at 0.6 of it (signal 0.36 of the limit's), both tasks pass half signal
    // during the run. The crossing time is interpolated between the two samples around it, so the reference run
    // (no stop, every step recorded) gives the stopping run's latest half-signal time; it must stop at the first
    // record with t ≥ 1.5 · latest.
    LimitPoint lp = LimitPoint.of(C);
    AttentionWeights low = AttentionWeights.decomposable(C, lp.state(new int[] {0, 1}, 0.0).scaled(0.6));
    try (FullModel m = new FullModel(C, 1)) {
      FullRun ref = StochasticGradientDescent.run(m, low, SEED, new StochasticGradientDescent.Options().batch(16)
          .steps(60).rate(LearningRate.constant(0.2)).recordEvery(1).freshPrompts(2));
      double[] half = RunAnalysis.halfSignalTimes(ref.trajectory(), C);
      double latest = Math.max(half[0], half[1]);
      assertTrue(latest > 0 && latest < 4, "half-signal times " + java.util.Arrays.toString(half));
      int stop = -1;
      for (int s = 1; s < ref.trajectory().size() && stop < 0; s++) {
        if (ref.trajectory().get(s).t() >= latest * 1.5) {
          stop = s;
        }
      }
      assertTrue(stop > 0 && stop < ref.trajectory().size() - 1, "stop at sample " + stop);
      FullRun stopped = StochasticGradientDescent.run(m, low, SEED, new StochasticGradientDescent.Options()
          .batch(16).steps(60).rate(LearningRate.constant(0.2)).recordEvery(1).freshPrompts(2)
          .stopAfterHalfSignal(0.5));
      assertEquals(stop + 1, stopped.trajectory().size());
      assertEquals(ref.trajectory().get(stop).t(), stopped.tEnd());
    }
  }

  @Test
  void aRunPastEveryHalfSignalStopsAFractionOfTheLatestHalfSignalTimeLater() {
    // From the one-head-per-task limit every task is past its half-signal level at t = 0, so the latest
    // half-signal time is 0 and the first record (t = 0.1 >= 0 · (1 + f)) ends the run; from random weights no
    // task reaches it (NaN counts as never), so the run takes all its steps.
    LimitPoint lp = LimitPoint.of(C);
    AttentionWeights atLimit = AttentionWeights.decomposable(C, lp.state(new int[] {0, 1}, 0.0));
    try (FullModel m = new FullModel(C, 1)) {
      StochasticGradientDescent.Options o = new StochasticGradientDescent.Options().batch(4).steps(6)
          .rate(LearningRate.constant(0.1)).recordEvery(2).freshPrompts(2).stopAfterHalfSignal(0.5);
      SgdRun fromLimit = StochasticGradientDescent.runDetailed(m, atLimit, SEED, o);
      assertEquals(2, fromLimit.steps());
      SgdRun fromRandom = StochasticGradientDescent.runDetailed(m, start(), SEED, o);
      double[] half = RunAnalysis.halfSignalTimes(fromRandom.run().trajectory(), C);
      assertTrue(Double.isNaN(half[0]) || Double.isNaN(half[1]), "a task reached half signal from random weights");
      assertEquals(6, fromRandom.steps());
    }
  }

  @Test
  void progressIsReportedAtTheEndWithNothingLeft() {
    List<double[]> reports = new ArrayList<>();
    try (FullModel m = new FullModel(C, 1)) {
      long before = System.nanoTime();
      FullRun r = StochasticGradientDescent.run(m, start(), SEED, new StochasticGradientDescent.Options().batch(2)
          .steps(3).rate(LearningRate.constant(0.1)).recordEvery(1).freshPrompts(2)
          .progress((t, loss, left) -> reports.add(new double[] {t, loss, left})));
      double wall = (System.nanoTime() - before) * 1e-9;
      // The run's own wall time lies inside the caller's; reports come every 2 s and once at the end.
      assertTrue(r.wallSeconds() > 0 && r.wallSeconds() <= wall, r.wallSeconds() + " s of " + wall);
      assertTrue(reports.size() <= 1 + (int) (wall / 2), reports.size() + " reports in " + wall + " s");
      double[] last = reports.get(reports.size() - 1);
      assertEquals(r.tEnd(), last[0]);
      assertEquals(r.fFinal(), last[1]); // the last mini-batch loss, the last window's only one
      assertEquals(0.0, last[2]); // k = steps: (steps − k) = 0 steps left
      // With a time bound the estimate is elapsed · (t_end − t)/t, 0 at the end.
      reports.clear();
      StochasticGradientDescent.run(m, start(), SEED, new StochasticGradientDescent.Options().batch(2).steps(50)
          .rate(LearningRate.constant(0.25)).recordEvery(1).freshPrompts(2).tEnd(0.5)
          .progress((t, loss, left) -> reports.add(new double[] {t, loss, left})));
      assertEquals(0.0, reports.get(reports.size() - 1)[2]);
      assertEquals(0.5, reports.get(reports.size() - 1)[0]);
    }
  }

  @Test
  void withAClockOfOneSecondPerReadingEveryThirdStepAndTheLastAreReported() {
    // Readings: the start, one per step, the end. Step k (from 1) reads k s after the start: a report when more
    // than 2 s have passed since the last one (the start first), at steps 3 and 6, and at the last step (7), with
    // elapsed k s. Left: elapsed/k·(steps − k) without a time bound (0 at the last step),
    // elapsed·(t_end − t)/t with one.
    for (boolean bounded : new boolean[] {false, true}) {
      TickClock clock = new TickClock();
      List<double[]> reports = new ArrayList<>();
      StochasticGradientDescent.Options o = new StochasticGradientDescent.Options().batch(2).steps(bounded ? 20 : 7)
          .rate(LearningRate.constant(0.1)).recordEvery(1).freshPrompts(2).clock(clock)
          .progress((t, loss, left) -> reports.add(new double[] {t, loss, left}));
      if (bounded) {
        o.tEnd(0.65); // the 7th step is cut to 0.05
      }
      try (FullModel m = new FullModel(C, 1)) {
        SgdRun r = StochasticGradientDescent.runDetailed(m, start(), SEED, o);
        assertEquals(7, r.steps());
        assertEquals(7 + 2, clock.readings());
        assertEquals((7 + 1) * 1_000_000_000L * 1e-9, r.run().wallSeconds());
        assertEquals(3, reports.size());
        int[] at = {3, 6, 7};
        for (int j = 0; j < 3; j++) {
          int k = at[j];
          TrajectorySample p = r.run().trajectory().get(k);
          double elapsed = k * 1_000_000_000L * 1e-9;
          double[] got = reports.get(j);
          assertEquals(p.t(), got[0], "time of the report at step " + k);
          assertEquals(p.loss(), got[1], "loss of the report at step " + k); // one mini-batch per window
          double left = bounded ? elapsed * (0.65 - p.t()) / p.t() : elapsed / k * (7 - k);
          assertEquals(left, got[2], "seconds left at step " + k);
        }
        assertTrue(reports.get(1)[2] > 0, "time left before the end");
      }
    }
  }

  @Test
  void settingsOutsideTheirRangesAreRefused() {
    try (FullModel m = new FullModel(C, 1)) {
      AttentionWeights w = start();
      assertThrows(IllegalArgumentException.class, () -> StochasticGradientDescent.run(m, w, 1L,
          new StochasticGradientDescent.Options().steps(0)));
      assertThrows(IllegalArgumentException.class, () -> StochasticGradientDescent.run(m, w, 1L,
          new StochasticGradientDescent.Options().recordEvery(0)));
      assertThrows(IllegalArgumentException.class, () -> StochasticGradientDescent.run(m, w, 1L,
          new StochasticGradientDescent.Options().tEnd(0)));
      assertThrows(IllegalArgumentException.class, () -> StochasticGradientDescent.run(m, w, 1L,
          new StochasticGradientDescent.Options().tEnd(Double.NaN)));
      assertThrows(IllegalArgumentException.class, () -> StochasticGradientDescent.run(m, w, 1L,
          new StochasticGradientDescent.Options().batch(0)));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StochasticGradientDescent
          .run(m, w, 1L, new StochasticGradientDescent.Options().batch(24).symmetrised(true)));
      assertEquals("batch must be a positive multiple of 16 (got 24)", e.getMessage());
      // The smallest accepted values run: one step, one record, batch 1, t_end the smallest positive double.
      SgdRun tiny = StochasticGradientDescent.runDetailed(m, w, 1L, new StochasticGradientDescent.Options()
          .batch(1).steps(1).recordEvery(1).freshPrompts(2).tEnd(Double.MIN_VALUE));
      assertEquals(1, tiny.steps());
      assertEquals(Double.MIN_VALUE, tiny.run().tEnd());
      SgdRun sixteen = StochasticGradientDescent.runDetailed(m, w, 1L, new StochasticGradientDescent.Options()
          .batch(16).symmetrised(true).steps(1).freshPrompts(2));
      assertEquals(1, sixteen.run().independentDraws());
    }
  }

  @Test
  void aDivergingRunFailsWithTheStepInTheMessage() {
    try (FullModel m = new FullModel(C, 1)) {
      // Weights of size 1e100: the outputs' squares overflow. With the control variate F(0) is the corrected
      // loss, which is not checked (the plain Monte Carlo estimate would refuse first), so the step's check fails.
      double[] flat = start().toFlat();
      for (int i = 0; i < flat.length; i++) {
        flat[i] *= 1e100;
      }
      FullModelFailure e = assertThrows(FullModelFailure.class, () -> StochasticGradientDescent.run(m,
          AttentionWeights.fromFlat(C, flat), 1L, new StochasticGradientDescent.Options().batch(2).steps(2)
              .controlVariate(true).freshPrompts(2)));
      assertEquals("non-finite mini-batch loss at step 0 (t = 0.0)", e.getMessage());
      // Weights of size 1e50 (loss ~1e200, gradient entries far above 1) and η = Double.MAX_VALUE: the loss is
      // finite, the weights after the step are not.
      double[] big = start().toFlat();
      for (int i = 0; i < big.length; i++) {
        big[i] *= 1e50;
      }
      FullModelFailure f = assertThrows(FullModelFailure.class, () -> StochasticGradientDescent.run(m,
          AttentionWeights.fromFlat(C, big), 1L, new StochasticGradientDescent.Options().batch(2).steps(1)
              .controlVariate(true).freshPrompts(2).rate(LearningRate.constant(Double.MAX_VALUE))));
      assertTrue(f.getMessage().startsWith("weights not finite after step 0"), f.getMessage());
    }
  }

  @Test
  void theStepRecordInterpolatesSumsLinearlyInTime() {
    List<double[]> trace = List.of(new double[] {0, Double.NaN, 0, Double.NaN}, new double[] {1, 0.5, 2, 3},
        new double[] {3, 1, 6, 4});
    FullRun dummy;
    try (FullModel m = new FullModel(C, 1)) {
      dummy = StochasticGradientDescent.run(m, start(), 1L, new StochasticGradientDescent.Options().batch(1).steps(1)
          .freshPrompts(2));
    }
    SgdRun r = new SgdRun(dummy, trace, 4, true);
    assertEquals(0.0, r.sumEtaSquaredOverBatchUpTo(0));
    assertEquals(1.0, r.sumEtaSquaredOverBatchUpTo(0.5));
    assertEquals(2.0, r.sumEtaSquaredOverBatchUpTo(1));
    assertEquals(3.0, r.sumEtaSquaredOverBatchUpTo(1.5));
    assertEquals(6.0, r.sumEtaSquaredOverBatchUpTo(3));
    assertEquals(6.0, r.sumEtaSquaredOverBatchUpTo(10)); // beyond the end: the total
    assertEquals(0.0, r.sumEtaSquaredOverBatchUpTo(-1)); // before the start: clipped to the first entry
    assertEquals(4, r.steps());
    assertTrue(r.controlVariate());
    assertEquals(3, r.curvatureBound(1));
    assertEquals(dummy, r.run());
    // The record is copied: changing the caller's rows later changes nothing.
    double[] row = {0, 1, 2, 3};
    List<double[]> mutable = new ArrayList<>(List.of(row));
    SgdRun copy = new SgdRun(dummy, mutable, 0, false);
    row[2] = 99;
    mutable.add(row);
    assertEquals(2.0, copy.sumEtaSquaredOverBatch(0));
    assertEquals(1, copy.etaSamples());
  }
}
