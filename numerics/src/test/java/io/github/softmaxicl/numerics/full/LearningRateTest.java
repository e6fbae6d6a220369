package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The learning-rate schedules: constant, and piecewise switching exactly at its start steps. */
class LearningRateTest {
  @Test
  void constantRate() {
    LearningRate r = LearningRate.constant(0.25);
    assertEquals(0.25, r.rate(0));
    assertEquals(0.25, r.rate(1_000_000));
    assertEquals("constant eta=0.25", r.describe());
    assertThrows(IllegalArgumentException.class, () -> LearningRate.constant(0));
    assertThrows(IllegalArgumentException.class, () -> LearningRate.constant(Double.POSITIVE_INFINITY));
  }

  @Test
  void piecewiseRateSwitchesAtItsStarts() {
    LearningRate r = LearningRate.piecewise(new long[] {0, 10, 20}, new double[] {1, 0.5, 0.25});
    assertEquals(1, r.rate(0));
    assertEquals(1, r.rate(9));
    assertEquals(0.5, r.rate(10));
    assertEquals(0.5, r.rate(19));
    assertEquals(0.25, r.rate(20));
    assertEquals(0.25, r.rate(1000));
    assertEquals("piecewise from step 0 eta=1.0 from step 10 eta=0.5 from step 20 eta=0.25", r.describe());
    assertEquals(2, LearningRate.piecewise(new long[] {0}, new double[] {2}).rate(5));
    assertThrows(IllegalArgumentException.class, () -> LearningRate.piecewise(new long[] {}, new double[] {}));
    assertThrows(IllegalArgumentException.class, () -> LearningRate.piecewise(new long[] {1}, new double[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> LearningRate.piecewise(new long[] {0, 5}, new double[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> LearningRate.piecewise(new long[] {0, 5, 5}, new double[] {1, 1, 1}));
    assertThrows(IllegalArgumentException.class,
        () -> LearningRate.piecewise(new long[] {0, 5}, new double[] {1, 0}));
    assertThrows(IllegalArgumentException.class,
        () -> LearningRate.piecewise(new long[] {0, 5}, new double[] {1, Double.NaN}));
  }
}
