package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.numerics.EmergenceWindow;
import io.github.softmaxicl.numerics.FullModelFailure;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FullGradientFlow} on a tiny problem (d = 2, blocks 1 + 1, H = 2, L = 4, 6 prompts), against independent
 * computations: a short flow against the gradient step with a finite-difference gradient, the event times against
 * the loss read on the flow's own dense output, the record against the model evaluated on the weights the
 * observer saw, the evaluation counts against the model's own prompt counter. Each test runs in well under 0.1 s.
 */
class FlowStepTest {
  private static final ProblemConfig C = SgdStepTest.C;

  private static AttentionWeights start() {
    return Fixtures.randomWeights(C, 0.5, 3L);
  }

  private static PromptSource sample() {
    return StoredPrompts.copyOf(PromptSampler.of(C, 5L, 6, false));
  }

  /** Collects every observed sample's time and weights. */
  private static final class Recorder implements WeightsObserver {
    final List<Double> times = new ArrayList<>();
    final List<AttentionWeights> weights = new ArrayList<>();

    @Override
    public void sample(double t, AttentionWeights w) {
      times.add(t);
      weights.add(w);
    }

    AttentionWeights last() {
      return weights.get(weights.size() - 1);
    }
  }

  @Test
  void aShortFlowIsTheGradientStepWithTheFiniteDifferenceGradient() {
    double t = 1e-3;
    PromptSource sample = sample();
    Recorder obs = new Recorder();
    try (FullModel m = new FullModel(C, 1)) {
      FullRun r = FullGradientFlow.run(m, sample, false, 6, start(), new FullGradientFlow.Options().tEnd(t)
          .tolerances(1e-12, 1e-14).fresh(3, 9L).observer(obs));
      double[] y0 = start().toFlat();
      double[] y = obs.last().toFlat();
      // Central differences of the sample loss, step 1e-5: truncation h² F''' / 6 ≲ 1e-10, round-off u F / h ≲ 1e-11.
      double[] g = new double[y0.length];
      double gMax = 0;
      for (int i = 0; i < y0.length; i++) {
        double[] up = y0.clone();
        double[] down = y0.clone();
        up[i] += 1e-5;
        down[i] -= 1e-5;
        g[i] = (m.loss(AttentionWeights.fromFlat(C, up), sample) - m.loss(AttentionWeights.fromFlat(C, down), sample))
            / 2e-5;
        gMax = Math.max(gMax, Math.abs(g[i]));
      }
      // θ(t) = θ0 − t ∇F + (t²/2) H ∇F + O(t³): the second-order term is ≤ (t²/2) ‖H‖ ‖∇F‖, with ‖H‖ ≲ 20 for
      // weights of size 0.5 on 6 prompts (the measured remainder is ≈ 3e-3 t ‖∇F‖∞), so allow 2 % of t ‖∇F‖∞ per
      // entry. A flow along +∇F or without it misses by t |∇F_i|, i.e. by up to 50 times that.
      double worst = 0;
      for (int i = 0; i < y0.length; i++) {
        worst = Math.max(worst, Math.abs(y[i] - (y0[i] - t * g[i])));
      }
      System.out.printf("short flow: |theta(t) - (theta0 - t g)| <= %.3g = %.3g t |g|%n", worst, worst / (t * gMax));
      assertTrue(worst <= 0.02 * t * gMax, "flow step off the gradient step by " + worst / (t * gMax) + " t|g|");
      assertTrue(gMax > 0.1, "a gradient too small to test with: " + gMax);
      assertEquals(t, r.tEnd());
      assertEquals(t, obs.times.get(obs.times.size() - 1));
      assertEquals(m.loss(obs.last(), sample), r.fFinal());
    }
  }

  @Test
  void theRecordIsTheModelOnTheWeightsTheObserverSaw() {
    PromptSource sample = sample();
    Recorder obs = new Recorder();
    try (FullModel m = new FullModel(C, 2)) {
      long before = m.promptEvaluations();
      long nanos = System.nanoTime();
      FullRun r = FullGradientFlow.run(m, sample, true, 3, start(), new FullGradientFlow.Options().tEnd(0.2)
          .tolerances(1e-9, 1e-12).fresh(5, 11L).start(4, 0.5, 21L).observer(obs));
      double wall = (System.nanoTime() - nanos) * 1e-9;
      assertTrue(r.wallSeconds() > 0 && r.wallSeconds() <= wall, r.wallSeconds() + " s of " + wall);
      long used = m.promptEvaluations() - before;
      // Every gradient and loss evaluation is one pass over the 6 prompts, plus the 5 fresh ones.
      assertEquals((r.evaluations() + r.lossEvaluations()) * 6 + 5, used);
      assertTrue(r.evaluations() >= 7, "DP54 takes at least 7 evaluations: " + r.evaluations());
      List<TrajectorySample> tr = r.trajectory();
      assertEquals(obs.times.size(), tr.size());
      for (int s = 0; s < tr.size(); s++) {
        TrajectorySample p = tr.get(s);
        assertEquals(obs.times.get(s), p.t());
        assertEquals(m.loss(obs.weights.get(s), sample), p.loss(), 0.0, "loss at sample " + s);
        SpectralReadout ro = SpectralReadout.of(obs.weights.get(s));
        assertArrayEquals(ro.state().muArray(), p.state().muArray());
        assertArrayEquals(ro.state().omegaArray(), p.state().omegaArray());
        assertEquals(ro.offStructureNorm(), p.offStructureNorm().orElseThrow());
      }
      // Default spacing t_end / 1000: recorded step ends are at least that far apart, except the final one, and
      // the steps (tolerance 1e-9, several per 0.2) are recorded.
      assertTrue(tr.size() >= 4, "recorded samples: " + tr.size());
      for (int s = 1; s < tr.size() - 1; s++) {
        assertTrue(tr.get(s).t() - tr.get(s - 1).t() >= 0.2 / 1000, "spacing at sample " + s);
      }
      assertEquals(0.0, tr.get(0).t());
      assertEquals(0.2, r.tEnd());
      assertEquals(0.2, tr.get(tr.size() - 1).t());
      AttentionWeights end = obs.last();
      assertEquals(m.loss(start(), sample), r.f0());
      assertEquals(m.loss(end, sample), r.fFinal());
      MonteCarloLoss fresh = MonteCarloLoss.estimate(m, end, 11L, 5);
      assertEquals(fresh.mean(), r.fFresh());
      assertEquals(fresh.standardError(), r.fFreshSe());
      SpectralReadout ro = SpectralReadout.of(end);
      assertArrayEquals(ro.state().muArray(), r.finalState().muArray());
      assertEquals(ro.offStructureNorm(), r.offStructureNorm());
      assertEquals(Dynamics.FULL, r.dynamics());
      assertEquals("DormandPrince54", r.method());
      assertEquals(1e-9, r.relTol());
      assertEquals(1e-12, r.absTol());
      assertEquals(0, r.batch());
      assertEquals(21L, r.seed());
      assertEquals(4.0, r.initScale());
      assertEquals(0.5, r.perturbation());
      assertTrue(r.symmetrised());
      assertEquals(6, r.prompts());
      assertEquals(3, r.independentDraws());
      LimitPoint lp = LimitPoint.of(C);
      assertEquals(lp.fStar(), r.fStar());
      RunAnalysis.Escape esc = RunAnalysis.escape(tr, r.markers().emergenceEnd(), lp);
      assertEquals(esc.time(), r.escapeTime(), 0.0);
      assertEquals(esc.head(), r.escapeHead());
      assertEquals(esc.task(), r.escapeTask());
      assertEquals(esc.predicted(), r.saddleRatePredicted(), 0.0);
      assertEquals(esc.measured(), r.saddleRateMeasured(), 0.0);
      assertTrue(r.emergenceSamples().isEmpty());
      assertTrue(r.wallSeconds() > 0);
    }
  }

  @Test
  void aWideSpacingRecordsOnlyTheEnds() {
    Recorder obs = new Recorder();
    try (FullModel m = new FullModel(C, 1)) {
      FullRun r = FullGradientFlow.run(m, sample(), false, 6, start(), new FullGradientFlow.Options().tEnd(0.2)
          .recordSpacing(1).fresh(2, 1L).observer(obs));
      assertEquals(2, r.trajectory().size());
      assertEquals(List.of(0.0, 0.2), obs.times);
    }
  }

  @Test
  void theEventsSitWhereTheDenseLossCrossesItsLevels() {
    PromptSource sample = sample();
    try (FullModel m = new FullModel(C, 1)) {
      FullGradientFlow.Options o = new FullGradientFlow.Options().tEnd(3).tolerances(1e-10, 1e-12).fresh(2, 1L);
      FullRun ref = FullGradientFlow.run(m, sample, false, 6, start(), o);
      double f0 = ref.f0();
      double tw = ref.markers().warmupEnd();
      assertTrue(tw > 0 && tw < 3, "warm-up end " + tw);
      // A limit whose F* (σ = 0: F* ∝ s², μ*, ω* unchanged) puts the level F* + 0.01 (F(0) − F*) a quarter of the
      // way from F(t_end) to 0.99 F(0), so that it is crossed inside the run, after t_w.
      double target = ref.fFinal() + 0.25 * (0.99 * f0 - ref.fFinal());
      LimitPoint limit = LimitPoint.of(ProblemConfig.of(2, new int[] {1, 1}, 2, 4, 0.0,
          (target - 0.01 * f0) / 0.99 / LimitPoint.of(C).fStar()));
      double level = limit.fStar() + 0.01 * (f0 - limit.fStar());
      FullRun withLimit = FullGradientFlow.run(m, sample, false, 6, start(),
          new FullGradientFlow.Options().tEnd(3).tolerances(1e-10, 1e-12).fresh(2, 1L).limit(limit));
      double te = withLimit.markers().emergenceEnd();
      assertTrue(te > tw && te < 3, "emergence end " + te + " for level " + level + ", F(t_end) " + ref.fFinal());
      assertEquals(limit.fStar(), withLimit.fStar());
      assertEquals(tw, withLimit.markers().warmupEnd(), 1e-9);
      // Read the same flow's dense output exactly at t_w and t_e (a window with n = 2 samples at its ends).
      FullRun dw = FullGradientFlow.run(m, sample, false, 6, start(), new FullGradientFlow.Options().tEnd(3)
          .tolerances(1e-10, 1e-12).fresh(2, 1L).limit(limit).denseWindow(new EmergenceWindow(tw, te, 1), 2));
      List<TrajectorySample> s = dw.emergenceSamples();
      assertEquals(2, s.size());
      assertEquals(tw, s.get(0).t());
      assertEquals(te, s.get(1).t());
      // Budget: the solver's time accuracy 1e-9 t_end times |dF/dt| = ‖∇F‖² (≲ 10 here), plus the dense output's
      // error ≈ the step error, rel. 1e-10 of the weights, through F: ≲ 1e-9 F. So 1e-7 absolute.
      assertEquals(0.99 * f0, s.get(0).loss(), 1e-7);
      assertEquals(level, s.get(1).loss(), 1e-7);
      assertEquals(target, level, 1e-12);
      // A limit above F(0) has no emergence marker.
      LimitPoint high = LimitPoint.of(ProblemConfig.of(2, new int[] {1, 1}, 2, 4, 0.0,
          2 * f0 / LimitPoint.of(C).fStar()));
      FullRun above = FullGradientFlow.run(m, sample, false, 6, start(),
          new FullGradientFlow.Options().tEnd(3).tolerances(1e-10, 1e-12).fresh(2, 1L).limit(high));
      assertTrue(Double.isNaN(above.markers().emergenceEnd()));
      assertEquals(tw, above.markers().warmupEnd(), 1e-9);
    }
  }

  @Test
  void theDenseGridStartsAtZeroAndStopsAtTheRunsEnd() {
    PromptSource sample = sample();
    try (FullModel m = new FullModel(C, 1)) {
      // Grid 0, 0.1, ..., 0.4 of which the run (t_end = 0.25) reaches 0, 0.1, 0.2; several fall in one step.
      FullRun r = FullGradientFlow.run(m, sample, false, 6, start(), new FullGradientFlow.Options().tEnd(0.25)
          .fresh(2, 1L).denseWindow(new EmergenceWindow(0, 0.4, 1), 5));
      List<TrajectorySample> s = r.emergenceSamples();
      assertEquals(3, s.size());
      assertEquals(0.0, s.get(0).t());
      assertEquals(r.f0(), s.get(0).loss(), 1e-15);
      assertEquals(0.1, s.get(1).t());
      assertEquals(0.2, s.get(2).t(), 1e-17);
      assertTrue(s.get(2).loss() < s.get(1).loss() && s.get(1).loss() < s.get(0).loss());
      // The window's end is its hi exactly (lo + 2 (hi − lo)/2 would be 0.11000000000000001 for [0.04, 0.11]),
      // and a grid inside the run is complete.
      assertTrue(0.04 + 2 * (0.11 - 0.04) / 2 != 0.11);
      FullRun inside = FullGradientFlow.run(m, sample, false, 6, start(), new FullGradientFlow.Options().tEnd(0.25)
          .fresh(2, 1L).denseWindow(new EmergenceWindow(0.04, 0.11, 1), 3));
      List<TrajectorySample> g = inside.emergenceSamples();
      assertEquals(3, g.size());
      assertEquals(0.11, g.get(2).t());
      assertEquals(0.04 + 1 * (0.11 - 0.04) / 2, g.get(1).t());
    }
  }

  @Test
  void theControlVariateFlowIsNamedAndStartsFromTheCorrectedLoss() {
    PromptSource sample = sample();
    try (FullModel m = new FullModel(C, 1)) {
      FullRun r = FullGradientFlow.run(m, sample, false, 6, start(), new FullGradientFlow.Options().tEnd(0.01)
          .fresh(2, 1L).controlVariate(true));
      assertEquals("DormandPrince54 + control variate", r.method());
      assertEquals(m.loss(start(), sample, true), r.f0());
      assertFalse(r.f0() == m.loss(start(), sample), "the correction is not 0 here");
    }
  }

  @Test
  void progressIsNotReportedWithinTheFirstTwoSeconds() {
    List<Double> reports = new ArrayList<>();
    try (FullModel m = new FullModel(C, 1)) {
      FullRun r = FullGradientFlow.run(m, sample(), false, 6, start(), new FullGradientFlow.Options().tEnd(0.5)
          .fresh(2, 1L).progress((t, loss, left) -> reports.add(t)));
      assertTrue(reports.size() <= (int) (r.wallSeconds() / 2), reports.size() + " reports in " + r.wallSeconds());
    }
  }

  @Test
  void withAClockOfOneSecondPerReadingEveryThirdStepIsReportedWithTheTimeLeft() {
    // Readings: the start, one per step end, the end. Every step is recorded (spacing 1e-12), so step j ends at
    // trajectory sample j, read j s after the start; a report comes when more than 2 s have passed since the last
    // one (the start first): at steps 3, 6, 9, ..., with elapsed j s and (t_end − t)/t of it left.
    TickClock clock = new TickClock();
    List<double[]> reports = new ArrayList<>();
    PromptSource sample = sample();
    double tEnd = 0.2;
    try (FullModel m = new FullModel(C, 1)) {
      FullRun r = FullGradientFlow.run(m, sample, false, 6, start(), new FullGradientFlow.Options().tEnd(tEnd)
          .tolerances(1e-10, 1e-12).recordSpacing(1e-12).fresh(2, 1L).clock(clock)
          .progress((t, loss, left) -> reports.add(new double[] {t, loss, left})));
      int steps = r.trajectory().size() - 1;
      assertTrue(steps >= 6, "steps " + steps);
      assertEquals(steps + 2, clock.readings());
      assertEquals((steps + 1) * 1_000_000_000L * 1e-9, r.wallSeconds());
      assertEquals(steps / 3, reports.size());
      for (int k = 1; k <= reports.size(); k++) {
        TrajectorySample p = r.trajectory().get(3 * k);
        double elapsed = 3 * k * 1_000_000_000L * 1e-9;
        double[] got = reports.get(k - 1);
        assertEquals(p.t(), got[0], "time of report " + k);
        assertEquals(p.loss(), got[1], "loss of report " + k);
        assertEquals(elapsed * (tEnd - p.t()) / p.t(), got[2], "seconds left at report " + k);
      }
    }
  }

  @Test
  void badSettingsAndFailuresAreReported() {
    PromptSource sample = sample();
    try (FullModel m = new FullModel(C, 1)) {
      for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FullGradientFlow.run(m,
            sample, false, 6, start(), new FullGradientFlow.Options().tEnd(bad)));
        assertEquals("t_end must be finite and > 0 (got " + bad + ")", e.getMessage());
      }
      FullModelFailure cap = assertThrows(FullModelFailure.class, () -> FullGradientFlow.run(m, sample, false, 6,
          start(), new FullGradientFlow.Options().tEnd(1).maxEvaluations(5).fresh(2, 1L)));
      assertTrue(cap.getMessage().startsWith("full flow failed: "), cap.getMessage());
      double[] huge = start().toFlat();
      for (int i = 0; i < huge.length; i++) {
        huge[i] *= 1e100;
      }
      FullModelFailure nonFinite = assertThrows(FullModelFailure.class, () -> FullGradientFlow.run(m, sample, false,
          6, AttentionWeights.fromFlat(C, huge), new FullGradientFlow.Options().tEnd(1).fresh(2, 1L)));
      assertTrue(nonFinite.getMessage().startsWith("non-finite loss"), nonFinite.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> new FullGradientFlow.Options().denseWindow(new EmergenceWindow(0, 1, 1), 1));
      new FullGradientFlow.Options().denseWindow(new EmergenceWindow(0, 1, 1), 2);
    }
  }
}
