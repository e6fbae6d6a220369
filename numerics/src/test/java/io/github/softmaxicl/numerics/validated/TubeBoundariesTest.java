package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The tube's look-up at the exact ends of steps (a step covers both its ends; a boundary time belongs to the
 * earlier step first and is checked on the later one too), over tubes of one, two and five steps so that the
 * binary search takes each branch; and a tube without steps.
 */
class TubeBoundariesTest {
  private static TubeStep step(double t0, double t1, double lo, double hi) {
    return new TubeStep(t0, t1, List.of(Interval.of(lo, hi)), List.of(Interval.of(lo, hi)));
  }

  /** Steps [k, k+1] with value box [10k, 10k + 1]. */
  private static ValidatedTube unitSteps(int count) {
    TubeStep[] s = new TubeStep[count];
    for (int k = 0; k < count; k++) {
      s[k] = step(k, k + 1, 10 * k, 10 * k + 1);
    }
    return new ValidatedTube(List.of(Interval.ZERO), List.of(s), count, Optional.empty(), 0);
  }

  @Test
  void aStepCoversBothItsEnds() {
    TubeStep s = step(1, 2, 0, 1);
    assertTrue(s.encloses(1.0, new double[] {0.5}));
    assertTrue(s.encloses(2.0, new double[] {0.5}));
    assertFalse(s.encloses(Math.nextDown(1.0), new double[] {0.5}));
    assertFalse(s.encloses(Math.nextUp(2.0), new double[] {0.5}));
    assertFalse(s.encloses(1.5, new double[] {0.5, 0.5}), "a point of another dimension");
    assertFalse(s.encloses(1.5, new double[] {1.5}));
  }

  @Test
  void everyTimeOfEveryTubeFindsItsFirstCoveringStep() {
    for (int count : new int[] {1, 2, 5}) {
      ValidatedTube t = unitSteps(count);
      for (int k = 0; k < count; k++) {
        // interior, start and end of step k; the start of step k > 0 is the end of step k − 1, which comes first
        assertEquals(k, (int) t.stepAt(k + 0.5).orElseThrow().t0(), count + " steps, t = " + (k + 0.5));
        assertEquals(Math.max(0, k - 1), (int) t.stepAt(k).orElseThrow().t0(), count + " steps, t = " + k);
        assertEquals(k, (int) t.stepAt(k + 1).orElseThrow().t0(), count + " steps, t = " + (k + 1));
        assertTrue(t.encloses(k + 0.5, new double[] {10 * k + 0.5}));
        // at the boundary k the value of step k (the later one) is found too, the earlier step's as well
        assertTrue(t.encloses(k, new double[] {10 * k + 0.5}), count + " steps, boundary " + k);
        if (k > 0) {
          assertTrue(t.encloses(k, new double[] {10 * (k - 1) + 0.5}));
        }
        // at the end of step k, the value of step k + 2 (not adjacent) is not found
        assertFalse(t.encloses(k + 1, new double[] {10 * (k + 2) + 0.5}));
      }
      assertTrue(t.stepAt(Math.nextDown(0.0)).isEmpty());
      assertTrue(t.stepAt(Math.nextUp((double) count)).isEmpty());
      assertFalse(t.encloses(Math.nextUp((double) count), new double[] {10 * (count - 1) + 0.5}));
      assertFalse(t.encloses(-1, new double[] {0.5}));
    }
  }

  @Test
  void aTubeWithoutStepsHasReachedNothing() {
    ValidatedTube t = new ValidatedTube(List.of(Interval.of(1, 3), Interval.of(0, 0.5)), List.of(), 1.0,
        Optional.of("no step"), 0);
    assertEquals(0.0, t.reached());
    assertFalse(t.complete());
    assertTrue(t.stepAt(0.0).isEmpty());
    assertFalse(t.encloses(0.0, new double[] {2, 0.25}));
    // the width is rounded up, so 2 up to an ulp
    assertEquals(2.0, t.finalWidth(), 1e-15, "the initial box's widest component");
  }
}
