package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.ReproductionJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full model through the command line: the deterministic flow on small (scaled start meeting MODEL.md §9's
 * criterion) checks P6 against the reduced flow, records both losses and the reduced prediction; paper's full
 * flow is skipped in --quick with its reason rather than run for hours.
 */
class FullDynamicsJobTest {
  @Test
  void smallFullFlowChecksP6AndPaperIsSkippedWithAReason(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    CliHarness h = CliHarness.run(new ReproductionJob(), "--preset", "small", "--preset", "paper", "--dynamics",
        "full", "--out", out.toString());
    assertEquals(Main.EXIT_OK, h.code, h.err);
    assertTrue(h.err.contains("paper-full: skipped: the deterministic full flow needs N >> L^2 D"), h.err);
    JsonNode root = ResultsSchema.assertValid(out.resolve("results.json"));
    JsonNode run = root.get("runs").get(0);
    assertEquals("full", run.get("dynamics").asText());
    assertTrue(run.get("symmetrised").asBoolean());
    assertTrue(run.get("init_scale").asDouble() > 1, "scaled start: " + run);
    // Symmetrised sample: the structure is kept to round-off.
    assertTrue(run.get("off_structure_norm").asDouble() < 1e-8, run.toString());
    assertFalse(run.get("F_fresh").isNull());
    // Every full-model claim of the quick job is checked and holds: the preset's flow, the ladder (each rung
    // within budget, systematic discrepancy shrinking), the criterion drift and the saddle.
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (JsonNode c : root.get("claims")) {
      String id = c.get("id").asText();
      if (id.startsWith("P6-")) {
        assertEquals("pass", c.get("verdict").asText(), c.toString());
        assertTrue(c.get("measured").asDouble() <= c.get("threshold").asDouble(), c.toString());
        seen.add(id);
      }
    }
    assertEquals(java.util.Set.of("P6-criterion", "P6-ladder", "P6-saddle", "P6-technique"), seen);
    // The ladder's plot is in the report's sweeps, with the systematic discrepancy and its standard errors.
    boolean ladderPlot = false;
    for (JsonNode sw : root.get("sweeps")) {
      if (sw.get("id").asText().equals("p6-ladder")) {
        ladderPlot = true;
      }
    }
    assertTrue(ladderPlot, "p6-ladder sweep");
    assertEquals(1, root.get("runs").size(), "paper's full flow did not run");
  }
}
