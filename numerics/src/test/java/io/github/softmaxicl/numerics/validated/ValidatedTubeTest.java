package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tube's bookkeeping: contiguity is enforced, look-up by time, containment, and the settings' ranges. */
class ValidatedTubeTest {
  private static TubeStep step(double t0, double t1, double lo, double hi) {
    return new TubeStep(t0, t1, List.of(Interval.of(lo, hi)), List.of(Interval.of(lo, hi)));
  }

  @Test
  void stepsMustBeContiguousFromZero() {
    List<Interval> x0 = List.of(Interval.ONE);
    assertThrows(IllegalArgumentException.class, () -> new ValidatedTube(x0,
        List.of(step(0, 1, 0, 1), step(1.5, 2, 0, 1)), 2, Optional.empty(), 0));
    assertThrows(IllegalArgumentException.class, () -> new ValidatedTube(x0, List.of(step(0.5, 1, 0, 1)), 1,
        Optional.empty(), 0));
    assertThrows(IllegalArgumentException.class, () -> step(1, 1, 0, 1));
  }

  @Test
  void lookUpAndContainmentUseTheCoveringSteps() {
    ValidatedTube t = new ValidatedTube(List.of(Interval.ONE),
        List.of(step(0, 1, 0, 1), step(1, 2, 2, 3), step(2, 4, 5, 6)), 4, Optional.empty(), 0);
    assertEquals(4.0, t.reached());
    assertTrue(t.complete());
    assertEquals(2.0, t.stepAt(3.0).orElseThrow().t0());
    assertTrue(t.stepAt(4.5).isEmpty());
    assertTrue(t.encloses(0.5, new double[] {0.5}));
    assertFalse(t.encloses(0.5, new double[] {2.5}), "the value of another step");
    assertTrue(t.encloses(1.0, new double[] {2.5}), "a boundary time belongs to both steps");
    assertFalse(t.encloses(5.0, new double[] {5.5}), "after the tube");
    assertEquals(1.0, t.finalWidth(), 1e-15);
  }

  @Test
  void settingsOutOfRangeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new LohnerTaylorIntegrator.Settings(1, 1e-12, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new LohnerTaylorIntegrator.Settings(12, 0, 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new LohnerTaylorIntegrator.Settings(12, 1e-12, 1e-9, 10));
  }
}
