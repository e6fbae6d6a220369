package io.github.softmaxicl.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A reduced run whose flow fails numerically reports every claim it would have checked, as an error. */
class ReducedRunsExperimentTest {
  private static final ProgressSink QUIET = new ProgressSink() {
    @Override
    public void progress(String run, double t, double tEnd, double loss) {}

    @Override
    public void message(String text) {}
  };

  @Test
  void aFailedFlowGivesAnErrorForEveryClaimOfTheRun() {
    // An initial scale so large that F overflows at t = 0.
    ProblemConfig c = ProblemConfig.of(8, new int[] {4, 4}, 2, 40, 0.0, 1.0);
    RunSpec spec = new RunSpec("huge", "test", c, "paper", 1e6, 1L, OptionalInt.empty(), 100);
    Outcome out = new ReducedRunsExperiment().runOne(spec, Settings.quick(),
        new Context(List.of(spec), 1, QUIET));
    assertTrue(out.runs().isEmpty());
    List<String> expected = new ArrayList<>();
    for (Claim claim : new ReducedRunsExperiment().claims()) {
      expected.add(claim.id());
    }
    assertEquals(11, expected.size(), expected.toString()); // 10 before P1-proof
    assertEquals(expected, out.verdicts().stream().map(Verdict::claimId).toList());
    for (Verdict v : out.verdicts()) {
      assertEquals(Verdict.Status.ERROR, v.status(), v.toString());
      assertEquals("huge-reduced", v.run());
      assertTrue(v.evidence().get(0).contains("t = 0"), v.evidence().toString());
    }
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    List<java.util.function.Supplier<Integer>> tasks = new ArrayList<>();
    for (int k = 0; k < 20; k++) {
      int v = k;
      tasks.add(() -> {
        try {
          Thread.sleep(20 - v);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return v * v;
      });
    }
    assertEquals(DeterministicExecutor.map(1, tasks), DeterministicExecutor.map(4, tasks));
    assertEquals(361, DeterministicExecutor.map(3, tasks).get(19));
  }
}
