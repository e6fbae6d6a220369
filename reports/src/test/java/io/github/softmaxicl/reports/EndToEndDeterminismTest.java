package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.ReproductionJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real job, run twice with different thread counts, writes byte-identical results.json, CSVs and
 * index.html apart from the thread count it records and the timing fields (started, wall seconds), which are masked before comparing.
 */
class EndToEndDeterminismTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sameCommandGivesSameBytesApartFromTiming(@TempDir Path dir) throws IOException {
    compare(dir, "reduced", "runs/small-reduced.csv");
  }

  /** SGD draws fresh prompts from per-step seeds and reduces gradients in a fixed order: threads do not matter. */
  @Test
  void sgdIsIndependentOfTheThreadCount(@TempDir Path dir) throws IOException {
    compare(dir, "sgd", "runs/small-sgd.csv");
  }

  /**
   * Two runs, on one thread and on two. A third run repeating the first command was dropped (it made the module's
   * longest test half as long again): these two runs share everything but the thread count, so whatever could
   * make a repeated command differ (an unseeded draw, a hash or identity order, a race) has the same chance to make
   * them differ; the clock is the harness's fixed one in both.
   */
  private static void compare(Path dir, String dynamics, String csv) throws IOException {
    Map<String, String> a = run(dir.resolve("a"), "1", dynamics);
    Map<String, String> c = run(dir.resolve("c"), "2", dynamics);
    assertTrue(a.containsKey(csv), a.keySet().toString());
    assertEquals(a.keySet(), c.keySet());
    for (String file : a.keySet()) {
      // Only the --threads value of the command line may differ between a and c.
      // The thread count is recorded (command line, reproducibility table); nothing else may change.
      assertSameText(file, a.get(file).replace("--threads 1", "--threads N").replace(", 1 (results do not", ", N (results do not")
              .replace("\"--threads\",\"1\"", "\"--threads\",\"N\""),
          c.get(file).replace("--threads 2", "--threads N").replace(", 2 (results do not", ", N (results do not")
              .replace("\"--threads\",\"2\"", "\"--threads\",\"N\""));
    }
  }

  /** Equal texts, or a message showing the first differing line. */
  private static void assertSameText(String file, String x, String y) {
    String[] lx = x.split("\n", -1);
    String[] ly = y.split("\n", -1);
    for (int i = 0; i < Math.min(lx.length, ly.length); i++) {
      assertEquals(lx[i], ly[i], file + " line " + (i + 1));
    }
    assertEquals(lx.length, ly.length, file + " line count");
  }

  private static Map<String, String> run(Path out, String threads, String dynamics) throws IOException {
    CliHarness h = CliHarness.run(new ReproductionJob(), "--preset", "small", "--dynamics", dynamics, "--out",
        out.toString(), "--threads", threads);
    assertEquals(0, h.code, h.err);
    ResultsSchema.assertValid(out.resolve("results.json"));
    Map<String, String> files = new TreeMap<>(CliHarness.snapshot(out));
    // The output directory is part of the recorded command line (the page and results.json's provenance): mask it.
    String html = files.get("index.html").replace(out.toString(), "OUT");
    files.replaceAll((k, v) -> v.replace(out.toString(), "OUT"));
    JsonNode root = JSON.readTree(files.get("results.json"));
    // The harness's clock is fixed, so the job's start and total wall time are too; each run's own wall time is
    // measured with System.nanoTime: mask it as printed in the page, then drop the timing keys from the JSON.
    for (JsonNode run : root.get("runs")) {
      String wall = Numbers.human(run.get("wall_seconds").asDouble());
      html = html.replace(", " + wall + " s", ", WALL s").replace(">" + wall + "</td>", ">WALL</td>");
      ((ObjectNode) run).remove("wall_seconds");
    }
    ((ObjectNode) root).remove("wall_seconds");
    ((ObjectNode) root).remove("started");
    // The stage times are measured with the harness's fixed clock (0 s), so the provenance stays as it is.
    files.put("results.json", JSON.writeValueAsString(root));
    files.put("index.html", html);
    return files;
  }
}
