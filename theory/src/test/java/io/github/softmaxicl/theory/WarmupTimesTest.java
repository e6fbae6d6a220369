package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Per-task warm-up times: indexed 0..n-1 with a message naming the task, copied in and out, compared by value. */
class WarmupTimesTest {
  private static final WarmupTimes W = new WarmupTimes(new double[] {900, Double.POSITIVE_INFINITY, 1200},
      new double[] {9, 10, 60});

  @Test
  void readsPerTaskValues() {
    assertEquals(3, W.tasks());
    assertEquals(900, W.blowUp(0));
    assertEquals(60, W.tau(2));
    assertEquals(0.01, W.relativeTau(0));
    assertEquals(0.0, W.relativeTau(1));
    assertEquals(0.05, W.relativeTau(2));
    assertEquals(Double.POSITIVE_INFINITY, W.latest());
    assertEquals(1200, new WarmupTimes(new double[] {900, 1200}, new double[] {1, 1}).latest());
    assertEquals(Double.NaN, new WarmupTimes(new double[] {Double.NaN, 1200}, new double[] {1, 1}).latest());
  }

  @Test
  void tasksOutsideZeroToNMinusOneAreRejectedNamingTheTask() {
    for (int task : new int[] {-1, 3}) {
      IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> W.blowUp(task));
      assertEquals("task " + task + " of 3", e.getMessage());
      e = assertThrows(IndexOutOfBoundsException.class, () -> W.tau(task));
      assertEquals("task " + task + " of 3", e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new WarmupTimes(new double[] {1, 2}, new double[] {1}));
  }

  @Test
  void arraysAreCopiedAndComparedByValue() {
    double[] t = {900, 1000};
    WarmupTimes w = new WarmupTimes(t, new double[] {5, 6});
    t[0] = 1;
    w.blowUp()[1] = 1;
    w.tau()[0] = 1;
    assertArrayEquals(new double[] {900, 1000}, w.blowUp());
    assertArrayEquals(new double[] {5, 6}, w.tau());
    WarmupTimes same = new WarmupTimes(new double[] {900, 1000}, new double[] {5, 6});
    assertEquals(w, same);
    assertEquals(w.hashCode(), same.hashCode());
    assertNotEquals(w, new WarmupTimes(new double[] {900, 1001}, new double[] {5, 6}));
    assertNotEquals(w, new WarmupTimes(new double[] {900, 1000}, new double[] {5, 7}));
    assertNotEquals(w, "WarmupTimes[900.0, 1000.0]/[5.0, 6.0]");
    assertNotEquals(w.hashCode(), new WarmupTimes(new double[] {900, 1000}, new double[] {5, 7}).hashCode());
    assertEquals("WarmupTimes[900.0, 1000.0]/[5.0, 6.0]", w.toString());
  }
}
