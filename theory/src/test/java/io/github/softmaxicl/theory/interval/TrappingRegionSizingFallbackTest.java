package io.github.softmaxicl.theory.interval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The fallbacks of {@link TrappingRegion#around}'s sizing at a midpoint Hessian that is not positive definite, down to
 * the tie at exactly 0, which no end box of the presets reaches (H_ωω ≥ 2a(μ*)²/n from the on-task terms alone, and a
 * face margin √(H_ωω H_μμ) − |H_ωμ| vanishes only on a singular midpoint Hessian): the aspect is then 1 and the shift
 * floor 0, so that the radii stay finite and the proof, not the sizing, refuses the region. Hand-made values, exact in
 * double arithmetic.
 */
class TrappingRegionSizingFallbackTest {

  @Test
  void theAspectIsTheSquareRootOfTheDiagonalRatioWhenBothArePositive() {
    // 8/2 = 4 and √4 = 2 exactly; the inverse ratio gives 1/2.
    assertEquals(2.0, TrappingRegion.aspect(8.0, 2.0));
    assertEquals(0.5, TrappingRegion.aspect(2.0, 8.0));
  }

  @Test
  void aCurvatureOfZeroOrBelowGivesTheAspectOne() {
    // H_ωω = 0 exactly: √(0/H_μμ) would be ρ = 0, then r_μ = 0 and dev_μ/ρ = ∞ (an infinite r_ω). The fallback is 1.
    assertEquals(1.0, TrappingRegion.aspect(0.0, 2.0));
    assertEquals(1.0, TrappingRegion.aspect(-0.0, 2.0));
    assertEquals(1.0, TrappingRegion.aspect(2.0, 0.0));
    assertEquals(1.0, TrappingRegion.aspect(-1.0, 2.0));
    assertEquals(1.0, TrappingRegion.aspect(2.0, -1.0));
  }

  @Test
  void theShiftFloorIsTwiceTheLargerCancellingRadius() {
    // pw/marginW = 3/2 = 1.5, pm/marginM = 1/4 = 0.25: twice the larger is 3; and the other way round.
    assertEquals(3.0, TrappingRegion.shiftFloor(2.0, 4.0, 3.0, 1.0));
    assertEquals(3.0, TrappingRegion.shiftFloor(4.0, 2.0, 1.0, 3.0));
  }

  @Test
  void aFaceMarginOfZeroOrBelowTakesNoFloor() {
    // A margin of exactly 0 would give pw/0 = ∞ (or 0/0 = NaN without a shift): no floor is taken instead.
    assertEquals(0.0, TrappingRegion.shiftFloor(0.0, 4.0, 3.0, 1.0));
    assertEquals(0.0, TrappingRegion.shiftFloor(2.0, 0.0, 3.0, 1.0));
    assertEquals(0.0, TrappingRegion.shiftFloor(0.0, 0.0, 0.0, 0.0));
    assertEquals(0.0, TrappingRegion.shiftFloor(-1.0, 4.0, 3.0, 1.0));
    assertEquals(0.0, TrappingRegion.shiftFloor(2.0, -1.0, 3.0, 1.0));
  }
}
