package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfigurationProperty}'s generator, its per-case rule and its verdict, on drawn cases and hand-made verdict
 * lists (the integrated property runs in the experiments' tests): what a valid case and a broken one must get, and
 * what the verdict counts and reports.
 */
class ConfigurationPropertyTest {
  private static Verdict verdict(String claim, Verdict.Status status, String... evidence) {
    return new Verdict(claim, "r", status, "s", status == Verdict.Status.PASS ? 0.5 : Double.NaN, 1, "b",
        "reconstruction", List.of(evidence));
  }

  private static ConfigurationProperty.CaseResult result(int index, Verdict... verdicts) {
    return new ConfigurationProperty.CaseResult(ConfigurationProperty.draw(100, index), List.of(verdicts),
        Optional.empty());
  }

  @Test
  void drawnCasesStayInTheirRangesAndBreakEveryFifthCaseAlternately() {
    Set<Integer> ns = new HashSet<>();
    Set<Double> sigmas = new HashSet<>();
    for (int index = 0; index < 200; index++) {
      ConfigurationProperty.Case c = ConfigurationProperty.draw(1000, index);
      ProblemConfig p = c.config();
      assertEquals(1000 + index, c.seed());
      int n = p.tasks();
      ns.add(n);
      assertTrue(n >= 2 && n <= 4, c.toString());
      int d = 0;
      for (int b : p.blockSizes()) {
        assertTrue(b >= 2 && b <= 12, c.toString());
        d += b;
      }
      assertEquals(d, p.d());
      assertTrue(p.promptLength() >= 20 && p.promptLength() <= 300, c.toString());
      sigmas.add(p.sigma());
      assertEquals(1.0, p.s2());
      ConfigurationProperty.Breaks expected = index % 5 != 4 ? ConfigurationProperty.Breaks.NOTHING
          : (index / 5) % 2 == 0 ? ConfigurationProperty.Breaks.TOO_FEW_HEADS
              : ConfigurationProperty.Breaks.SHARED_FAVOURITE;
      assertEquals(expected, c.breaks(), "index " + index);
      if (expected == ConfigurationProperty.Breaks.TOO_FEW_HEADS) {
        assertEquals(n - 1, p.heads(), c.toString());
      } else {
        assertTrue(p.heads() >= n && p.heads() <= n + 2, c.toString());
      }
      assertEquals(c.toString(), ConfigurationProperty.draw(1000, index).toString(), "seeded");
    }
    assertEquals(Set.of(2, 3, 4), ns);
    assertEquals(Set.of(0.0, 0.3, 1.0), sigmas);
    assertEquals(ConfigurationProperty.Breaks.TOO_FEW_HEADS, ConfigurationProperty.draw(7, 4).breaks());
    assertEquals(ConfigurationProperty.Breaks.SHARED_FAVOURITE, ConfigurationProperty.draw(7, 9).breaks());
    assertEquals(ConfigurationProperty.Breaks.TOO_FEW_HEADS, ConfigurationProperty.draw(7, 14).breaks());
  }

  @Test
  void aSharedFavouriteStartMakesHeadOneTheFavouriteOfTheFirstTwoTasks() {
    ProblemConfig c = ProblemConfig.of(12, new int[] {4, 4, 4}, 3, 40, 0.0, 1.0);
    SpectralState paper = Initialisations.paper(c);
    assertEquals(paper.toString(), ConfigurationProperty.start(c, ConfigurationProperty.Breaks.NOTHING).toString());
    assertEquals(paper.toString(), ConfigurationProperty.start(c, ConfigurationProperty.Breaks.TOO_FEW_HEADS)
        .toString());
    SpectralState shared = ConfigurationProperty.start(c, ConfigurationProperty.Breaks.SHARED_FAVOURITE);
    assertEquals(paper.mu(1, 1), shared.mu(0, 1), 0.0, "head 1 takes task 2's favourite value");
    assertEquals(paper.mu(0, 0) / Initialisations.PAPER_FAVOUR, shared.mu(1, 1), 1e-18);
    assertArrayEquals(new int[] {0, 0, 2}, ReducedRunChecks.predictedAllocation(shared));
    assertEquals(paper.omega(2, 1), shared.omega(2, 1), 0.0, "omega untouched");
  }

  @Test
  void describeAndToStringNameTheCase() {
    assertEquals("blocks [4, 6, 8], H 3, L 120, sigma 0.2", ConfigurationProperty.describe(ProblemConfig.of(18,
        new int[] {4, 6, 8}, 3, 120, 0.2, 1.0)));
    ConfigurationProperty.Case valid = ConfigurationProperty.draw(1000, 0);
    assertEquals("seed 1000: " + ConfigurationProperty.describe(valid.config()), valid.toString());
    ConfigurationProperty.Case broken = ConfigurationProperty.draw(1000, 4);
    assertEquals("seed 1004: " + ConfigurationProperty.describe(broken.config()) + " (breaks TOO_FEW_HEADS)",
        broken.toString());
  }

  @Test
  void aValidCaseNeedsPassesOrNotApplicableAndABrokenOneOnlyNotApplicable() {
    assertTrue(ConfigurationProperty.holds(result(0, verdict("A", Verdict.Status.PASS),
        verdict("B", Verdict.Status.NOT_APPLICABLE))));
    assertFalse(ConfigurationProperty.holds(result(0, verdict("A", Verdict.Status.PASS),
        verdict("B", Verdict.Status.FAIL))));
    assertFalse(ConfigurationProperty.holds(result(0, verdict("A", Verdict.Status.ERROR))));
    assertFalse(ConfigurationProperty.holds(result(0)), "no verdict is not a pass");
    assertTrue(ConfigurationProperty.holds(result(4, verdict("A", Verdict.Status.NOT_APPLICABLE),
        verdict("B", Verdict.Status.NOT_APPLICABLE))));
    assertFalse(ConfigurationProperty.holds(result(4, verdict("A", Verdict.Status.NOT_APPLICABLE),
        verdict("B", Verdict.Status.PASS))), "a broken hypothesis must not pass");
    assertFalse(ConfigurationProperty.holds(result(9, verdict("A", Verdict.Status.FAIL))));
  }

  @Test
  void theVerdictCountsEveryClaimAndStatusAndReportsEachFailingCase() {
    List<ConfigurationProperty.CaseResult> results = new ArrayList<>();
    results.add(result(0, verdict("P1", Verdict.Status.PASS), verdict("P2", Verdict.Status.NOT_APPLICABLE)));
    results.add(result(1, verdict("P1", Verdict.Status.FAIL, "off by 2"), verdict("P2", Verdict.Status.PASS)));
    results.add(new ConfigurationProperty.CaseResult(ConfigurationProperty.draw(100, 4), List.of(
        verdict("P1", Verdict.Status.PASS, "line 1", "line 2"), verdict("P2", Verdict.Status.NOT_APPLICABLE)),
        Optional.of("blocks [2, 2], H 1, L 20, sigma 0.0")));
    results.add(result(2, verdict("P1", Verdict.Status.ERROR), verdict("P2", Verdict.Status.PASS)));
    Verdict v = ConfigurationProperty.verdict(results, 100);
    assertEquals(Verdict.Status.FAIL, v.status());
    assertEquals(3.0, v.measured(), "three failing cases");
    assertEquals(0.0, v.threshold());
    List<String> ev = v.evidence();
    assertEquals("4 cases from seed 100: 3 within the hypotheses, 1 breaking one on purpose", ev.get(0));
    assertEquals("P1: 2 pass, 1 fail, 1 error, 0 not applicable", ev.get(1));
    assertEquals("P2: 2 pass, 0 fail, 0 error, 2 not applicable", ev.get(2));
    assertEquals("case " + ConfigurationProperty.draw(100, 1) + "; P1 fail: off by 2", ev.get(3));
    assertEquals("case " + ConfigurationProperty.draw(100, 4) + "; P1 pass: line 1 / line 2; smallest failing "
        + "configuration found: blocks [2, 2], H 1, L 20, sigma 0.0", ev.get(4));
    assertEquals("case " + ConfigurationProperty.draw(100, 2) + "; P1 error", ev.get(5));
    assertEquals(6, ev.size());
  }

  @Test
  void theVerdictPassesOnlyWithCasesThatAllHold() {
    Verdict ok = ConfigurationProperty.verdict(List.of(result(0, verdict("P1", Verdict.Status.PASS)),
        result(4, verdict("P1", Verdict.Status.NOT_APPLICABLE))), 100);
    assertEquals(Verdict.Status.PASS, ok.status(), ok.evidence().toString());
    assertEquals(0.0, ok.measured());
    assertEquals(Verdict.Status.FAIL, ConfigurationProperty.verdict(List.of(), 100).status(), "no case, no pass");
  }

  @Test
  void verdictCountsCountEachStatus() {
    VerdictCounts k = VerdictCounts.of(List.of(verdict("a", Verdict.Status.PASS), verdict("b", Verdict.Status.PASS),
        verdict("c", Verdict.Status.FAIL), verdict("d", Verdict.Status.ERROR),
        verdict("e", Verdict.Status.NOT_APPLICABLE), verdict("f", Verdict.Status.NOT_APPLICABLE),
        verdict("g", Verdict.Status.NOT_APPLICABLE)));
    assertEquals(new VerdictCounts(2, 1, 1, 3), k);
    assertEquals(4, k.checked());
    assertEquals("not-applicable", Verdict.Status.NOT_APPLICABLE.json());
    assertEquals("pass", Verdict.Status.PASS.json());
  }

  @Test
  void aSeriesKeepsErrorBarsOnlyIfSomePointHasOne() {
    Sweep.Series none = Sweep.Series.measured("m", List.of(Sweep.Point.of(1, 2), Sweep.Point.of(2, 3)));
    assertFalse(none.hasErrors());
    assertEquals(0, none.yError().length);
    Sweep.Series some = Sweep.Series.measured("m", List.of(Sweep.Point.of(1, 2), new Sweep.Point(2, 3, 0.5)));
    assertTrue(some.hasErrors());
    assertEquals(0.5, some.yError()[1], 0.0);
    assertTrue(Double.isNaN(some.yError()[0]));
    assertTrue(new Sweep.Point(1, 2, 0.1).hasError());
    assertFalse(Sweep.Point.of(1, 2).hasError());
    assertFalse(new Sweep.Point(1, 2, Double.POSITIVE_INFINITY).hasError());
    assertTrue(Sweep.Series.theory("t", List.of(Sweep.Point.of(1, 2))).theory());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Sweep.Series("bad", new double[] {1, 2}, new double[] {1, 2}, false, new double[] {1}));
    assertEquals(2, new Sweep.Series("ok", new double[] {1, 2}, new double[] {1, 2}, false, new double[] {1, 1})
        .yError().length);
  }

  @Test
  void allocationCasesStartFromSmallEqualOmegaAndMuWithinAFactorFour() {
    for (long seed = 1000; seed < 1040; seed++) {
      AllocationProperty.Case c = AllocationProperty.draw(seed);
      ProblemConfig p = c.config();
      double base = StrictMath.pow(p.promptLength(), -1.5);
      assertTrue(p.promptLength() >= 20 && p.promptLength() <= 120, c.toString());
      assertTrue(p.tasks() >= 2 && p.tasks() <= 3, c.toString());
      for (int h = 0; h < p.heads(); h++) {
        for (int i = 0; i < p.tasks(); i++) {
          assertEquals(base / Math.sqrt(p.tokenDim()), c.init().omega(h, i), 0.0, c.toString());
          double m = c.init().mu(h, i);
          assertTrue(m >= base && m <= 4 * base, c + ": mu " + m);
        }
      }
      assertEquals("seed " + seed + ": " + p + ", predicted heads " + java.util.Arrays.toString(c.predicted()),
          c.toString());
    }
  }

  @Test
  void theAllocationVerdictCountsItsCasesAndNeedsAtLeastOne() {
    List<AllocationProperty.CaseResult> results = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      AllocationProperty.Case c = AllocationProperty.draw(50 + k);
      results.add(new AllocationProperty.CaseResult(c, k == 1 ? new int[c.predicted().length] : c.predicted(), 5.0));
    }
    Verdict v = AllocationProperty.verdict(results, 50, 3e4);
    boolean secondAgrees = java.util.Arrays.equals(new int[results.get(1).c().predicted().length],
        results.get(1).c().predicted());
    assertEquals("3 seeded cases (seeds 50..52), t_end = 30000.0: " + (secondAgrees ? 3 : 2) + " agree with the rule",
        v.evidence().get(0));
    Verdict none = AllocationProperty.verdict(List.of(), 50, 3e4);
    assertEquals(Verdict.Status.FAIL, none.status(), "no case, no pass");
    assertEquals("0 seeded cases (seeds 50..49), t_end = 30000.0: 0 agree with the rule", none.evidence().get(0));
  }
}
