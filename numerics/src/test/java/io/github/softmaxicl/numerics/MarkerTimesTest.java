package io.github.softmaxicl.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkerTimesTest {
  private static MarkerTimes sample() {
    return new MarkerTimes(2.0, 5.0, new double[] {3.0, 4.0}, new double[] {1.0, 1.5}, new double[] {6.0, 7.0});
  }

  @Test
  void copiesInAndOut() {
    double[] half = {3.0, 4.0};
    double[] tw = {1.0, 1.5};
    double[] te = {6.0, 7.0};
    MarkerTimes m = new MarkerTimes(2.0, 5.0, half, tw, te);
    half[0] = 0;
    tw[0] = 0;
    te[0] = 0;
    assertArrayEquals(new double[] {3.0, 4.0}, m.halfSignal(), 0.0);
    assertArrayEquals(new double[] {1.0, 1.5}, m.taskWarmupEnds(), 0.0);
    assertArrayEquals(new double[] {6.0, 7.0}, m.taskEmergenceEnds(), 0.0);
    m.halfSignal()[1] = 0;
    m.taskWarmupEnds()[1] = 0;
    m.taskEmergenceEnds()[1] = 0;
    assertEquals(sample(), m, "reads hand out copies");
    assertEquals(2, m.tasks());
    assertEquals(2.0, m.warmupEnd());
    assertEquals(5.0, m.emergenceEnd());
  }

  @Test
  void perTaskArraysMustAgree() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new MarkerTimes(1, 2, new double[2], new double[1], new double[2]));
    assertEquals("per-task marker arrays differ in length (half-signal 2, t_w,i 1, t_e,i 2)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MarkerTimes(1, 2, new double[2], new double[2],
        new double[3]));
    assertThrows(IllegalArgumentException.class, () -> new MarkerTimes(1, 2, new double[1], new double[2],
        new double[2]));
  }

  @Test
  void withoutTaskPhasesAndNoneAreNaN() {
    MarkerTimes m = MarkerTimes.withoutTaskPhases(2.0, 5.0, new double[] {3.0, Double.NaN, 4.0});
    assertEquals(3, m.tasks());
    assertArrayEquals(new double[] {3.0, Double.NaN, 4.0}, m.halfSignal(), 0.0);
    for (double t : m.taskWarmupEnds()) {
      assertTrue(Double.isNaN(t));
    }
    for (double t : m.taskEmergenceEnds()) {
      assertTrue(Double.isNaN(t));
    }
    MarkerTimes none = MarkerTimes.none(2);
    assertEquals(2, none.tasks());
    assertTrue(Double.isNaN(none.warmupEnd()) && Double.isNaN(none.emergenceEnd()));
    for (double[] a : new double[][] {none.halfSignal(), none.taskWarmupEnds(), none.taskEmergenceEnds()}) {
      assertArrayEquals(new double[] {Double.NaN, Double.NaN}, a, 0.0);
    }
  }

  @Test
  void emergenceWindowRatioAndWindow() {
    // (t_e − t_w)/t_w = (5 − 2)/2 = 1.5 exactly in binary floating point.
    assertEquals(1.5, sample().emergenceWindowRatio(), 0.0);
    assertTrue(Double.isNaN(MarkerTimes.withoutTaskPhases(2, Double.NaN, new double[1]).emergenceWindowRatio()));
    // Δ = 3; widened to the per-task windows [1, 7]: [max(0, 1 − 3), 7 + 3].
    EmergenceWindow w = sample().emergenceWindow().orElseThrow();
    assertEquals(new EmergenceWindow(0, 10, 3), w);
    assertEquals(EmergenceWindow.of(2, 5, new double[] {1.0, 1.5}, new double[] {6.0, 7.0}), sample()
        .emergenceWindow());
    assertTrue(MarkerTimes.none(2).emergenceWindow().isEmpty());
  }

  @Test
  void equalityIsByValueWithNaNEqual() {
    assertEquals(sample(), sample());
    assertEquals(sample().hashCode(), sample().hashCode());
    assertEquals(MarkerTimes.none(3), MarkerTimes.none(3));
    assertEquals(MarkerTimes.none(3).hashCode(), MarkerTimes.none(3).hashCode());
    double[] h = {3.0, 4.0};
    double[] w = {1.0, 1.5};
    double[] e = {6.0, 7.0};
    assertNotEquals(sample(), new MarkerTimes(2.5, 5.0, h, w, e));
    assertNotEquals(sample(), new MarkerTimes(2.0, 5.5, h, w, e));
    assertNotEquals(sample(), new MarkerTimes(2.0, 5.0, new double[] {3.0, 4.5}, w, e));
    assertNotEquals(sample(), new MarkerTimes(2.0, 5.0, h, new double[] {1.0, 1.6}, e));
    assertNotEquals(sample(), new MarkerTimes(2.0, 5.0, h, w, new double[] {6.0, 7.5}));
    assertNotEquals(sample(), "MarkerTimes");
    assertNotEquals(sample().hashCode(), new MarkerTimes(2.0, 5.0, h, w, new double[] {6.0, 7.5}).hashCode());
    assertNotEquals(sample().hashCode(), new MarkerTimes(2.0, 5.0, h, new double[] {1.0, 1.6}, e).hashCode());
    assertNotEquals(sample().hashCode(), new MarkerTimes(2.0, 5.0, new double[] {3.0, 4.5}, w, e).hashCode());
    assertNotEquals(sample().hashCode(), new MarkerTimes(2.5, 5.0, h, w, e).hashCode());
    assertEquals("MarkerTimes[t_w=2.0, t_e=5.0, half-signal=[3.0, 4.0], t_w,i=[1.0, 1.5], t_e,i=[6.0, 7.0]]",
        sample().toString());
  }
}
