package io.github.softmaxicl.numerics.comparison;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.EmergenceWindow;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.full.AttentionWeights;
import io.github.softmaxicl.numerics.full.FullGradientFlow;
import io.github.softmaxicl.numerics.full.FullModel;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.PromptSampler;
import io.github.softmaxicl.numerics.full.PromptSource;
import io.github.softmaxicl.numerics.full.RunAnalysis;
import io.github.softmaxicl.numerics.full.StoredPrompts;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link FullVsReduced}, {@link Comparison} and {@link CriterionDrift} on a tiny problem (d = 2, blocks 1 + 1,
 * H = 2, L = 4, a few draws): the helpers on hand-made trajectories (window end, log interpolation, dense window),
 * the comparison's deviations, criterion ω(0)√(LN) and budget against a hand computation on its own two runs, and
 * the drift measurement against its formula on the same runs recomputed here. The slow FullVsReducedTest and
 * CriterionDriftTest check the physics (the budgets hold, the drift is the frozen term's) on larger problems.
 */
class DriftAndComparisonFastTest {
  private static final ProblemConfig C = ProblemConfig.of(2, new int[] {1, 1}, 2, 4, 0.0, 1.0);
  private static final double K = 1;
  private static final int DRAWS = 2;
  private static final long SEED = 31L;
  private static final double T_END = 14;
  private static final double WINDOW = 0.3;

  /** A short comparison (t_end 0.4, milliseconds) whose runs and budget hand-made records can borrow. */
  private static Comparison quick() {
    return FullVsReduced.compare(C, K, DRAWS, SEED, 0.4, new FullVsReduced.Options().threads(1).freshPrompts(2));
  }

  private static FullVsReduced.Options options() {
    return new FullVsReduced.Options().tolerances(1e-7, 1e-10).threads(1).freshPrompts(20).windowSignal(WINDOW);
  }

  private static TrajectorySample sample(double t, double[][] omega, double[][] mu) {
    return TrajectorySample.reduced(t, 1.0, SpectralState.of(omega, mu));
  }

  @Test
  void theWindowEndsWhereTheLargestNormalisedSignalReachesItsLevel() {
    // Blocks 2 + 2 (ω* = 1/√2, so μ*ω* is not μ*/ω*): μ*ω* is the same for both tasks; signals as fractions of
    // it, with ω = 1.
    ProblemConfig c = ProblemConfig.of(4, new int[] {2, 2}, 2, 4, 0.0, 1.0);
    double ref = ClosedForms.muStar(c, 0) * ClosedForms.omegaStar(c, 0);
    double[][] om = {{1, 1}, {1, 1}};
    List<TrajectorySample> tr = List.of(
        sample(0, om, new double[][] {{0.02 * ref, 0.01 * ref}, {0, 0}}),
        sample(1, om, new double[][] {{0.03 * ref, 0.01 * ref}, {0, 0.06 * ref}}),
        sample(2, om, new double[][] {{0.14 * ref, 0.01 * ref}, {0, 0.05 * ref}}));
    // The largest signal is 0.06 at t = 1 (head 1, task 1) and 0.14 at t = 2: 0.1 is crossed at t = 1.5.
    assertEquals(1.5, FullVsReduced.windowEnd(c, tr, 0.1), 1e-12);
    assertEquals(1.0, FullVsReduced.windowEnd(c, tr, 0.06), 1e-12); // reached exactly at a sample
    assertEquals(0.0, FullVsReduced.windowEnd(c, tr, 0.01)); // at the first sample: its time
    assertEquals(2.0, FullVsReduced.windowEnd(c, tr, 0.5)); // never: the last time
  }

  @Test
  void theReducedStateIsInterpolatedLinearlyInItsLogarithms() {
    List<TrajectorySample> tr = List.of(
        sample(1, new double[][] {{0.1, -0.3}, {1, 1}}, new double[][] {{-0.2, 2}, {1, 1}}),
        sample(3, new double[][] {{0.4, -0.3}, {1, 1}}, new double[][] {{-0.8, 0.5}, {1, 1}}),
        sample(3, new double[][] {{5, 5}, {5, 5}}, new double[][] {{5, 5}, {5, 5}}),
        sample(4, new double[][] {{7, 7}, {7, 7}}, new double[][] {{7, 7}, {7, 7}}));
    SpectralState mid = FullVsReduced.interpolate(tr, 2);
    assertEquals(0.2, mid.omega(0, 0), 1e-15); // √(0.1·0.4)
    assertEquals(-0.3, mid.omega(0, 1), 1e-15);
    assertEquals(-0.4, mid.mu(0, 0), 1e-15); // sign kept
    assertEquals(1.0, mid.mu(0, 1), 1e-15); // √(2·0.5)
    SpectralState quarter = FullVsReduced.interpolate(tr, 1.5);
    assertEquals(Math.pow(0.1, 0.75) * Math.pow(0.4, 0.25), quarter.omega(0, 0), 1e-15);
    assertEquals(0.1, FullVsReduced.interpolate(tr, 1).omega(0, 0), 1e-15); // the first sample
    assertEquals(0.1, FullVsReduced.interpolate(tr, 0).omega(0, 0), 1e-15); // before it: the first sample
    assertEquals(0.4, FullVsReduced.interpolate(tr, 3).omega(0, 0), 1e-15); // the first sample at t = 3
    assertEquals(7.0, FullVsReduced.interpolate(tr, 9).omega(0, 0)); // beyond the end: the last
    // A time at the first sample, which is also the second's: that state (no division by a zero interval).
    List<TrajectorySample> twice = List.of(tr.get(1), tr.get(2), tr.get(3));
    assertEquals(0.4, FullVsReduced.interpolate(twice, 3).omega(0, 0));
  }

  @Test
  void theDenseWindowIsTheReducedWindowWidenedByDeltaAndCutToTheRun() {
    ReducedRun r = ReducedFlowRunner.run(C, Initialisations.paper(C, K), T_END,
        ReducedFlowOptions.defaults().withSampling(400, 400));
    Optional<EmergenceWindow> w0 = EmergenceWindow.of(r.markers().warmupEnd(), r.markers().emergenceEnd(),
        r.markers().taskWarmupEnds(), r.markers().taskEmergenceEnds());
    assertTrue(w0.isPresent(), "no reduced emergence by t = " + T_END);
    EmergenceWindow w = w0.orElseThrow();
    EmergenceWindow wide = FullVsReduced.denseWindow(r, 1e9).orElseThrow();
    assertEquals(Math.max(0, w.lo() - w.delta()), wide.lo());
    assertEquals(w.hi() + w.delta(), wide.hi());
    assertEquals(w.delta(), wide.delta());
    // Cut at the end of the run, and empty when the run ends before the widened window starts.
    double cut = 0.5 * (wide.lo() + wide.hi());
    assertEquals(cut, FullVsReduced.denseWindow(r, cut).orElseThrow().hi());
    // The widened window starts at t = 0 here; a run that ends where it starts leaves it empty.
    assertEquals(0.0, wide.lo());
    assertFalse(FullVsReduced.denseWindow(r, 0.0).isPresent());
    assertEquals(Double.MIN_VALUE, FullVsReduced.denseWindow(r, Double.MIN_VALUE).orElseThrow().hi());
    // Without an emergence (a run to t = 1) there is no window.
    ReducedRun early = ReducedFlowRunner.run(C, Initialisations.paper(C, K), 1, ReducedFlowOptions.defaults());
    assertFalse(FullVsReduced.denseWindow(early, 1).isPresent());
    System.out.printf("tiny comparison: reduced window [%.4f, %.4f] delta %.4f, dense [%.4f, %.4f]%n", w.lo(),
        w.hi(), w.delta(), wide.lo(), wide.hi());
  }

  @Test
  void theComparisonIsItsTwoRunsComparedByHand() {
    // Computed here, not in a @BeforeAll: PIT credits a class-level set-up to no test that reads its result.
    Comparison cmp = FullVsReduced.compare(C, K, DRAWS, SEED, T_END, options().controlVariate(false)
        .progress(io.github.softmaxicl.numerics.full.Progress.NONE));
    FullVsReduced.Options o = options();
    SpectralState init = Initialisations.paper(C, K);
    ReducedRun reduced = ReducedFlowRunner.run(C, init, T_END, o.reduced);
    assertEquals(reduced.trajectory().size(), cmp.reduced().trajectory().size());
    assertEquals(reduced.markers().emergenceEnd(), cmp.reduced().markers().emergenceEnd());
    // The full run is the flow on the stored symmetrised sample with the comparison's settings, bit for bit.
    PromptSampler sampler = PromptSampler.of(C, SEED, DRAWS, true);
    FullRun full;
    try (FullModel m = new FullModel(C, 1)) {
      FullGradientFlow.Options fo = new FullGradientFlow.Options().tEnd(T_END).tolerances(1e-7, 1e-10)
          .fresh(20, SEED ^ 0x5DEECE66DL).start(K, 0, SEED).recordSpacing(T_END / 2000);
      FullVsReduced.denseWindow(reduced, T_END).ifPresent(w -> fo.denseWindow(w, FullVsReduced.DENSE_SAMPLES));
      full = FullGradientFlow.run(m, StoredPrompts.copyOf(sampler), true, DRAWS, AttentionWeights.paperInit(C, K),
          fo);
    }
    FullRun got = cmp.full();
    assertEquals(full.trajectory().size(), got.trajectory().size());
    for (int s = 0; s < full.trajectory().size(); s++) {
      assertEquals(full.trajectory().get(s).t(), got.trajectory().get(s).t());
      assertEquals(full.trajectory().get(s).loss(), got.trajectory().get(s).loss());
    }
    assertEquals(FullVsReduced.DENSE_SAMPLES, got.emergenceSamples().size());
    assertEquals(full.emergenceSamples().get(7).loss(), got.emergenceSamples().get(7).loss());
    assertEquals(full.fFresh(), got.fFresh());
    assertEquals("DormandPrince54", got.method());
    assertEquals(1e-7, got.relTol());
    assertEquals(1e-10, got.absTol());
    assertEquals(K, got.initScale());
    assertEquals(SEED, got.seed());
    assertEquals(DRAWS * 16, got.prompts());
    // Window end and the deviations over the full run's samples up to it.
    double tWin = FullVsReduced.windowEnd(C, reduced.trajectory(), WINDOW);
    assertEquals(tWin, cmp.windowEnd());
    assertTrue(tWin > 0 && tWin < T_END, "window end " + tWin);
    double maxOmega = 0;
    double maxMu = 0;
    int inWindow = 0;
    for (TrajectorySample p : full.trajectory()) {
      if (p.t() <= tWin) {
        inWindow++;
        SpectralState red = FullVsReduced.interpolate(reduced.trajectory(), p.t());
        for (int h = 0; h < 2; h++) {
          for (int i = 0; i < 2; i++) {
            maxOmega = Math.max(maxOmega, Math.abs(p.state().omega(h, i) / red.omega(h, i) - 1));
            maxMu = Math.max(maxMu, Math.abs(p.state().mu(h, i) / red.mu(h, i) - 1));
          }
        }
      }
    }
    assertTrue(inWindow > 10 && inWindow < full.trajectory().size(), "samples in the window: " + inWindow);
    assertEquals(maxOmega, cmp.maxOmegaDeviation());
    assertEquals(maxMu, cmp.maxMuDeviation());
    assertTrue(maxOmega > 0 && maxMu > 0);
    // Criterion ω(0)√(L N) of MODEL.md §9, and the growth over the window that sizes the budget.
    double criterion = Math.abs(init.omega(0, 0)) * Math.sqrt(4.0 * DRAWS);
    assertEquals(criterion, cmp.criterion(), 1e-15 * criterion);
    SpectralState at = FullVsReduced.interpolate(reduced.trajectory(), tWin);
    double growth = 0;
    for (int h = 0; h < 2; h++) {
      for (int i = 0; i < 2; i++) {
        growth = Math.max(growth, Math.abs(Math.log(at.mu(h, i) / init.mu(h, i))));
        growth = Math.max(growth, Math.abs(Math.log(at.omega(h, i) / init.omega(h, i))));
      }
    }
    assertTrue(growth > 0.1, "growth " + growth);
    assertEquals(ErrorBudget.of(C, cmp.criterion(), DRAWS, false, growth), cmp.budget());
    assertArrayEquals(RunAnalysis.allocation(full.finalState()), cmp.fullAllocation());
    assertArrayEquals(reduced.allocation(), cmp.reducedAllocation());
    assertArrayEquals(RunAnalysis.halfSignalTimes(full.trajectory(), C), cmp.fullHalfSignalTimes());
    assertArrayEquals(reduced.markers().halfSignal(), cmp.reducedHalfSignalTimes());
    assertEquals(full.markers().emergenceEnd(), cmp.fullEmergenceEnd());
    assertEquals(reduced.markers().emergenceEnd(), cmp.reducedEmergenceEnd());
    assertEquals(K, cmp.initScale());
    assertEquals(DRAWS, cmp.draws());
    assertEquals(SEED, cmp.seed());
    assertEquals(C, cmp.config());
  }

  @Test
  void theWindowLevelAndTheControlVariateReachTheirRuns() {
    // Short runs (t_end 0.4) on two draws: only the settings' effects are looked at. (The control-variate flow
    // is not run here: on 32 prompts its corrected loss is not bounded below and the flow runs away.)
    Comparison cv = FullVsReduced.compare(C, K, DRAWS, SEED, 0.4, new FullVsReduced.Options().threads(1)
        .freshPrompts(2).windowSignal(0.45).recordSpacing(0.1).reducedOptions(ReducedFlowOptions.defaults()));
    assertEquals("DormandPrince54", cv.full().method());
    assertEquals(1e-7, cv.full().relTol());
    List<TrajectorySample> tr = cv.full().trajectory();
    assertTrue(tr.size() >= 3 && tr.size() <= 5, "samples at spacing 0.1 to t = 0.4: " + tr.size());
    for (int s = 1; s < tr.size() - 1; s++) {
      assertTrue(tr.get(s).t() - tr.get(s - 1).t() >= 0.1, "spacing at sample " + s);
    }
    assertEquals(FullVsReduced.windowEnd(C, cv.reduced().trajectory(), 0.45), cv.windowEnd());
    SpectralState init = Initialisations.paper(C, K);
    SpectralState at = FullVsReduced.interpolate(cv.reduced().trajectory(), cv.windowEnd());
    double growth = 0;
    for (int h = 0; h < 2; h++) {
      for (int i = 0; i < 2; i++) {
        growth = Math.max(growth, Math.abs(Math.log(at.mu(h, i) / init.mu(h, i))));
        growth = Math.max(growth, Math.abs(Math.log(at.omega(h, i) / init.omega(h, i))));
      }
    }
    assertEquals(ErrorBudget.of(C, cv.criterion(), DRAWS, false, growth), cv.budget());
    for (double bad : new double[] {0, 0.5, -0.1, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FullVsReduced.compare(C, K,
          1, SEED, 0.1, new FullVsReduced.Options().windowSignal(bad)));
      assertEquals("window signal must lie in (0, 0.5) (got " + bad + ")", e.getMessage());
    }
  }

  @Test
  void theComparisonsSummariesAreTheirFormulas() {
    Comparison cmp = quick();
    Comparison c = new Comparison(C, K, DRAWS, SEED, 3.0, 1.0, 0.02, 0.05, new int[] {0, 1}, new int[] {0, 1},
        new double[] {2.0, 4.0}, new double[] {2.5, 3.0}, 7, 8, cmp.budget(), cmp.full(), cmp.reduced());
    assertEquals(0.05, c.maxDeviation());
    assertEquals(0.05, new Comparison(C, K, DRAWS, SEED, 3.0, 1.0, 0.06, 0.05, new int[] {0, 1}, new int[] {0, 1},
        new double[] {2.0, 4.0}, new double[] {2.5, 3.0}, 7, 8, cmp.budget(), cmp.full(), cmp.reduced())
        .maxDeviation() - 0.01, 1e-15);
    assertTrue(c.sameAllocation());
    // |2/2.5 − 1| = 0.2, |4/3 − 1| = 1/3: the largest.
    assertEquals(4.0 / 3 - 1, c.maxHalfSignalTimeDeviation(), 1e-15);
    Comparison other = new Comparison(C, K, DRAWS, SEED, 3.0, 1.0, 0.02, 0.05, new int[] {1, 1}, new int[] {0, 1},
        new double[] {Double.NaN, 4.0}, new double[] {2.5, 3.0}, 7, 8, cmp.budget(), cmp.full(), cmp.reduced());
    assertFalse(other.sameAllocation());
    assertTrue(Double.isNaN(other.maxHalfSignalTimeDeviation()));
    String s = c.toString();
    assertTrue(s.contains("k=1.00 N=2 criterion=3.00 window=1.000 dev(omega)=0.0200 dev(mu)=0.0500"), s);
    assertTrue(s.contains("alloc [0, 1]/[0, 1] t_half full [2.0, 4.0] red [2.5, 3.0] rel 0.3333"), s);
    assertTrue(s.contains("t_e full 7.000 red 8.000"), s);
    // The arrays are copied.
    int[] alloc = {0, 1};
    double[] times = {1, 1};
    Comparison copied = new Comparison(C, K, DRAWS, SEED, 3.0, 1.0, 0.02, 0.05, alloc, alloc, times, times, 7, 8,
        cmp.budget(), cmp.full(), cmp.reduced());
    alloc[0] = 9;
    times[0] = 9;
    assertEquals(0, copied.fullAllocation()[0]);
    assertEquals(0, copied.reducedAllocation()[0]);
    assertEquals(1.0, copied.fullHalfSignalTimes()[0]);
    assertEquals(1.0, copied.reducedHalfSignalTimes()[0]);
  }

  @Test
  void theDriftMeasurementIsItsRunsAndItsFormula() {
    int prompts = 24;
    long seed = 2024L;
    double tEnd = 3;
    CriterionDrift.Result r = CriterionDrift.measure(C, seed, prompts, tEnd, 1);
    PromptSource sample = StoredPrompts.copyOf(PromptSampler.of(C, seed, prompts, false));
    SamplingDrift drift = SamplingDrift.of(sample, prompts);
    SpectralState init = Initialisations.paper(C);
    ReducedRun reduced = ReducedFlowRunner.run(C, init, tEnd, ReducedFlowOptions.defaults().withSampling(400, 400));
    FullRun full;
    try (FullModel m = new FullModel(C, 1)) {
      full = FullGradientFlow.run(m, sample, false, prompts, AttentionWeights.paperInit(C, 1),
          new FullGradientFlow.Options().tEnd(tEnd).tolerances(1e-8, 1e-12).recordSpacing(1).fresh(2000, seed + 1)
              .start(1, 0, seed));
    }
    assertEquals(full.fFresh(), r.full().fFresh());
    assertEquals(full.trajectory().size() - 1, r.samples().size()); // t = 0 left out
    assertTrue(r.samples().size() >= 3, "samples " + r.samples().size());
    for (int s = 0; s < r.samples().size(); s++) {
      TrajectorySample p = full.trajectory().get(s + 1);
      CriterionDrift.Sample got = r.samples().get(s);
      assertEquals(p.t(), got.t());
      SpectralState red = FullVsReduced.interpolate(reduced.trajectory(), p.t());
      for (int i = 0; i < 2; i++) {
        double sumMu0 = init.mu(0, i) + init.mu(1, i);
        assertEquals(drift.predictedLogMuDrift(C, i, sumMu0, p.t()), got.predicted(i));
        assertEquals(drift.driftSpread(C, i, p.t()), got.spread(i));
        for (int h = 0; h < 2; h++) {
          assertEquals(Math.log(p.state().mu(h, i) / red.mu(h, i)), got.measured(h, i), 1e-15);
        }
      }
    }
    assertEquals(tEnd, r.last().t());
    SpectralState end = FullVsReduced.interpolate(reduced.trajectory(), tEnd);
    for (int i = 0; i < 2; i++) {
      assertEquals(Math.log(end.mu(0, i) / init.mu(0, i)), r.usefulGrowth()[i], 1e-15);
    }
    // Criterion ω(0)√(L N): |ω(0)| of the paper init, L = 4, N = 24 plain draws.
    assertEquals(Math.abs(init.omega(0, 0)) * Math.sqrt(4.0 * 24), r.criterion(), 1e-15);
    assertEquals(C, r.config());
    assertEquals(seed, r.seed());
    assertEquals(prompts, r.prompts());
    assertFalse(r.full().symmetrised());
    assertEquals(1e-8, r.full().relTol());
    assertEquals(1e-12, r.full().absTol());
  }

  @Test
  void theDriftFitRecoversAQuadraticAndThePredictedSlopeIsTheLastPredictionOverTime() {
    FullRun any = quick().full();
    // ln(μ_full/μ_red) = 0.3 t − 0.05 t² for head 1 on task 0, up to t = 4; a sample at t = 5 off the curve.
    List<CriterionDrift.Sample> s = new ArrayList<>();
    for (int k = 1; k <= 5; k++) {
      double t = k;
      double y = k == 5 ? 100 : 0.3 * t - 0.05 * t * t;
      s.add(new CriterionDrift.Sample(t, new double[][] {{0, 0}, {y, 0}}, new double[] {0.7 * t, 0},
          new double[] {0.1 * t, 0}));
    }
    CriterionDrift.Result r = new CriterionDrift.Result(C, 1L, 10, 0.5, s, new double[] {1, 2}, any);
    double[] ab = r.fit(1, 0, 4);
    assertEquals(0.3, ab[0], 1e-12);
    assertEquals(-0.05, ab[1], 1e-12);
    // Two samples (t = 1, 2, the window's end included) determine a and b exactly.
    double[] two = r.fit(1, 0, 2);
    assertEquals(0.3, two[0], 1e-12);
    assertEquals(-0.05, two[1], 1e-12);
    double[] all = r.fit(1, 0);
    assertTrue(Math.abs(all[0] - 0.3) > 1, "the t = 5 sample counts without a window: " + all[0]);
    assertEquals(0.7, r.predictedSlope(0), 1e-15);
    assertEquals(5.0, r.last().t());
    assertEquals(0.5, r.last().spread(0), 1e-15);
    // Copies: the caller's arrays and list are not shared.
    double[][] measured = {{1, 2}, {3, 4}};
    double[] pred = {1, 2};
    CriterionDrift.Sample one = new CriterionDrift.Sample(1, measured, pred, pred);
    measured[1][0] = 9;
    pred[0] = 9;
    assertEquals(3.0, one.measured(1, 0));
    assertEquals(1.0, one.predicted(0));
    assertEquals(1.0, one.spread(0));
    List<CriterionDrift.Sample> list = new ArrayList<>(List.of(one));
    double[] useful = {1, 2};
    CriterionDrift.Result copied = new CriterionDrift.Result(C, 1L, 10, 0.5, list, useful, any);
    list.clear();
    useful[0] = 9;
    assertEquals(1, copied.samples().size());
    assertEquals(1.0, copied.usefulGrowth()[0]);
  }

  /**
   * The deviations run over the samples up to the window's end, that end included: a full sample exactly at
   * t_win that is off the reduced one by 1/2 in ω and 1/4 in μ sets both maxima; one after it (off by far more)
   * does not, nor does the t_win sample when the window ends one ulp before it.
   */
  @Test
  void theDeviationsIncludeASampleExactlyAtTheWindowsEnd() {
    ProblemConfig c = ProblemConfig.of(2, new int[] {1, 1}, 2, 4, 0.0, 1.0);
    SpectralState red = SpectralState.of(new double[][] {{0.5, 0.25}, {0.25, 0.5}},
        new double[][] {{0.5, 0.25}, {0.25, 0.5}});
    SpectralState off = SpectralState.of(new double[][] {{0.75, 0.25}, {0.25, 0.5}},
        new double[][] {{0.625, 0.25}, {0.25, 0.5}});
    SpectralState far = SpectralState.of(new double[][] {{4.0, 0.25}, {0.25, 0.5}},
        new double[][] {{4.0, 0.25}, {0.25, 0.5}});
    List<TrajectorySample> reduced = List.of(TrajectorySample.reduced(0, 1, red), TrajectorySample.reduced(2, 1, red));
    List<TrajectorySample> full = List.of(TrajectorySample.full(0, 1, red, 0), TrajectorySample.full(1, 1, off, 0),
        TrajectorySample.full(1.5, 1, far, 0));
    // The reduced state at t = 1 is read through log-linear interpolation (exp of a log): within a few ulps.
    assertArrayEquals(new double[] {0.5, 0.25}, FullVsReduced.deviations(c, full, reduced, 1.0), 1e-15);
    assertArrayEquals(new double[] {0, 0}, FullVsReduced.deviations(c, full, reduced, Math.nextDown(1.0)));
  }
}
