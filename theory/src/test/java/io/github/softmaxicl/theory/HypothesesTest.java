package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each hypothesis holds on the paper init of a valid configuration and fails, naming the value, where it should. */
class HypothesesTest {
  private static final ProblemConfig C = ProblemConfig.of(18, new int[] {4, 6, 8}, 4, 120, 0.3, 1.0);
  private static final WarmupTimes SMALL_WARMUP = new WarmupTimes(new double[] {900, 1000, 1200},
      new double[] {1, 1, 1});

  private static Instance paper(double tEnd) {
    return new Instance(C, Initialisations.paper(C), tEnd, SMALL_WARMUP);
  }

  @Test
  void everyHypothesisHoldsOnThePaperInitOfAValidConfiguration() {
    for (Claim claim : Claims.all()) {
      assertEquals(Optional.empty(), claim.notApplicableBecause(paper(3e4)), claim.id());
    }
  }

  @Test
  void eachHypothesisNamesTheValueThatBreaksIt() {
    ProblemConfig under = ProblemConfig.of(18, new int[] {4, 6, 8}, 2, 120, 0.3, 1.0);
    Instance tooFew = new Instance(under, Initialisations.paper(under), 3e4, SMALL_WARMUP);
    assertEquals("hypothesis 'H >= n' fails: H = 2 < n = 3",
        Hypotheses.HEADS_COVER_TASKS.violation(tooFew).orElseThrow());
    assertTrue(Hypotheses.LONG_ENOUGH.violation(paper(1000)).orElseThrow().contains("t_end = 1000 < 4800"));
    WarmupTimes large = new WarmupTimes(new double[] {900, 10, 1200}, new double[] {1, 1, 1});
    assertTrue(Hypotheses.SMALL_START.violation(new Instance(C, Initialisations.paper(C), 3e4, large))
        .orElseThrow().contains("task 2: tau/T = 0.1"));
    WarmupTimes none = new WarmupTimes(new double[] {900, Double.NaN, 1200}, new double[] {1, 1, 1});
    assertTrue(Hypotheses.SMALL_START.violation(new Instance(C, Initialisations.paper(C), 3e4, none)).isPresent());
    assertTrue(Hypotheses.LONG_ENOUGH.violation(new Instance(C, Initialisations.paper(C), 3e4, none)).isPresent());
    ProblemConfig shortPrompt = ProblemConfig.of(18, new int[] {4, 6, 8}, 4, 7, 0.3, 1.0);
    assertTrue(Hypotheses.EXPONENTIAL_REGIME.violation(new Instance(shortPrompt, Initialisations.paper(shortPrompt),
        3e4, SMALL_WARMUP)).orElseThrow().contains("L = 7"));
  }

  @Test
  void startsThatBreakTheAllocationHypotheses() {
    SpectralState paper = Initialisations.paper(C);
    double[][] mu = paper.muArray();
    mu[0][1] = mu[1][1];
    mu[1][1] = mu[2][1];
    assertTrue(Hypotheses.DISTINCT_FAVOURITES.violation(new Instance(C, Initialisations.custom(C,
        paper.omegaArray(), mu), 3e4, SMALL_WARMUP)).orElseThrow().contains("head 1 is the favourite of tasks 1 and 2"));
    double[][] tie = paper.muArray();
    tie[1][0] = tie[0][0] / 1.04;
    assertTrue(Hypotheses.DISTINCT_FAVOURITES.violation(new Instance(C, Initialisations.custom(C,
        paper.omegaArray(), tie), 3e4, SMALL_WARMUP)).orElseThrow().contains("within 5 %"));
    double[][] w = paper.omegaArray();
    w[2][1] *= 1.01;
    assertTrue(Hypotheses.EQUAL_OMEGA.violation(new Instance(C, SpectralState.of(w, paper.muArray()), 3e4,
        SMALL_WARMUP)).orElseThrow().contains("task 2"));
    double[][] negative = paper.muArray();
    negative[3][2] = -negative[3][2];
    assertTrue(Hypotheses.POSITIVE_START.violation(new Instance(C, SpectralState.of(paper.omegaArray(), negative),
        3e4, SMALL_WARMUP)).orElseThrow().contains("head 4, task 3"));
  }

  @Test
  void theRegistryHasUniqueIdsAndEveryClaimSaysWhatItAssumes() {
    Set<String> ids = new HashSet<>();
    for (Claim claim : Claims.all()) {
      assertTrue(ids.add(claim.id()), "duplicate " + claim.id());
      assertFalse(claim.hypotheses().isBlank(), claim.id());
      assertFalse(claim.budget().toLowerCase(java.util.Locale.ROOT).contains("our threshold"),
          claim.id() + " has a threshold without a derivation or measured budget: " + claim.budget());
      assertEquals(Optional.of(claim), Claims.byId(claim.id()));
    }
    assertTrue(ids.containsAll(List.of("P2-phases", "P2-emergence", "P2-inclination", "P1-P3-P7-configurations",
        "P5-single-head-stationarity", "P6-model-error", "P7-length-refined", "P7-length-calibration")));
  }

  @Test
  void theSmallAmplitudeSystemIsTheBalancedFlowAtSmallAmplitude() {
    // docs/P2-PHASES.md §1: at a tiny state the balanced flow's log-rates are a_i omega - gamma_i S_i and b mu,
    // up to terms of relative order omega mu, d omega^2 and mu^2/L (here <= 1e-4 with amplitudes 1e-5..1e-3).
    SpectralState start = Initialisations.paper(C);
    double[][] w = new double[4][3];
    double[][] m = new double[4][3];
    for (int h = 0; h < 4; h++) {
      for (int i = 0; i < 3; i++) {
        w[h][i] = 1e-5 * (1 + h + i);
        m[h][i] = 1e-3 * (1 + 0.5 * h + 0.25 * i);
      }
    }
    SpectralState s = SpectralState.of(w, m);
    SpectralState v = new BalancedSpectralField(new LeadingOrderLoss(C), start).velocity(s);
    for (int i = 0; i < 3; i++) {
      double[] y = new double[8];
      double[] yDot = new double[8];
      for (int h = 0; h < 4; h++) {
        y[h] = Math.log(w[h][i]);
        y[4 + h] = Math.log(m[h][i]);
      }
      DecoupledWarmup.derivative(C, i, y, yDot);
      for (int h = 0; h < 4; h++) {
        double omegaRate = v.omega(h, i) / w[h][i];
        double muRate = v.mu(h, i) / m[h][i];
        assertEquals(omegaRate, yDot[h], 1e-4 * Math.abs(omegaRate), "omega rate, head " + h + " task " + i);
        assertEquals(muRate, yDot[4 + h], 1e-4 * Math.abs(muRate), "mu rate, head " + h + " task " + i);
      }
    }
  }

  private static Instance with(ProblemConfig c, SpectralState init, double tEnd, WarmupTimes w) {
    return new Instance(c, init, tEnd, w);
  }

  private static WarmupTimes warmup(int tasks, double blowUp, double tau) {
    double[] t = new double[tasks];
    double[] r = new double[tasks];
    java.util.Arrays.fill(t, blowUp);
    java.util.Arrays.fill(r, tau);
    return new WarmupTimes(t, r);
  }

  @Test
  void headCountsHoldAtTheirLimit() {
    ProblemConfig nEqualsH = ProblemConfig.of(9, new int[] {3, 3, 3}, 3, 120, 0, 1);
    assertEquals(Optional.empty(), Hypotheses.HEADS_COVER_TASKS.violation(
        with(nEqualsH, Initialisations.paper(nEqualsH), 3e4, warmup(3, 1000, 1))));
    ProblemConfig two = ProblemConfig.of(2, new int[] {2}, 2, 120, 0, 1);
    assertEquals(Optional.empty(), Hypotheses.TWO_HEADS.violation(
        with(two, Initialisations.paper(two), 3e4, warmup(1, 1000, 1))));
    ProblemConfig one = ProblemConfig.of(2, new int[] {2}, 1, 120, 0, 1);
    assertEquals(Optional.of("hypothesis 'H >= 2' fails: H = 1"), Hypotheses.TWO_HEADS.violation(
        with(one, Initialisations.paper(one), 3e4, warmup(1, 1000, 1))));
  }

  @Test
  void aZeroStartIsNotPositive() {
    SpectralState paper = Initialisations.paper(C);
    double[][] w = paper.omegaArray();
    w[2][0] = 0.0;
    assertTrue(Hypotheses.POSITIVE_START.violation(with(C, SpectralState.of(w, paper.muArray()), 3e4, SMALL_WARMUP))
        .orElseThrow().endsWith("omega = 0.00, mu = " + String.format(java.util.Locale.ROOT, "%.3g", paper.mu(2, 0))
            + " at head 3, task 1"));
    double[][] m = paper.muArray();
    m[1][2] = 0.0;
    assertTrue(Hypotheses.POSITIVE_START.violation(with(C, SpectralState.of(paper.omegaArray(), m), 3e4, SMALL_WARMUP))
        .orElseThrow().contains("mu = 0.00 at head 2, task 3"));
  }

  @Test
  void omegaIsEqualOverHeadsUpToOneInATrillionRelative() {
    SpectralState paper = Initialisations.paper(C);
    assertEquals(Optional.empty(), Hypotheses.EQUAL_OMEGA.violation(with(C, paper, 3e4, SMALL_WARMUP)));
    // Zero omega on every head is equal too (the threshold 1e-12 |omega| is then 0).
    double[][] zero = new double[4][3];
    assertEquals(Optional.empty(), Hypotheses.EQUAL_OMEGA.violation(
        with(C, SpectralState.of(zero, paper.muArray()), 3e4, SMALL_WARMUP)));
    // With omega = 0.01: a relative difference 0.5e-12 is equal, 2e-12 is not (and names heads 1 and 3).
    double[][] w = new double[4][3];
    for (double[] row : w) {
      java.util.Arrays.fill(row, 0.01);
    }
    w[2][1] = 0.01 * (1 + 0.5e-12);
    assertEquals(Optional.empty(), Hypotheses.EQUAL_OMEGA.violation(
        with(C, SpectralState.of(w, paper.muArray()), 3e4, SMALL_WARMUP)));
    w[2][1] = 0.01 * (1 + 2e-12);
    assertEquals(Optional.of("hypothesis 'equal omega(0) over heads' fails: task 2: omega = 0.0100000 at head 1, "
        + "0.0100000 at head 3"), Hypotheses.EQUAL_OMEGA.violation(
        with(C, SpectralState.of(w, paper.muArray()), 3e4, SMALL_WARMUP)));
  }

  @Test
  void aFavouriteExactlyFivePercentAboveTheRunnerUpIsClear() {
    SpectralState paper = Initialisations.paper(C);
    double[][] mu = paper.muArray();
    double runnerUp = mu[1][0];
    mu[0][0] = Hypotheses.FAVOURITE_MARGIN * runnerUp;
    assertEquals(Optional.empty(), Hypotheses.DISTINCT_FAVOURITES.violation(
        with(C, SpectralState.of(paper.omegaArray(), mu), 3e4, SMALL_WARMUP)));
    mu[0][0] = Math.nextDown(Hypotheses.FAVOURITE_MARGIN * runnerUp);
    assertEquals(Optional.of(Hypotheses.fmt("hypothesis 'distinct favourite heads' fails: task 1: largest mu(0) %.4g "
        + "is within 5 %% of the runner-up %.4g", mu[0][0], runnerUp)), Hypotheses.DISTINCT_FAVOURITES.violation(
        with(C, SpectralState.of(paper.omegaArray(), mu), 3e4, SMALL_WARMUP)));
    // One head, one task: there is no runner-up, so no margin is asked, whatever mu is (its sign is POSITIVE_START's).
    ProblemConfig one = ProblemConfig.of(2, new int[] {2}, 1, 120, 0, 1);
    SpectralState negative = SpectralState.of(new double[][] {{1e-3}}, new double[][] {{-1e-3}});
    assertEquals(Optional.empty(), Hypotheses.DISTINCT_FAVOURITES.violation(
        with(one, negative, 3e4, warmup(1, 1000, 1))));
  }

  @Test
  void tauOverTExactlyAtTheLimitIsSmall() {
    // T = 1 makes tau/T = tau exactly: 0.05 is small, the next double above is not.
    assertEquals(Optional.empty(), Hypotheses.SMALL_START.violation(with(C, Initialisations.paper(C), 3e4,
        warmup(3, 1, Hypotheses.SMALL_START_MAX))));
    assertTrue(Hypotheses.SMALL_START.violation(with(C, Initialisations.paper(C), 3e4,
        warmup(3, 1, Math.nextUp(Hypotheses.SMALL_START_MAX)))).orElseThrow().contains("task 1: tau/T = 0.0500"));
  }

  @Test
  void aHorizonOfExactlyFourWarmUpsIsLongEnough() {
    assertEquals(Optional.empty(), Hypotheses.LONG_ENOUGH.violation(paper(4800)));
    assertTrue(Hypotheses.LONG_ENOUGH.violation(paper(Math.nextDown(4800.0))).isPresent());
  }

  @Test
  void eightIsTheShortestPromptInTheExponentialRegime() {
    // ln 7 = 1.95 < 2 <= ln 8 = 2.08 (no integer L has ln L = 2 exactly).
    ProblemConfig eight = ProblemConfig.of(18, new int[] {4, 6, 8}, 4, 8, 0.3, 1.0);
    assertEquals(Optional.empty(), Hypotheses.EXPONENTIAL_REGIME.violation(
        with(eight, Initialisations.paper(eight), 3e4, SMALL_WARMUP)));
  }
}
