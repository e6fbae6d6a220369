package io.github.softmaxicl.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The emergence window [t_w − Δ, t_e + Δ], Δ = t_e − t_w, cut at 0 and widened to the reached per-task
 * windows; its validation and its closed ends. All values are small integers and halves, so exact.
 */
class EmergenceWindowTest {
  @Test
  void theWindowIsTheMarkersWidenedByTheirGap() {
    EmergenceWindow w = EmergenceWindow.of(10, 14).orElseThrow();
    assertEquals(new EmergenceWindow(6, 18, 4), w);
    assertTrue(w.contains(6) && w.contains(18) && w.contains(12));
    assertFalse(w.contains(Math.nextDown(6.0)) || w.contains(Math.nextUp(18.0)));
    // cut at 0
    assertEquals(new EmergenceWindow(0, 11, 4), EmergenceWindow.of(3, 7).orElseThrow());
  }

  @Test
  void reachedTaskWindowsWidenItAndNaNIsSkipped() {
    EmergenceWindow w = EmergenceWindow.of(10, 14, new double[] {9, Double.NaN, 11},
        new double[] {Double.NaN, 15.5, 13}).orElseThrow();
    assertEquals(new EmergenceWindow(5, 19.5, 4), w);
    // task windows inside the global one change nothing
    assertEquals(new EmergenceWindow(6, 18, 4),
        EmergenceWindow.of(10, 14, new double[] {11}, new double[] {13}).orElseThrow());
  }

  @Test
  void markersThatDoNotBoundAWindowGiveNone() {
    assertEquals(Optional.empty(), EmergenceWindow.of(5, 5));
    assertEquals(Optional.empty(), EmergenceWindow.of(6, 5));
    assertEquals(Optional.empty(), EmergenceWindow.of(Double.NaN, 5));
    assertEquals(Optional.empty(), EmergenceWindow.of(1, Double.POSITIVE_INFINITY));
    assertEquals(Optional.empty(), EmergenceWindow.of(Double.NEGATIVE_INFINITY, 1));
  }

  @Test
  void theRecordChecksItsEnds() {
    new EmergenceWindow(0, Double.MIN_VALUE, Double.MIN_VALUE);
    assertThrows(IllegalArgumentException.class, () -> new EmergenceWindow(-1e-300, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new EmergenceWindow(1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new EmergenceWindow(0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new EmergenceWindow(0, Double.POSITIVE_INFINITY, 1));
  }
}
