package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.DecoupledWarmup;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;

/**
 * The warm-up predictor at its limits: a start already past the stop level (closed form, no integration), zero
 * entries (not positive: rejected, naming head and task), t = 0 in {@link WarmupPredictor#muAt}, and the pair
 * formula's switch between its two branches. Each test takes milliseconds.
 */
class WarmupPredictorLimitsTest {
  private static final ProblemConfig C = Preset.SMALL.config();

  @Test
  void aStartPastTheStopLevelGetsThePairsRemainingTime() {
    // Task 0: head 0 has μω = 2·10⁸ μ*ω* and head 1 has 4·10⁸ μ*ω*, both past the stop level 10⁸ μ*ω*, with ω ≠ μ
    // (the larger pair is the last head, so every head is read). The remaining time is that of the larger pair,
    // 1/√(a b μω) (docs/P2-PHASES.md (2)); exp(ln ω + ln μ) reproduces ω·μ to a few ulps, so 1e-14 relative.
    double target = WarmupPredictor.STOP_FACTOR * ClosedForms.muStar(C, 0) * ClosedForms.omegaStar(C, 0);
    double w0 = 1e3;
    SpectralState init = SpectralState.of(new double[][] {{w0 / 2, 1e-3}, {w0, 1e-3}},
        new double[][] {{4 * target / w0, 1e-3}, {4 * target / w0, 1e-3}});
    double a = DecoupledWarmup.a(C, 0);
    double b = DecoupledWarmup.b(C);
    double expected = 1.0 / Math.sqrt(a * b * 4 * target);
    assertEquals(expected, WarmupPredictor.predict(C, init).blowUp(0), 1e-14 * expected);
  }

  @Test
  void zeroEntriesAreNotPositiveAndTheMessageNamesHeadAndTask() {
    SpectralState zeroOmega = SpectralState.of(new double[][] {{1e-3, 1e-3}, {0.0, 1e-3}},
        new double[][] {{1e-3, 1e-3}, {1e-3, 1e-3}});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WarmupPredictor.predict(C, zeroOmega));
    assertTrue(e.getMessage().contains("(head 2, task 1)"), e.getMessage());
    SpectralState zeroMu = SpectralState.of(new double[][] {{1e-3, 1e-3}, {1e-3, 1e-3}},
        new double[][] {{1e-3, 0.0}, {1e-3, 1e-3}});
    IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
        () -> WarmupPredictor.predict(C, zeroMu));
    assertTrue(f.getMessage().contains("(head 1, task 2)"), f.getMessage());
    assertThrows(IllegalArgumentException.class, () -> WarmupPredictor.muAt(C, zeroOmega, 0, 1.0));
    assertThrows(IllegalArgumentException.class, () -> WarmupPredictor.muAt(C, zeroMu, 1, 1.0));
  }

  @Test
  void muAtTimeZeroIsTheStart() {
    SpectralState init = SpectralState.of(new double[][] {{1e-3, 2e-3}, {3e-3, 4e-3}},
        new double[][] {{5e-3, 6e-3}, {7e-3, 8e-3}});
    double[] mu = WarmupPredictor.muAt(C, init, 1, 0.0);
    // exp(ln μ) is μ to 1 ulp each way: 2 ulps.
    assertEquals(6e-3, mu[0], 2 * Math.ulp(6e-3));
    assertEquals(8e-3, mu[1], 2 * Math.ulp(8e-3));
    for (double bad : new double[] {-1e-300, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> WarmupPredictor.muAt(C, init, 1, bad));
      assertTrue(e.getMessage().contains("t must be finite and >= 0"), e.getMessage());
    }
  }

  @Test
  void pairFormulaUsesTheLogarithmUnlessTheRatesAgreeToRoundOff() {
    // u₀ = 1e-7, v₀ = 1.1e-7: |v₀ − u₀| = 1e-8 is far above 1e-12·max, so ln(v₀/u₀)/(v₀ − u₀) applies; the
    // symmetric 2/(u₀ + v₀) differs from it by ≈ (d/u)²/12 ≈ 8e-4 relative. Agreement with the log form: 1e-12
    // (the rounding of d = 1e-8 relative to 1.1e-7 costs ≈ 1e-15·11 = 1e-14, amplified by nothing else).
    double expected = Math.log(1.1e-7 / 1e-7) / (1.1e-7 - 1e-7);
    assertEquals(expected, WarmupPredictor.pairBlowUp(1e-7, 1.1e-7), 1e-12 * expected);
    // Equal rates: the limit 1/u₀ of both branches.
    assertEquals(1e7, WarmupPredictor.pairBlowUp(1e-7, 1e-7), 1e-12 * 1e7);
  }

  @Test
  void aStartExactlyAtTheStopLevelGetsThePairsRemainingTime() {
    // Head 0 of task 0 starts with ln ω + ln μ equal to the stop level ln(10⁸ μ*ω*) bit for bit (ω = 1, so ln ω = 0
    // exactly, and μ is the double whose logarithm is the level): the start is already at the level, so the answer
    // is the pair's remaining time 1/√(a b μω) without integration, as just past it (budget as above, 1e-14).
    double level = FastMath.log(WarmupPredictor.STOP_FACTOR * ClosedForms.muStar(C, 0) * ClosedForms.omegaStar(C, 0));
    double m = FastMath.exp(level);
    while (FastMath.log(m) < level) {
      m = Math.nextUp(m);
    }
    while (FastMath.log(m) > level) {
      m = Math.nextDown(m);
    }
    assertEquals(level, FastMath.log(m), 0.0, "no double has the level as its logarithm");
    SpectralState init = SpectralState.of(new double[][] {{1.0, 1e-3}, {1e-3, 1e-3}},
        new double[][] {{m, 1e-3}, {1e-3, 1e-3}});
    double expected = 1.0 / Math.sqrt(DecoupledWarmup.a(C, 0) * DecoupledWarmup.b(C) * FastMath.exp(level));
    assertEquals(expected, WarmupPredictor.predict(C, init).blowUp(0), 1e-14 * expected);
  }

  @Test
  void aSystemThatLeavesTheFloatingPointRangeHasNoPrediction() {
    // Head 0 of task 0 starts with ω = 1e200, μ = 1e-200: μω = 1 is below the stop level, but ln μ grows at a rate
    // ∝ ω ≈ 1e200, so the first steps overflow the state before any event can be located. The predictor must say
    // "no prediction" (NaN), not a time.
    SpectralState init = SpectralState.of(new double[][] {{1e200, 1e-3}, {1e-3, 1e-3}},
        new double[][] {{1e-200, 1e-3}, {1e-3, 1e-3}});
    assertTrue(Double.isNaN(WarmupPredictor.predict(C, init).blowUp(0)));
  }
}
