package io.github.softmaxicl.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.checks.ConfigurationProperty;
import io.github.softmaxicl.checks.ReducedRunChecks;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every per-run claim over seeded random configurations (issue 13): unequal blocks 2..12, n 2..4, H n..n+2,
 * L 20..300, sigma 0, 0.3, 1, the paper init. Within the hypotheses each claim passes (or is not applicable, with
 * its reason); on the cases that break a hypothesis on purpose every claim is not applicable. A failing case
 * prints its seed, its configuration and the smallest failing configuration the shrinker found.
 */
class ConfigurationPropertyTest {
  /** The seed of the quick run's first case: the test checks the same cases as the report. */
  private static final long FIRST = Settings.quick().configurationFirstSeed();

  static IntStream cases() {
    return IntStream.range(0, Settings.quick().configurationCases());
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases")
  void everyPerRunClaimHoldsOrIsNotApplicable(int index) {
    ConfigurationProperty.Case drawn = ConfigurationProperty.draw(FIRST, index);
    ConfigurationProperty.CaseResult r = ConfigurationPropertyExperiment.runCase(drawn);
    StringBuilder why = new StringBuilder("case " + index + ", " + drawn);
    r.shrunk().ifPresent(s -> why.append("; shrunk to ").append(s));
    for (Verdict v : r.verdicts()) {
      why.append("\n  ").append(v.claimId()).append(' ').append(v.status().json()).append(' ').append(v.evidence());
    }
    assertTrue(ConfigurationProperty.holds(r), why.toString());
    assertEquals(ReducedRunChecks.claims().size(), r.verdicts().size(), why.toString());
    if (drawn.breaks() != ConfigurationProperty.Breaks.NOTHING) {
      String expected = drawn.breaks() == ConfigurationProperty.Breaks.TOO_FEW_HEADS ? "H >= n" : "distinct favourite";
      for (Verdict v : r.verdicts()) {
        assertTrue(v.evidence().get(0).contains(expected), v.evidence().toString());
      }
    }
  }

  @Test
  void theDrawCoversTheRangesAndBreaksTwoInTen() {
    int breaking = 0;
    boolean unequal = false;
    boolean moreHeads = false;
    boolean noisy = false;
    for (int k = 0; k < 50; k++) {
      ConfigurationProperty.Case c = ConfigurationProperty.draw(FIRST, k);
      ProblemConfig p = c.config();
      breaking += c.breaks() == ConfigurationProperty.Breaks.NOTHING ? 0 : 1;
      assertTrue(p.tasks() >= 2 && p.tasks() <= 4 && p.promptLength() >= 20 && p.promptLength() <= 300);
      for (int b : p.blockSizes()) {
        assertTrue(b >= 2 && b <= 12);
        unequal |= b != p.blockSize(0);
      }
      moreHeads |= p.heads() > p.tasks();
      noisy |= p.sigma() > 0;
    }
    assertEquals(10, breaking);
    assertTrue(unequal && moreHeads && noisy);
  }

  @Test
  void aFailingOrWronglyApplicableCaseFailsTheProperty() {
    ConfigurationProperty.Case valid = ConfigurationProperty.draw(FIRST, 0);
    ConfigurationProperty.Case breaking = ConfigurationProperty.draw(FIRST, 4);
    assertEquals(ConfigurationProperty.Breaks.NOTHING, valid.breaks());
    assertFalse(breaking.breaks() == ConfigurationProperty.Breaks.NOTHING);
    Verdict pass = new Verdict("P2-phases", "x", Verdict.Status.PASS, "s", 0.5, 1, "b", "r", List.of());
    Verdict fail = new Verdict("P2-phases", "x", Verdict.Status.FAIL, "s", 2, 1, "b", "r", List.of("too late"));
    Verdict error = new Verdict("P2-phases", "x", Verdict.Status.ERROR, "s", Double.NaN, 1, "b", "r", List.of());
    Verdict na = new Verdict("P2-phases", "x", Verdict.Status.NOT_APPLICABLE, "s", Double.NaN, 1, "b", "r",
        List.of("not applicable: H >= n"));
    assertEquals(Verdict.Status.PASS, ConfigurationProperty.verdict(List.of(
        new ConfigurationProperty.CaseResult(valid, List.of(pass, na), Optional.empty()),
        new ConfigurationProperty.CaseResult(breaking, List.of(na), Optional.empty())), FIRST).status());
    for (ConfigurationProperty.CaseResult wrong : List.of(
        new ConfigurationProperty.CaseResult(valid, List.of(pass, fail), Optional.of("blocks [2, 2]")),
        new ConfigurationProperty.CaseResult(valid, List.of(error), Optional.empty()),
        new ConfigurationProperty.CaseResult(breaking, List.of(pass), Optional.empty()),
        new ConfigurationProperty.CaseResult(valid, List.of(), Optional.empty()))) {
      Verdict v = ConfigurationProperty.verdict(List.of(wrong), FIRST);
      assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
      assertEquals(1.0, v.measured());
    }
    Verdict shrunk = ConfigurationProperty.verdict(List.of(
        new ConfigurationProperty.CaseResult(valid, List.of(fail), Optional.of("blocks [2, 2]"))), FIRST);
    assertTrue(shrunk.evidence().toString().contains("seed " + FIRST) && shrunk.evidence().toString()
        .contains("smallest failing configuration found: blocks [2, 2]"), shrunk.evidence().toString());
  }

  /**
   * A shrinking step keeps the case's own failure: a smaller configuration that fails only another claim (as
   * blocks [5, 11, 2, 10], L 20 failed P1-convergence while shrinking a P7-saturation failure, and was reported
   * as "the smallest failing configuration") does not count; an error of the same claim does.
   */
  @Test
  void aShrinkingStepMustFailTheSameClaim() {
    Verdict p7Fail = new Verdict("P7-saturation", "x", Verdict.Status.FAIL, "s", 1.02, 1, "b", "r", List.of());
    Verdict p7Pass = new Verdict("P7-saturation", "x", Verdict.Status.PASS, "s", 0.03, 1, "b", "r", List.of());
    Verdict p7Error = new Verdict("P7-saturation", "x", Verdict.Status.ERROR, "s", Double.NaN, 1, "b", "r",
        List.of());
    Verdict p1Fail = new Verdict("P1-convergence", "x", Verdict.Status.FAIL, "s", 1.2, 1, "b", "r", List.of());
    java.util.Set<String> failing = java.util.Set.of("P7-saturation");
    assertTrue(ConfigurationPropertyExperiment.failsOneOf(List.of(p1Fail, p7Fail), failing));
    assertTrue(ConfigurationPropertyExperiment.failsOneOf(List.of(p7Error), failing));
    assertFalse(ConfigurationPropertyExperiment.failsOneOf(List.of(p1Fail, p7Pass), failing),
        "another claim's failure is not this case's failure");
    assertFalse(ConfigurationPropertyExperiment.failsOneOf(List.of(), failing));
  }

  @Test
  void theShrinkerOnlyProposesSmallerValidConfigurations() {
    ProblemConfig c = ProblemConfig.of(30, new int[] {12, 8, 10}, 5, 200, 1.0, 1.0);
    List<ProblemConfig> smaller = ConfigurationPropertyExperiment.smaller(c);
    assertEquals(1 + 3 + 1 + 1 + 1, smaller.size());
    for (ProblemConfig s : smaller) {
      assertTrue(s.heads() >= s.tasks() && s.tasks() >= 2 && s.promptLength() >= 20, s.toString());
      assertTrue(s.d() <= c.d() && s.heads() <= c.heads() && s.promptLength() <= c.promptLength()
          && s.sigma() <= c.sigma(), s.toString());
      assertFalse(s.equals(c));
    }
    assertTrue(ConfigurationPropertyExperiment.smaller(ProblemConfig.of(4, new int[] {2, 2}, 2, 20, 0.0, 1.0))
        .isEmpty());
  }
}
