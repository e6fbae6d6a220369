package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run record as a value: copies in and out, its derived quantities, and its shape checks. No integration. */
class ReducedRunTest {
  private static final ProblemConfig C = ProblemConfig.of(8, new int[] {4, 4}, 2, 50, 0.0, 1.0);
  private static final SpectralState END = SpectralState.of(new double[][] {{0.5, 1e-3}, {2e-3, 0.5}},
      new double[][] {{1.5, 1e-200}, {3e-200, 1.5}});

  private static ReducedRun run(double[] half, double[] taskW, double[] taskE, double[][] logAbsMu, double tw,
      double te) {
    return new ReducedRun(C, END, "DormandPrince853", 1e-10, 1e-10, 1e-9, 100.0, 2.0, 0.5, 0.4,
        new MarkerTimes(tw, te, half, taskW, taskE), new int[] {0, 1}, END, logAbsMu, 1e-3, 1e-4, 5000L, 0.1,
            Double.NaN,
        List.of(TrajectorySample.reduced(0.0, 2.0, END)));
  }

  @Test
  void keepsCopiesAndReadsTheFinalState() {
    double[][] logAbsMu = {{0.405, -460.5}, {-459.4, 0.405}};
    double[] half = {3.0, 4.0};
    ReducedRun r = run(half, new double[] {1.0, 1.5}, new double[] {6.0, 7.0}, logAbsMu, 2.0, 5.0);
    logAbsMu[0][1] = 0;
    half[0] = 0;
    double[][] read = r.logAbsMuFinal();
    assertArrayEquals(new double[] {0.405, -460.5}, read[0], 0.0);
    assertArrayEquals(new double[] {-459.4, 0.405}, read[1], 0.0);
    read[1][0] = 0;
    assertArrayEquals(new double[] {-459.4, 0.405}, r.logAbsMuFinal()[1], 0.0);
    assertArrayEquals(new double[] {3.0, 4.0}, r.markers().halfSignal(), 0.0);
    assertArrayEquals(new double[] {1.0, 1.5}, r.markers().taskWarmupEnds(), 0.0);
    assertArrayEquals(new double[] {6.0, 7.0}, r.markers().taskEmergenceEnds(), 0.0);
    assertArrayEquals(new int[] {0, 1}, r.allocation());
    assertArrayEquals(new double[] {0.5, 1e-3}, r.omegaFinal()[0], 0.0);
    assertArrayEquals(new double[] {2e-3, 0.5}, r.omegaFinal()[1], 0.0);
    assertArrayEquals(new double[] {1.5, 1e-200}, r.muFinal()[0], 0.0);
    assertArrayEquals(new double[] {3e-200, 1.5}, r.muFinal()[1], 0.0);
    assertEquals(List.of(), r.emergenceSamples(), "the short constructor has no dense samples");
    assertEquals(1, r.trajectory().size());
  }

  @Test
  void emergenceWindowRatioIsWindowOverWarmup() {
    // (t_e − t_w)/t_w = (5 − 2)/2 = 1.5 exactly in binary floating point.
    assertEquals(1.5, run(new double[2], new double[2], new double[2], new double[2][2], 2.0, 5.0)
        .markers().emergenceWindowRatio(), 0.0);
    assertTrue(Double.isNaN(run(new double[2], new double[2], new double[2], new double[2][2], 2.0, Double.NaN)
        .markers().emergenceWindowRatio()), "NaN when emergence was not reached");
  }

  @Test
  void rejectsMismatchedShapes() {
    IllegalArgumentException perTask = assertThrows(IllegalArgumentException.class,
        () -> run(new double[2], new double[1], new double[2], new double[2][2], 2.0, 5.0));
    assertTrue(perTask.getMessage().contains("per-task marker arrays"));
    assertThrows(IllegalArgumentException.class,
        () -> run(new double[2], new double[2], new double[3], new double[2][2], 2.0, 5.0));
    IllegalArgumentException tasks = assertThrows(IllegalArgumentException.class,
        () -> run(new double[3], new double[3], new double[3], new double[2][2], 2.0, 5.0));
    assertTrue(tasks.getMessage().contains("markers need 2 tasks (got 3)"), tasks.getMessage());
    IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
        () -> run(new double[2], new double[2], new double[2], new double[1][2], 2.0, 5.0));
    assertTrue(rows.getMessage().contains("one row per head"));
  }
}
