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
}
