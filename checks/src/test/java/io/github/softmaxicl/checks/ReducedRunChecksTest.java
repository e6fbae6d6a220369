package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The per-run checks pass on the presets and fail, or error, where they should. */
class ReducedRunChecksTest {
  private static final ReducedFlowOptions OPTIONS = ReducedFlowOptions.defaults();

  private static Map<String, Verdict> byClaim(List<Verdict> verdicts) {
    return verdicts.stream().collect(Collectors.toMap(Verdict::claimId, v -> v));
  }

  @ParameterizedTest
  @EnumSource(Preset.class)
  void everyPresetPassesEveryPerRunClaim(Preset p) {
    ReducedRun run = ReducedFlowRunner.run(p.config(), p.initialState(), p.defaultTEnd(), OPTIONS);
    List<Verdict> verdicts = ReducedRunChecks.check(p.id() + "-reduced", run);
    assertEquals(7 - (p.config().tasks() >= 2 ? 0 : 1) - 1, verdicts.size() - 0 - 0, "verdict count");
    for (Verdict v : verdicts) {
      assertEquals(Verdict.Status.PASS, v.status(), v.claimId() + " on " + p.id() + ": " + v.evidence());
      assertTrue(v.measured() <= v.threshold() || v.claimId().equals("P2-inclination"), v.claimId());
    }
    Verdict cert = certificate(p.id(), run);
    assertEquals(Verdict.Status.PASS, cert.status(), cert.evidence().toString());
  }

  @Test
  void stoppingDuringWarmupFailsConvergenceAndPhases() {
    Preset p = Preset.SMALL;
    // t_w ≈ 113 for small: stop at 50, long before the loss has moved.
    ReducedRun run = ReducedFlowRunner.run(p.config(), p.initialState(), 50.0, OPTIONS);
    Map<String, Verdict> v = byClaim(ReducedRunChecks.check("small-short", run));
    assertEquals(Verdict.Status.FAIL, v.get("P1-convergence").status());
    assertEquals(Verdict.Status.FAIL, v.get("P1-off-task").status());
    assertEquals(Verdict.Status.FAIL, v.get("P2-phases").status());
    assertEquals(Verdict.Status.ERROR, v.get("P2-inclination").status());
    assertEquals(Verdict.Status.FAIL, certificate("small-short", run).status(),
        "an unconverged state must lie outside the certified box");
  }

  @Test
  void sharedFavouriteHeadIsNotOneHeadPerTask() {
    // Head 1 has the largest mu(0) for both tasks: the rule's hypothesis fails, and the flow either hands one
    // task to head 2 or lets head 1 serve both; either way the single-run allocation claim cannot pass as
    // "one head per task, as predicted".
    ProblemConfig c = Preset.SMALL.config();
    double base = Math.pow(c.promptLength(), -1.5);
    double w = base / Math.sqrt(c.tokenDim());
    SpectralState init = SpectralState.of(new double[][] {{w, w}, {w, w}},
        new double[][] {{4 * base, 4 * base}, {base, base}});
    ReducedRun run = ReducedFlowRunner.run(c, init, 3e4, OPTIONS);
    Verdict v = byClaim(ReducedRunChecks.check("shared", run)).get("P3-allocation");
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
  }

  @Test
  void fewerHeadsThanTasksSkipsTheOneHeadPerTaskClaims() {
    ProblemConfig c = ProblemConfig.of(12, new int[] {4, 4, 4}, 2, 40, 0.0, 1.0);
    ReducedRun run = ReducedFlowRunner.run(c, Initialisations.paper(c), 3e3, OPTIONS);
    Map<String, Verdict> v = byClaim(ReducedRunChecks.check("under", run));
    assertFalse(v.containsKey("P1-convergence"));
    assertFalse(v.containsKey("P3-allocation"));
    assertTrue(v.containsKey("P2-phases"));
  }

  @Test
  void allocationPropertyHoldsOnSeededCases() {
    List<AllocationProperty.CaseResult> results = new java.util.ArrayList<>();
    for (int k = 0; k < 8; k++) {
      AllocationProperty.Case c = AllocationProperty.draw(1000 + k);
      ReducedRun run = ReducedFlowRunner.run(c.config(), c.init(), 3e4, OPTIONS);
      results.add(new AllocationProperty.CaseResult(c, run.allocation(), run.tEmergenceEnd()));
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

  @Test
  void theClaimListIsTheListOfVerdicts() {
    for (Preset p : Preset.values()) {
      ReducedRun run = ReducedFlowRunner.run(p.config(), p.initialState(), 200.0, OPTIONS);
      List<String> checked = ReducedRunChecks.check("x", run).stream().map(Verdict::claimId).toList();
      List<String> listed = ReducedRunChecks.claims(p.config()).stream().map(c -> c.id()).toList();
      assertEquals(listed, checked, p.id());
    }
    ProblemConfig under = ProblemConfig.of(12, new int[] {4, 4, 4}, 2, 40, 0.0, 1.0);
    ReducedRun run = ReducedFlowRunner.run(under, Initialisations.paper(under), 100.0, OPTIONS);
    assertEquals(ReducedRunChecks.claims(under).stream().map(c -> c.id()).toList(),
        ReducedRunChecks.check("x", run).stream().map(Verdict::claimId).toList());
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
