package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SaddleEscape} on a tiny problem (d = 3, blocks 2 + 1, H = 2, L = 4; 8 draws × 16 images): the helpers
 * against hand computations, the result's summaries on hand-made intervals, and one escape run (t_end = 8, about
 * 0.2 s) whose every linear-regime interval grows at 2 g(t) within its budget and is rebuilt from the trajectory.
 * The slow {@link SaddleEscapeTest} (L = 40, 7 s) checks the same on a problem where the budgets are tight.
 */
class SaddleEscapeFastTest {
  /** d = 3, blocks 2 + 1 (the pair's task has d_i = 2, so e d_i / L is not e / (d_i L)), H = 2, L = 4. */
  private static final ProblemConfig C = ProblemConfig.of(3, new int[] {2, 1}, 2, 4, 0.0, 1.0);
  private static final double T_END = 8;
  private static final int HEAD = 1;
  private static final int TASK = 0;
  private static final long SEED = 404L;
  private static final int DRAWS = 8;

  /** Any run record, for hand-made results (one SGD step on the tiny problem, milliseconds). */
  private static FullRun anyRun() {
    try (FullModel m = new FullModel(C, 1)) {
      return StochasticGradientDescent.run(m, AttentionWeights.paperInit(C, 1), 1L,
          new StochasticGradientDescent.Options().batch(2).steps(1).freshPrompts(2));
    }
  }

  private static double[] limit() {
    return AttentionWeights.decomposable(C, LimitPoint.of(C).state(new int[] {0, 1}, 0.0)).toFlat();
  }

  @Test
  void thePairsIndicesAreTheOffTaskEntriesOfOAndV() {
    ProblemConfig c = ProblemConfig.of(3, new int[] {1, 2}, 3, 4, 0.0, 1.0); // D = 5, blocks of different size
    int d = c.d();
    for (int h = 0; h < 3; h++) {
      for (int i = 0; i < 2; i++) {
        double[] flat = new double[AttentionWeights.size(c)];
        flat[SaddleEscape.oIndex(c, h, i)] = 2;
        flat[SaddleEscape.vIndex(c, h, i)] = 3;
        AttentionWeights w = AttentionWeights.fromFlat(c, flat);
        assertEquals(2, w.output(h).get(i, d + i), "O entry of head " + h + ", task " + i);
        assertEquals(3, w.value(h).get(d + i, d + i), "V entry of head " + h + ", task " + i);
      }
    }
  }

  @Test
  void theCurvatureInMuIsItsClosedForm() {
    // n = 2, blocks 1 and 2, L = 4, s² = 1.5, σ = 0.5: c_0 = 1.5 + 0.25 = 1.75, c_1 = 1.5·2 + 0.25 = 3.25.
    ProblemConfig c = ProblemConfig.of(3, new int[] {1, 2}, 2, 4, 0.5, 1.5);
    SpectralState s = SpectralState.of(new double[][] {{0.3, -0.2}, {0.7, 0.4}}, new double[][] {{1, 1}, {1, 1}});
    double sharp = 1 * 0.7 * 0.7 + 2 * 0.4 * 0.4;
    double expected = 2.0 / 2 * (1.5 * 2 * 0.4 * 0.4 + 3.25 / 4 * Math.exp(sharp));
    assertEquals(expected, SaddleEscape.muMuCurvature(c, s, 1, 1), 1e-15 * expected);
    double sharp0 = 1 * 0.3 * 0.3 + 2 * 0.2 * 0.2;
    double expected0 = 2.0 / 2 * (1.5 * 1 * 0.3 * 0.3 + 1.75 / 4 * Math.exp(sharp0));
    assertEquals(expected0, SaddleEscape.muMuCurvature(c, s, 0, 0), 1e-15 * expected0);
  }

  @Test
  void theProbeIsTheSlopeInOWithVAtOne() {
    PromptSource sample = StoredPrompts.copyOf(PromptSampler.of(C, 8L, 5, false));
    double[] w = Fixtures.randomWeights(C, 0.5, 4L).toFlat();
    int oi = SaddleEscape.oIndex(C, HEAD, TASK);
    int vi = SaddleEscape.vIndex(C, HEAD, TASK);
    try (FullModel m = new FullModel(C, 1)) {
      double g = SaddleEscape.probe(m, C, sample, w, oi, vi);
      double[] up = w.clone();
      double[] down = w.clone();
      up[oi] = 1e-5;
      down[oi] = -1e-5;
      up[vi] = 1;
      down[vi] = 1;
      // Central difference in o at o = 0, v = 1: truncation h² F''' / 6 ≲ 1e-10, round-off u F / h ≲ 1e-11.
      double fd = (m.loss(AttentionWeights.fromFlat(C, up), sample) - m.loss(AttentionWeights.fromFlat(C, down),
          sample)) / 2e-5;
      assertEquals(fd, g, 1e-8);
      assertTrue(Math.abs(g) > 1e-3, "probe too small to test with: " + g);
      // The weights passed in are not changed.
      assertEquals(Fixtures.randomWeights(C, 0.5, 4L).toFlat()[oi], w[oi]);

      // The second difference along o = −v by hand.
      double h = 0.01;
      double[] a = w.clone();
      double[] b = w.clone();
      a[oi] += h / Math.sqrt(2);
      a[vi] -= h / Math.sqrt(2);
      b[oi] -= h / Math.sqrt(2);
      b[vi] += h / Math.sqrt(2);
      double f0 = m.loss(AttentionWeights.fromFlat(C, w), sample);
      double byHand = (m.loss(AttentionWeights.fromFlat(C, a), sample) - 2 * f0
          + m.loss(AttentionWeights.fromFlat(C, b), sample)) / (h * h);
      assertEquals(byHand, SaddleEscape.curvatureAlongPair(m, C, sample, w, oi, vi, h), 1e-12 * Math.abs(byHand));
    }
  }

  @Test
  void theLargeSampleSlopeIsTheMeanAndStandardErrorOfItsBatches() {
    double[] lim = limit();
    int oi = SaddleEscape.oIndex(C, HEAD, TASK);
    int vi = SaddleEscape.vIndex(C, HEAD, TASK);
    try (FullModel m = new FullModel(C, 1)) {
      double[] got = SaddleEscape.slopeOnFreshBatches(m, C, lim, oi, vi, 99L);
      double[] b = new double[SaddleEscape.SLOPE_BATCHES];
      double mean = 0;
      for (int k = 0; k < b.length; k++) {
        b[k] = SaddleEscape.probe(m, C, PromptSampler.of(C, Seeds.derive(99L, k), SaddleEscape.SLOPE_PROMPTS,
            false), lim, oi, vi);
        mean += b[k];
      }
      mean /= b.length;
      double ss = 0;
      for (double v : b) {
        ss += (v - mean) * (v - mean);
      }
      double se = Math.sqrt(ss / (b.length - 1) / b.length);
      assertEquals(mean, got[0], 1e-14);
      assertEquals(se, got[1], 1e-12 * se);
      // At the limit the probe of an off-task pair is g_i = 2 c_i μ_i* / (n L) up to the sampling error and the
      // finite-L model error e d_i / L relative (≈ 1.4 at L = 4: a sign and size check; SaddleTest checks it at
      // L = 100).
      double g = LimitPoint.of(C).saddleCoefficient(TASK);
      assertEquals(g, got[0], 4 * got[1] + Math.E * 2 / 4 * g);
    }
  }

  @Test
  void theResultsSummariesAreTheirFormulas() {
    FullRun run = anyRun();
    List<SaddleEscape.Interval> iv = List.of(new SaddleEscape.Interval(0, 1, 1e-3, 0.30, 0.32, 0.1),
        new SaddleEscape.Interval(1, 2, 2e-3, 0.36, 0.30, 0.5));
    SaddleEscape.Result r = new SaddleEscape.Result(C, 1, 0, 5L, 2, -0.1, 0.1, 0.01, 0.2, 0.01, 0.25, 0.5, iv,
        run);
    assertEquals((0.30 + 0.36) / 2, r.meanRate(), 1e-15);
    assertEquals((0.32 + 0.30) / 2, r.meanPredicted(), 1e-15);
    assertEquals(Math.abs(0.30 / 0.32 - 1), iv.get(0).gap(), 1e-15);
    // gap/budget: 0.0625/0.1 and 0.2/0.5: the largest is the first.
    assertEquals(Math.abs(0.30 / 0.32 - 1) / 0.1, r.worstGapOverBudget(), 1e-14);
    assertEquals(0.05 / (4 * 0.01 + 0.5 * 0.25), r.closedFormGapOverBudget(), 1e-14);
    SaddleEscape.Result none = new SaddleEscape.Result(C, 1, 0, 5L, 2, -0.1, 0.1, 0.01, 0.2, 0.01, 0.25, 0.5,
        List.of(), run);
    assertTrue(Double.isNaN(none.worstGapOverBudget()));
    assertTrue(Double.isNaN(none.meanRate()));
    // The intervals are copied.
    List<SaddleEscape.Interval> mutable = new ArrayList<>(iv);
    SaddleEscape.Result copied = new SaddleEscape.Result(C, 1, 0, 5L, 2, -0.1, 0.1, 0.01, 0.2, 0.01, 0.25, 0.5,
        mutable, run);
    mutable.clear();
    assertEquals(2, copied.intervals().size());
  }

  @Test
  void anOffTaskPairEscapesAtTwiceItsSlopeInEveryLinearInterval() {
    // Computed here, not in a @BeforeAll: PIT credits a class-level set-up to no test that reads its result.
    SaddleEscape.Result r = SaddleEscape.run(C, HEAD, TASK, SEED, DRAWS, T_END, 1);
    LimitPoint lp = LimitPoint.of(C);
    double muStar = lp.muStar(TASK);
    PromptSource sample = StoredPrompts.copyOf(PromptSampler.of(C, SEED, DRAWS, true));
    int oi = SaddleEscape.oIndex(C, HEAD, TASK);
    int vi = SaddleEscape.vIndex(C, HEAD, TASK);
    double[] lim = limit();
    try (FullModel m = new FullModel(C, 1)) {
      assertEquals(SaddleEscape.probe(m, C, sample, lim, oi, vi), r.slope());
      assertEquals(SaddleEscape.curvatureAlongPair(m, C, sample, lim, oi, vi, 1e-3), r.curvature());
      double f0 = m.loss(AttentionWeights.fromFlat(C, lim), sample);
      double fMuMu = SaddleEscape.muMuCurvature(C, lp.state(new int[] {0, 1}, 0.0), HEAD, TASK);
      assertEquals(fMuMu * 1e-6 / 4 + 4 * 16 * DRAWS * 0x1.0p-53 * Math.abs(f0) / 1e-6, r.curvatureBudget(), 1e-15);
      double[] slope = SaddleEscape.slopeOnFreshBatches(m, C, lim, oi, vi, SEED ^ 0x5ADD1EL);
      assertEquals(slope[0], r.populationSlope());
      assertEquals(slope[1], r.populationSlopeSe());
    }
    // The curvature along o = −v is −g (class comment's budget).
    assertEquals(-r.slope(), r.curvature(), r.curvatureBudget());
    assertEquals(lp.saddleCoefficient(TASK), r.closedFormSlope());
    assertEquals(Math.E * 2 / 4, r.modelError(), 1e-15);
    assertEquals(C, r.config());
    assertEquals(HEAD, r.head());
    assertEquals(TASK, r.task());
    assertEquals(SEED, r.seed());
    assertEquals(DRAWS, r.draws());
    // The start: o = −v = ε with ε² = 0.1 · 1e-5 μ*.
    List<TrajectorySample> tr = r.run().trajectory();
    assertEquals(-0.1 * SaddleEscape.LINEAR_LOW * muStar, tr.get(0).state().mu(HEAD, TASK), 1e-15 * muStar);
    assertEquals(16 * DRAWS, r.run().prompts());
    assertEquals(T_END, r.run().tEnd());
    // The flow is FullGradientFlow's from that start with the class's settings (its observer only reads).
    double[] start = lim.clone();
    double eps = Math.sqrt(0.1 * SaddleEscape.LINEAR_LOW * muStar);
    start[oi] = eps;
    start[vi] = -eps;
    FullRun direct;
    try (FullModel m = new FullModel(C, 1)) {
      direct = FullGradientFlow.run(m, sample, true, DRAWS, AttentionWeights.fromFlat(C, start),
          new FullGradientFlow.Options().tEnd(T_END).tolerances(1e-9, 1e-14).recordSpacing(T_END / 80)
              .fresh(2000, SEED + 1).start(1, 0, SEED).limit(lp));
    }
    assertEquals(direct.trajectory().size(), tr.size());
    assertEquals(direct.fFresh(), r.run().fFresh());
    assertEquals(direct.fFinal(), r.run().fFinal());
    // Every recording interval with both ends in 1e-5 μ* ≤ |μ| ≤ 1e-2 μ* is an interval, rebuilt here from the
    // trajectory; each grows at 2 g(t) within its budget (F_μμ |μ|/g and 1e-3).
    int k = 0;
    for (int s = 1; s < tr.size(); s++) {
      double a = -tr.get(s - 1).state().mu(HEAD, TASK);
      double b = -tr.get(s).state().mu(HEAD, TASK);
      if (a < SaddleEscape.LINEAR_LOW * muStar || b > SaddleEscape.LINEAR_HIGH * muStar) {
        continue;
      }
      SaddleEscape.Interval i = r.intervals().get(k++);
      assertEquals(tr.get(s - 1).t(), i.t0());
      assertEquals(tr.get(s).t(), i.t1());
      assertEquals(b, i.absMu());
      assertEquals(Math.log(b / a) / (i.t1() - i.t0()), i.rate(), 1e-14 * i.rate());
      double budget = (1 + r.modelError()) * SaddleEscape.muMuCurvature(C, tr.get(s).state(), HEAD, TASK) * b
          / (0.5 * i.predicted()) + 1e-3;
      assertEquals(budget, i.budget(), 1e-14 * budget);
      assertTrue(i.gap() <= i.budget(), "rate " + i.rate() + " vs 2g " + i.predicted() + " at t = " + i.t0());
      // A strict saddle: g(t) > 0, the pair grows.
      assertTrue(i.predicted() > 0 && i.rate() > 0, "2 g(t) = " + i.predicted() + ", rate " + i.rate());
    }
    assertEquals(k, r.intervals().size());
    assertTrue(k >= 10, "intervals in the linear regime: " + k);
    // The run goes past the regime's upper end 1e-2 μ*, so its end is tested too.
    assertTrue(-tr.get(tr.size() - 1).state().mu(HEAD, TASK) > SaddleEscape.LINEAR_HIGH * muStar);
    System.out.printf("tiny escape: %d intervals, mean rate %.5f vs mean 2g(t) %.5f, 2g* %.5f, worst gap/budget %.3f%n",
        k, r.meanRate(), r.meanPredicted(), 2 * lp.saddleCoefficient(TASK), r.worstGapOverBudget());
  }

  @Test
  void onlyAnOffTaskPairOfAProblemWithAHeadPerTaskIsAccepted() {
    ProblemConfig oneHead = ProblemConfig.of(2, new int[] {1, 1}, 1, 4, 0.0, 1.0);
    refused(oneHead, 0, 1);
    refused(C, 1, 1);
    refused(C, -1, 0);
    refused(C, 2, 0);
    refused(C, 0, -1);
    refused(C, 1, 2);
    // Head 0 is a head: the check lets (0, 1) through, and a bad t_end then fails in the flow.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SaddleEscape.run(C, 0, 1, 1L, 1, -1, 1));
    assertEquals("t_end must be finite and > 0 (got -1.0)", e.getMessage());
  }

  /** Refused by the argument check itself (not by an index check further on, which would throw too). */
  private static void refused(ProblemConfig c, int head, int task) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SaddleEscape.run(c, head, task, 1L, 1, 1, 1));
    assertEquals("need H >= n and an off-task pair (head != task)", e.getMessage());
  }

  /**
   * The linear regime is the closed range [1e-5 μ*, 1e-2 μ*]: an interval starting exactly at the lower bound or
   * ending exactly at the upper one is measured, one ulp outside is not.
   */
  @Test
  void theLinearRegimeIncludesItsBounds() {
    double muStar = LimitPoint.of(SgdStepTest.C).muStar(0);
    double low = SaddleEscape.LINEAR_LOW * muStar;
    double high = SaddleEscape.LINEAR_HIGH * muStar;
    assertTrue(SaddleEscape.inLinearRegime(low, 2 * low, muStar));
    assertTrue(SaddleEscape.inLinearRegime(high / 2, high, muStar));
    assertFalse(SaddleEscape.inLinearRegime(Math.nextDown(low), 2 * low, muStar));
    assertFalse(SaddleEscape.inLinearRegime(high / 2, Math.nextUp(high), muStar));
  }
}
