package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.interval.Interval;
import java.math.BigDecimal;
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

  /**
   * The generic levels: over doubles the bits of the expressions the event detector always used, over intervals
   * (P2-proof) enclosures of the exact decimal levels 0.99·F(0) and F* + 0.01·(F(0) − F*).
   */
  @Test
  void theGenericLevelsAreTheDoubleOnesAndEncloseTheExactDecimals() {
    for (double f0 : new double[] {2.0, 3.99984142308, 16.6666451946, 1e-3}) {
      assertEquals((1.0 - 0.01) * f0, PhaseMarkers.warmupThreshold(f0));
      assertEquals(0.5 + 0.01 * (f0 - 0.5), PhaseMarkers.emergenceThreshold(f0, 0.5));
    }
    Interval drop = Interval.enclosing(Double.toString(PhaseMarkers.WARMUP_DROP));
    Interval warm = PhaseMarkers.warmupThreshold(Interval.point(2.0), Interval.ONE, drop);
    assertTrue(warm.contains(new BigDecimal("1.98")), warm.toString());
    Interval remaining = Interval.enclosing(Double.toString(PhaseMarkers.EMERGENCE_REMAINING));
    Interval em = PhaseMarkers.emergenceThreshold(Interval.point(3.0), Interval.ONE, remaining);
    assertTrue(em.contains(new BigDecimal("1.02")), em.toString());
    // Not a point: 0.01 is no double, so an enclosure of the exact level has width.
    assertTrue(em.width() > 0 && em.width() < 1e-15, em.toString());
  }
}
