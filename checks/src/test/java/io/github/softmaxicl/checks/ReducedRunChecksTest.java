package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.reduced.WarmupPredictor;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Instance;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.WarmupTimes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The per-run checks pass on the presets and on an unequal-block configuration, are not applicable where a
 * hypothesis fails, and fail (or error) on deliberately wrong inputs.
 */
class ReducedRunChecksTest {
  private static final ReducedFlowOptions OPTIONS = ReducedFlowOptions.defaults();
  /** The configuration issue 13 was filed on: unequal blocks, sigma > 0. */
  private static final ProblemConfig UNEQUAL = ProblemConfig.of(18, new int[] {4, 6, 8}, 3, 120, 0.2, 1.0);

  private static Map<String, Verdict> byClaim(List<Verdict> verdicts) {
    return verdicts.stream().collect(Collectors.toMap(Verdict::claimId, v -> v));
  }

  /** A run with everything the checks need, computed as the experiment computes it. */
  private record Checked(ReducedRun run, Instance instance, PhaseReference reference) {
    static Checked of(ProblemConfig c, SpectralState init, double tEnd) {
      WarmupTimes w = WarmupPredictor.predict(c, init);
      ReducedRun run = ReducedFlowRunner.run(c, init, tEnd, OPTIONS);
      ReducedRun half = ReducedFlowRunner.run(c, init.scaled(0.5), 6 * w.latest(), OPTIONS);
      double[] tw = run.markers().taskWarmupEnds();
      double[][] mu = new double[c.tasks()][];
      for (int i = 0; i < mu.length; i++) {
        mu[i] = WarmupPredictor.muAt(c, init, i, tw[i]);
      }
      return new Checked(run, new Instance(c, init, tEnd, w), new PhaseReference(half, mu));
    }

    Map<String, Verdict> verdicts() {
      return byClaim(ReducedRunChecks.check("x", run, instance, Optional.of(reference)));
    }
  }

  @ParameterizedTest
  @EnumSource(Preset.class)
  void everyPresetPassesEveryPerRunClaim(Preset p) {
    Checked checked = Checked.of(p.config(), p.initialState(), p.defaultTEnd());
    List<Verdict> verdicts = ReducedRunChecks.check(p.id() + "-reduced", checked.run(), checked.instance(),
        Optional.of(checked.reference()));
    assertEquals(ReducedRunChecks.claims().size(), verdicts.size(), "verdict count");
    for (Verdict v : verdicts) {
      assertEquals(Verdict.Status.PASS, v.status(), v.claimId() + " on " + p.id() + ": " + v.evidence());
      assertTrue(v.measured() <= v.threshold(), v.claimId());
    }
    Verdict cert = certificate(p.id(), checked.run());
    assertEquals(Verdict.Status.PASS, cert.status(), cert.evidence().toString());
  }

  @Test
  void unequalBlocksPassPerTask() {
    // The configuration on which the global P2 markers failed (issue 13): per task, every claim holds.
    Map<String, Verdict> v = Checked.of(UNEQUAL, Initialisations.paper(UNEQUAL), 3e4).verdicts();
    for (Verdict verdict : v.values()) {
      assertEquals(Verdict.Status.PASS, verdict.status(), verdict.claimId() + ": " + verdict.evidence());
    }
  }

  @Test
  void fewerHeadsThanTasksIsNotApplicableNamingTheHypothesis() {
    ProblemConfig c = ProblemConfig.of(12, new int[] {4, 4, 4}, 2, 40, 0.0, 1.0);
    SpectralState init = Initialisations.paper(c);
    ReducedRun run = ReducedFlowRunner.run(c, init, 3e3, OPTIONS);
    Instance instance = new Instance(c, init, 3e3, WarmupPredictor.predict(c, init));
    for (Verdict v : ReducedRunChecks.check("under", run, instance, Optional.empty())) {
      assertEquals(Verdict.Status.NOT_APPLICABLE, v.status(), v.claimId());
      assertTrue(v.evidence().get(0).contains("'H >= n' fails: H = 2 < n = 3"), v.evidence().toString());
    }
  }

  @Test
  void aHeadFavouredByTwoTasksIsNotApplicable() {
    ProblemConfig c = Preset.SMALL.config();
    double base = Math.pow(c.promptLength(), -1.5);
    double w = base / Math.sqrt(c.tokenDim());
    SpectralState init = SpectralState.of(new double[][] {{w, w}, {w, w}},
        new double[][] {{4 * base, 4 * base}, {base, base}});
    ReducedRun run = ReducedFlowRunner.run(c, init, 3e4, OPTIONS);
    Instance instance = new Instance(c, init, 3e4, WarmupPredictor.predict(c, init));
    for (Verdict v : ReducedRunChecks.check("shared", run, instance, Optional.empty())) {
      assertEquals(Verdict.Status.NOT_APPLICABLE, v.status(), v.claimId());
      assertTrue(v.evidence().get(0).contains("distinct favourite heads"), v.evidence().toString());
    }
  }

  @Test
  void aLargeStartIsNotASmallStart() {
    // Scaled by 20 the start is no longer small (tau/T > 0.05): the P2 claims do not apply, P1 still does.
    ProblemConfig c = Preset.SMALL.config();
    SpectralState init = Initialisations.paper(c, 20.0);
    Instance instance = new Instance(c, init, 3e4, WarmupPredictor.predict(c, init));
    ReducedRun run = ReducedFlowRunner.run(c, init, 3e4, OPTIONS);
    Map<String, Verdict> v = byClaim(ReducedRunChecks.check("large", run, instance, Optional.empty()));
    assertEquals(Verdict.Status.NOT_APPLICABLE, v.get("P2-phases").status());
    assertTrue(v.get("P2-phases").evidence().get(0).contains("small start"), v.get("P2-phases").evidence().get(0));
    assertEquals(Verdict.Status.PASS, v.get("P1-convergence").status(), v.get("P1-convergence").evidence().toString());
  }

  @Test
  void aShortHorizonIsNotApplicableButUnreachedMarkersFail() {
    Preset p = Preset.SMALL;
    // T ≈ 120 for small: a run to t = 50 cannot speak to the limit or the phases (hypothesis) ...
    ReducedRun run = ReducedFlowRunner.run(p.config(), p.initialState(), 50.0, OPTIONS);
    WarmupTimes w = WarmupPredictor.predict(p.config(), p.initialState());
    Instance instance = new Instance(p.config(), p.initialState(), 50.0, w);
    Map<String, Verdict> v = byClaim(ReducedRunChecks.check("small-short", run, instance, Optional.empty()));
    assertEquals(Verdict.Status.NOT_APPLICABLE, v.get("P1-convergence").status());
    assertTrue(v.get("P1-convergence").evidence().get(0).contains("t_end = 50"), v.get("P1-convergence").evidence()
        .get(0));
    // ... but a check handed a run whose markers were not reached fails; it never passes.
    assertEquals(Verdict.Status.FAIL, ReducedRunChecks.phases("small-short", run, w).status());
    assertEquals(Verdict.Status.FAIL, ReducedRunChecks.convergence("small-short", run).status());
    assertEquals(Verdict.Status.FAIL, certificate("small-short", run).status(),
        "an unconverged state must lie outside the certified box");
  }

  /**
   * P1-off-task measures log10 of the largest off-task |mu| / mu* from the flow's log coordinates: after the long
   * run |mu| has underflowed to 0 (the old measure read 0.0 on every preset), the log is finite and far below the
   * threshold -6; a run stopped at t = 50, before emergence (T ~ 120), has off-task mu near their start
   * (~ L^-1.5 ~ 4e-3) and fails.
   */
  @Test
  void offTaskMeasuresTheLogOfTheDecayedMuAndFailsBeforeTheyDecay() {
    Preset p = Preset.SMALL;
    ReducedRun run = ReducedFlowRunner.run(p.config(), p.initialState(), p.defaultTEnd(), OPTIONS);
    Verdict v = ReducedRunChecks.offTask("small", run);
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals(-6.0, v.threshold(), 1e-12);
    assertTrue(Double.isFinite(v.measured()) && v.measured() < -100, "log10 of decayed mu: " + v.measured());
    int[] alloc = run.allocation();
    double[][] logMu = run.logAbsMuFinal();
    for (int i = 0; i < alloc.length; i++) {
      // Where |mu| is representable (the on-task pair) the log coordinates and the state agree (1 rounding of exp).
      double m = Math.abs(run.finalState().mu(alloc[i], i));
      assertEquals(Math.log(m), logMu[alloc[i]][i], 1e-13, "task " + i);
      assertEquals(0.0, run.finalState().mu(1 - alloc[i], i), "the off-task mu of small has underflowed");
    }
    ReducedRun early = ReducedFlowRunner.run(p.config(), p.initialState(), 50.0, OPTIONS);
    Verdict e = ReducedRunChecks.offTask("small-short", early);
    assertEquals(Verdict.Status.FAIL, e.status(), e.evidence().toString());
    assertTrue(e.measured() > -6 && e.measured() < 0, "log10 |mu|/mu* before the decay: " + e.measured());
  }

  @Test
  void aWrongWarmupPredictionFailsPhases() {
    Checked ok = Checked.of(UNEQUAL, Initialisations.paper(UNEQUAL), 3e4);
    // 2 % off T_i is far outside tau_i/T_i ≈ 1e-3.
    WarmupTimes w = ok.instance().warmup();
    double[] shifted = w.blowUp();
    shifted[1] *= 1.02;
    Verdict v = ReducedRunChecks.phases("x", ok.run(), new WarmupTimes(shifted, w.tau()));
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
  }

  @Test
  void aWrongModelFailsPhasesEmergenceAndInclination() {
    // The run of L = 100 checked against the predictions for L = 120: a model error of the size of a changed
    // variance term is caught by every P2 check.
    ProblemConfig other = ProblemConfig.of(18, new int[] {4, 6, 8}, 3, 100, 0.2, 1.0);
    Checked wrong = Checked.of(other, Initialisations.paper(other), 3e4);
    Checked ok = Checked.of(UNEQUAL, Initialisations.paper(UNEQUAL), 3e4);
    assertEquals(Verdict.Status.FAIL,
        ReducedRunChecks.phases("x", wrong.run(), ok.instance().warmup()).status(), "phases");
    Verdict emergence = ReducedRunChecks.emergence("x", ok.run(), ok.instance().warmup(), wrong.run());
    assertEquals(Verdict.Status.FAIL, emergence.status(), emergence.evidence().toString());
  }

  /** The run with one sample's serving head of task 1 made sharper on its task by the factor {@code omegaFactor}. */
  private static ReducedRun withOvershoot(ReducedRun run, int sample, double omegaFactor) {
    List<io.github.softmaxicl.numerics.TrajectorySample> samples = new java.util.ArrayList<>(run.trajectory());
    io.github.softmaxicl.numerics.TrajectorySample t = samples.get(sample);
    double[][] w = t.state().omegaArray();
    w[run.allocation()[0]][0] *= omegaFactor;
    samples.set(sample, new io.github.softmaxicl.numerics.TrajectorySample(t.t(), t.loss(),
        SpectralState.of(w, t.state().muArray()), t.offStructureNorm()));
    return new ReducedRun(run.config(), run.init(), run.integratorName(), run.relTol(), run.absTol(),
        run.eventTimeAccuracy(), run.tEnd(), run.f0(), run.fFinal(), run.fStar(), run.markers(),
        run.allocation(),
        run.finalState(), run.logAbsMuFinal(), run.gradientNorm(), run.velocityNorm(), run.evaluations(),
        run.wallSeconds(),
        run.tailStart(), samples);
  }

  @Test
  void aSharpnessOvershootDuringEmergenceFailsSaturation() {
    // The old measurement (max sharpness / ln L) read 1/ln L on every converged run. An overshoot of the on-task
    // sharpness by 2e-5 (omega 1e-5 above its limit, 10 times the budget 2e-6) at the sample nearest the end of
    // emergence must fail, though the total sharpness stays far inside half of ln L.
    ReducedRun run = ReducedFlowRunner.run(UNEQUAL, Initialisations.paper(UNEQUAL), 3e4, OPTIONS);
    assertEquals(Verdict.Status.PASS, ReducedRunChecks.saturation("x", run).status());
    int k = 0;
    while (run.trajectory().get(k).t() < run.markers().taskEmergenceEnds()[0]) {
      k++;
    }
    SpectralState s = run.trajectory().get(k).state();
    double factor = (1 + 1e-5) / (Math.sqrt(UNEQUAL.blockSize(0)) * s.omega(run.allocation()[0], 0));
    Verdict v = ReducedRunChecks.saturation("x", withOvershoot(run, k, factor));
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertTrue(v.measured() > 5, "measured " + v.measured());
  }

  @Test
  void aFlowThatEndsSharperThanTheLimitFailsSaturation() {
    // A flow converging to d omega^2 = 1.1 (e.g. a variance term with the wrong exponent) at its last sample.
    ReducedRun run = ReducedFlowRunner.run(UNEQUAL, Initialisations.paper(UNEQUAL), 3e4, OPTIONS);
    Verdict v = ReducedRunChecks.saturation("x", withOvershoot(run, run.trajectory().size() - 1, Math.sqrt(1.1)));
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
  }

  @Test
  void aWindowThatScalesWithTheStartFailsEmergence() {
    // If the "half-scale" run is the same run, the window does not change: pass. If it is the run at the same
    // scale of a start whose warm-up is twice as long and the window with it (here: the quarter-scale start),
    // the check sees W change and fails.
    Checked ok = Checked.of(UNEQUAL, Initialisations.paper(UNEQUAL), 3e4);
    assertEquals(Verdict.Status.PASS,
        ReducedRunChecks.emergence("x", ok.run(), ok.instance().warmup(), ok.run()).status());
    ProblemConfig slow = ProblemConfig.of(18, new int[] {4, 6, 8}, 3, 120, 2.0, 1.0);
    ReducedRun different = ReducedFlowRunner.run(slow, Initialisations.paper(slow), 3e4, OPTIONS);
    Verdict v = ReducedRunChecks.emergence("x", ok.run(), ok.instance().warmup(), different);
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
  }

  @Test
  void noPredictedGrowthFailsInclination() {
    Checked ok = Checked.of(UNEQUAL, Initialisations.paper(UNEQUAL), 3e4);
    double[][] mu0 = new double[UNEQUAL.tasks()][];
    for (int i = 0; i < mu0.length; i++) {
      mu0[i] = ReducedRunChecks.muOfTask(ok.run().init(), i);
      mu0[i][i] *= 1.5;
    }
    Verdict v = ReducedRunChecks.inclination("x", ok.run(), new PhaseReference(ok.run(), mu0));
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertEquals(Verdict.Status.PASS, ReducedRunChecks.inclination("x", ok.run(), ok.reference()).status());
  }

  @Test
  void aMissingReferenceIsAnErrorNotAPass() {
    Checked ok = Checked.of(Preset.SMALL.config(), Preset.SMALL.initialState(), 3e4);
    Map<String, Verdict> v = byClaim(ReducedRunChecks.check("x", ok.run(), ok.instance(), Optional.empty()));
    assertEquals(Verdict.Status.ERROR, v.get("P2-emergence").status());
    assertEquals(Verdict.Status.ERROR, v.get("P2-inclination").status());
  }

  @Test
  void allocationPropertyHoldsOnSeededCases() {
    List<AllocationProperty.CaseResult> results = new java.util.ArrayList<>();
    for (int k = 0; k < 8; k++) {
      AllocationProperty.Case c = AllocationProperty.draw(1000 + k);
      ReducedRun run = ReducedFlowRunner.run(c.config(), c.init(), 3e4, OPTIONS);
      results.add(new AllocationProperty.CaseResult(c, run.allocation(), run.markers().emergenceEnd()));
    }
    Verdict v = AllocationProperty.verdict(results, 1000, 3e4);
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals(0.0, v.measured());
  }

  @Test
  void allocationPropertyFailsOnAWrongOrUnfinishedCase() {
    AllocationProperty.Case c = AllocationProperty.draw(1000);
    int[] wrong = c.predicted().clone();
    int t = wrong[0];
    wrong[0] = wrong[1];
    wrong[1] = t;
    Verdict swapped = AllocationProperty.verdict(List.of(new AllocationProperty.CaseResult(c, wrong, 10.0)), 1000,
        3e4);
    assertEquals(Verdict.Status.FAIL, swapped.status(), swapped.evidence().toString());
    assertEquals(1.0, swapped.measured());
    Verdict unfinished = AllocationProperty.verdict(
        List.of(new AllocationProperty.CaseResult(c, c.predicted(), Double.NaN)), 1000, 3e4);
    assertEquals(Verdict.Status.FAIL, unfinished.status(), "emergence not reached is not a pass");
  }

  /**
   * The generator builds its cases without the rule under test: checked here by an argmax written out in the
   * test. Every case's built-for head is its task's largest μ_i(0) by the margin, heads are distinct, and the
   * built-for maps vary (so a rule that ignores μ, such as "task i to head i", cannot agree by accident).
   */
  @Test
  void allocationCasesAreBuiltWithDistinctFavouritesIndependentlyOfTheRule() {
    java.util.Set<String> maps = new java.util.HashSet<>();
    for (long seed = 1000; seed < 1100; seed++) {
      AllocationProperty.Case c = AllocationProperty.draw(seed);
      SpectralState s = c.init();
      assertEquals(c.config().tasks(), c.predicted().length);
      assertTrue(s.heads() >= s.tasks() && s.heads() <= s.tasks() + 2, c.toString());
      for (int i = 0; i < s.tasks(); i++) {
        int best = 0;
        for (int h = 1; h < s.heads(); h++) {
          best = s.mu(h, i) > s.mu(best, i) ? h : best;
        }
        assertEquals(best, c.predicted()[i], c.toString());
        for (int h = 0; h < s.heads(); h++) {
          assertTrue(h == best || s.mu(best, i) >= (1 + AllocationProperty.MARGIN) * s.mu(h, i), c.toString());
          assertEquals(s.omega(0, i), s.omega(h, i), 0.0, "equal omega(0): " + c);
        }
        for (int k = 0; k < i; k++) {
          assertTrue(c.predicted()[k] != c.predicted()[i], c.toString());
        }
      }
      maps.add(java.util.Arrays.toString(c.predicted()));
      assertEquals(c.toString(), AllocationProperty.draw(seed).toString(), "seeded: same case again");
    }
    assertTrue(maps.size() >= 10, "the built-for allocations hardly vary: " + maps);
  }

  /** A wrong allocation rule (argmin, or task i to head i) fails the property even when the flow is right. */
  @Test
  void aWrongAllocationRuleFailsTheProperty() {
    List<AllocationProperty.CaseResult> results = new java.util.ArrayList<>();
    for (int k = 0; k < 8; k++) {
      AllocationProperty.Case c = AllocationProperty.draw(1000 + k);
      // The flow's outcome is the built-for allocation: only the rule can be wrong here.
      results.add(new AllocationProperty.CaseResult(c, c.predicted(), 10.0));
    }
    assertEquals(Verdict.Status.PASS, AllocationProperty.verdict(results, 1000, 3e4).status());
    Function<SpectralState, int[]> argmin = s -> {
      int[] out = new int[s.tasks()];
      for (int i = 0; i < out.length; i++) {
        for (int h = 1; h < s.heads(); h++) {
          out[i] = s.mu(h, i) < s.mu(out[i], i) ? h : out[i];
        }
      }
      return out;
    };
    Function<SpectralState, int[]> identity = s -> java.util.stream.IntStream.range(0, s.tasks()).toArray();
    Verdict byArgmin = AllocationProperty.verdict(results, 1000, 3e4, argmin);
    assertEquals(Verdict.Status.FAIL, byArgmin.status(), byArgmin.evidence().toString());
    assertEquals(8.0, byArgmin.measured(), "argmin differs from argmax on every case with a margin");
    Verdict byIndex = AllocationProperty.verdict(results, 1000, 3e4, identity);
    assertEquals(Verdict.Status.FAIL, byIndex.status(), byIndex.evidence().toString());
  }

  /** The certificate verdict for a run, computed as the experiment computes it. */
  private static Verdict certificate(String id, ReducedRun run) {
    return CertificateCheck.check(id, run, io.github.softmaxicl.theory.interval.LimitProof.certify(
        run.config(), CertificateCheck.RADIUS, CertificateCheck.idleOmega(run))).verdict();
  }

  @Test
  void aPassNeedsAFiniteMeasurement() {
    assertThrows(IllegalArgumentException.class, () -> new Verdict("x", "r", Verdict.Status.PASS, "s", Double.NaN,
        1, "b", "reconstruction", List.of()));
  }
}
