package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The phase-marker thresholds of MODEL.md §7 on numbers whose thresholds are known by hand. The constants are
 * decimals, so the products carry one rounding each: 1e-15 relative covers it.
 */
class PhaseMarkersTest {
  @Test
  void warmupEndsAtOnePercentBelowTheStart() {
    assertEquals(0.99 * 2.0, PhaseMarkers.warmupThreshold(2.0), 1e-15);
    assertEquals(1.98, PhaseMarkers.warmupThreshold(2.0), 1e-15);
  }

  @Test
  void emergenceEndsWithOnePercentOfTheGapLeft() {
    // F(0) = 3, F* = 1: the gap 2 shrinks to 0.02 above F*.
    assertEquals(1.02, PhaseMarkers.emergenceThreshold(3.0, 1.0), 1e-15);
  }

  @Test
  void halfSignalIsHalfTheLimitProduct() {
    ProblemConfig c = Preset.SMALL.config();
    for (int i = 0; i < c.tasks(); i++) {
      // Blocks of 4, L = 40, σ = 0, s² = 1: κ = 1/40, μ* = 2/(1 + 4e/40), ω* = 1/2, so μ*ω*/2 = 1/(2(1 + e/10)).
      double expected = 1 / (2 * (1 + Math.E / 10));
      assertEquals(expected, PhaseMarkers.halfSignalThreshold(c, i), 1e-15);
    }
    assertEquals(1e-6, PhaseMarkers.OFF_TASK_CONVERGED);
  }
}
