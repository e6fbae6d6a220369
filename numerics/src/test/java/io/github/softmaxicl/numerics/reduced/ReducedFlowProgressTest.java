package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reduced flow reports its progress while it runs, and reporting changes nothing it computes. */
class ReducedFlowProgressTest {
  @Test
  void reportsIncreasingTimesThroughTheRunWithoutChangingIt() {
    ProblemConfig c = Preset.SMALL.config();
    List<double[]> seen = new ArrayList<>();
    ReducedRun observed = ReducedFlowRunner.run(c, Initialisations.paper(c), 3e4, ReducedFlowOptions.defaults(),
        (t, loss) -> seen.add(new double[] {t, loss}));
    ReducedRun silent = ReducedFlowRunner.run(c, Initialisations.paper(c), 3e4, ReducedFlowOptions.defaults());

    // One report per recorded sample: before the warm-up ends, inside the emergence window and in the tail.
    assertEquals(observed.trajectory().size(), seen.size());
    assertTrue(seen.stream().anyMatch(s -> s[0] > 0 && s[0] < observed.markers().warmupEnd()));
    assertTrue(seen.stream().anyMatch(s -> s[0] > observed.markers().warmupEnd()
        && s[0] < observed.markers().emergenceEnd()));
    assertTrue(seen.stream().anyMatch(s -> s[0] > 10 * observed.markers().emergenceEnd()));
    for (int k = 1; k < seen.size(); k++) {
      assertTrue(seen.get(k)[0] > seen.get(k - 1)[0], "times increase");
      assertEquals(observed.trajectory().get(k).loss(), seen.get(k)[1], 0.0, "the reported loss is the sample's");
    }
    // Observing only: bit-identical results and evaluation counts.
    assertEquals(silent.fFinal(), observed.fFinal(), 0.0);
    assertEquals(silent.evaluations(), observed.evaluations());
    assertArrayEquals(silent.markers().halfSignal(), observed.markers().halfSignal(), 0.0);
  }
}
