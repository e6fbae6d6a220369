package io.github.softmaxicl.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.comparison.Comparison;
import io.github.softmaxicl.numerics.comparison.FullVsReduced;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The thread-sharing map: which task gets how many threads, results in task order, and the premise it rests on —
 * a ladder sample's comparison has the same bits on one thread as on two.
 */
class DeterministicExecutorTest {
  @Test
  void onlyTheLastPartialWaveSharesTheSpareThreads() {
    // 3 samples on 2 workers: two waves, the second holds one task, which gets both threads.
    assertEquals(List.of(1, 1, 2), shares(3, 2));
    assertEquals(List.of(1, 1, 1, 1), shares(4, 2));
    assertEquals(List.of(2), shares(1, 2));
    assertEquals(List.of(2, 2), shares(2, 4));
    // 5 on 3 workers: the last 2 share 3 threads, one each (no thread is split).
    assertEquals(List.of(1, 1, 1, 1, 1), shares(5, 3));
    assertEquals(List.of(1, 1, 1, 1, 1, 1, 3), shares(7, 3));
    assertEquals(List.of(1, 1, 1), shares(3, 1));
  }

  @Test
  void tasksReceiveTheirShareAndResultsComeBackInTaskOrder() {
    List<IntFunction<String>> tasks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int id = i;
      tasks.add(threads -> id + ":" + threads);
    }
    assertEquals(List.of("0:1", "1:1", "2:1", "3:1", "4:2"), DeterministicExecutor.mapSharingThreads(2, tasks));
    assertEquals(List.of("0:1", "1:1", "2:1", "3:1", "4:1"), DeterministicExecutor.mapSharingThreads(0, tasks));
  }

  /** The ladder gives its last sample two threads: that must not change a bit of the comparison. */
  @Test
  void aLadderSampleHasTheSameBitsOnOneAndOnTwoThreads() {
    ProblemConfig c = ProblemConfig.of(2, new int[] {1, 1}, 2, 10, 0.0, 1.0);
    Comparison one = FullVsReduced.compare(c, 10, 256, 5L, 6, new FullVsReduced.Options().threads(1));
    Comparison two = FullVsReduced.compare(c, 10, 256, 5L, 6, new FullVsReduced.Options().threads(2));
    assertEquals(one.maxOmegaDeviation(), two.maxOmegaDeviation(), 0.0);
    assertEquals(one.maxMuDeviation(), two.maxMuDeviation(), 0.0);
    assertArrayEquals(one.fullHalfSignalTimes(), two.fullHalfSignalTimes(), 0.0);
    assertEquals(one.fullEmergenceEnd(), two.fullEmergenceEnd(), 0.0);
    assertEquals(one.full().fFinal(), two.full().fFinal(), 0.0);
    assertEquals(one.full().fFresh(), two.full().fFresh(), 0.0);
    assertEquals(one.full().evaluations(), two.full().evaluations());
    List<TrajectorySample> a = one.full().trajectory();
    List<TrajectorySample> b = two.full().trajectory();
    assertEquals(a.size(), b.size());
    for (int k = 0; k < a.size(); k++) {
      assertEquals(a.get(k).t(), b.get(k).t(), 0.0, "t of sample " + k);
      assertEquals(a.get(k).loss(), b.get(k).loss(), 0.0, "loss of sample " + k);
      assertEquals(a.get(k).offStructureNorm(), b.get(k).offStructureNorm(), "off-structure norm of sample " + k);
      for (int h = 0; h < c.heads(); h++) {
        for (int i = 0; i < c.tasks(); i++) {
          assertEquals(a.get(k).state().omega(h, i), b.get(k).state().omega(h, i), 0.0, "ω of sample " + k);
          assertEquals(a.get(k).state().mu(h, i), b.get(k).state().mu(h, i), 0.0, "μ of sample " + k);
        }
      }
    }
  }

  private static List<Integer> shares(int k, int workers) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      out.add(DeterministicExecutor.threadsFor(i, k, workers));
    }
    return out;
  }
}
