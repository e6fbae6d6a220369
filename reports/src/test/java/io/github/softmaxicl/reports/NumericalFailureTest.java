package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.ReducedRunsExperiment;
import io.github.softmaxicl.experiments.ReproductionJob;
import io.github.softmaxicl.theory.Claim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose flow fails numerically (here: an initial scale so large that F overflows at t = 0) gives exit 3,
 * error verdicts naming the time and the quantity, and never a pass; the other runs still report.
 *
 * <p>The job is asked for the per-run reduced claims only ({@code --claim} for each claim of {@link
 * ReducedRunsExperiment}): the runs compute exactly what they compute without the selection (the small run's
 * tube included), but the configuration-independent stages (allocation property, configuration property, sweeps,
 * about a minute) are not recomputed here. They cannot fail numerically on the huge configuration (they do not
 * read it), and {@link EndToEndDeterminismTest} runs them through the command line.
 */
class NumericalFailureTest {
  @Test
  void overflowingStartIsAnErrorAndTheOtherRunsStillReport(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("huge.json");
    Files.writeString(config, "{\"d\": 8, \"blocks\": [4, 4], \"H\": 2, \"L\": 40, \"init_scale\": 1e6, \"t_end\": 100}");
    Path out = dir.resolve("out");
    List<String> args = new ArrayList<>(List.of("--preset", "small", "--config", config.toString(), "--dynamics",
        "reduced", "--out", out.toString()));
    for (Claim c : new ReducedRunsExperiment().claims()) {
      args.add("--claim");
      args.add(c.id());
    }
    CliHarness h = CliHarness.run(new ReproductionJob(), args.toArray(new String[0]));
    assertEquals(Main.EXIT_NUMERICAL, h.code, h.err);
    assertTrue(h.err.contains("numerical failure: reduced flow failed at t = 0.0 (F)"), h.err);
    JsonNode root = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    int errors = 0;
    int smallPasses = 0;
    for (JsonNode c : root.get("claims")) {
      String run = c.get("run").asText();
      String verdict = c.get("verdict").asText();
      if (run.equals("huge-reduced")) {
        assertEquals("error", verdict, c.toString());
        assertTrue(c.get("measured").isNull(), "no measurement for a failed run: " + c);
        errors++;
      }
      if (run.equals("small-reduced") && verdict.equals("pass")) {
        smallPasses++;
      }
    }
    assertTrue(errors >= 3, "error verdicts for the failed run: " + errors);
    assertTrue(smallPasses >= 6, "the other run still reports: " + smallPasses);
    assertTrue(Files.exists(out.resolve("runs/small-reduced.csv")));
  }
}
