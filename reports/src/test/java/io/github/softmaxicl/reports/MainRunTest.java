package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.Job;
import io.github.softmaxicl.experiments.JobResult;
import io.github.softmaxicl.experiments.RunRecord;
import io.github.softmaxicl.numerics.Dynamics;

import io.github.softmaxicl.experiments.JobRequest;
import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.experiments.RunSpec;
import io.github.softmaxicl.theory.Preset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs of the command line with synthetic jobs (test fixtures): exit codes, files, determinism, atomicity. */
class MainRunTest {
  private static final List<String> RUN_KEYS = List.of("preset", "dynamics", "config", "integrator", "t_end", "F0",
      "F_final", "F_star", "t_warmup_end", "t_emergence_end", "half_signal_times", "task_warmup_end",
      "task_emergence_end", "allocation", "omega_final",
      "mu_final", "off_structure_norm", "init_scale", "symmetrised", "F_fresh", "F_fresh_se", "escape_time",
      "saddle_rate_predicted", "saddle_rate_measured", "evaluations", "wall_seconds", "trajectory_csv");
  private static final List<String> CLAIM_KEYS = List.of("id", "run", "verdict", "statement", "measured",
      "threshold", "budget", "provenance", "evidence", "rerun");

  @TempDir
  Path tmp;

  private CliHarness run(SyntheticJob.Behaviour b, String... extra) {
    List<String> args = new ArrayList<>(List.of("--out", tmp.resolve("out").toString()));
    args.addAll(List.of(extra));
    return CliHarness.run(new SyntheticJob(b), args.toArray(new String[0]));
  }

  @Test
  void passingClaimsExitZeroAndWriteWellFormedFiles() throws IOException {
    CliHarness r = run(SyntheticJob.Behaviour.PASS, "--dynamics", "all");
    assertEquals(Main.EXIT_OK, r.code, r.err);
    Path out = tmp.resolve("out");
    JsonNode root = new ObjectMapper().readTree(out.resolve("results.json").toFile());
    assertEquals(ResultsJsonWriter.SCHEMA, root.get("schema").asInt());
    ResultsSchema.assertValid(out.resolve("results.json"));
    assertEquals(List.of("schema", "generator", "started", "wall_seconds", "mode", "provenance", "runs", "claims",
        "sweeps"),
        keys(root));
    assertEquals(List.of("name", "version", "java", "hipparchus", "ejml"), keys(root.get("generator")));
    assertEquals("2026-01-02T03:04:05Z", root.get("started").asText());
    // Every preset x 3 dynamics.
    assertEquals(3 * Preset.values().length, root.get("runs").size());
    for (JsonNode run : root.get("runs")) {
      // Every run has every key; the per-task markers of P2 are null where not computed (full and SGD).
      assertEquals(RUN_KEYS, keys(run));
      assertEquals(run.get("dynamics").asText().equals("reduced"), run.get("task_warmup_end").isArray());
      assertEquals(List.of("d", "blocks", "H", "L", "sigma", "s2", "init", "seed", "prompts"), keys(run.get("config")));
      String csv = run.get("trajectory_csv").asText();
      List<String> lines = Files.readAllLines(out.resolve(csv));
      int heads = run.get("config").get("H").asInt();
      int n = run.get("config").get("blocks").size();
      String[] header = lines.get(0).split(",");
      assertEquals(2 + 2 * heads * n + 1, header.length);
      assertEquals("omega_0_0", header[2]);
      assertEquals("mu_" + (heads - 1) + "_" + (n - 1), header[header.length - 2]);
      assertEquals("off_structure_norm", header[header.length - 1]);
      for (String line : lines.subList(1, lines.size())) {
        assertEquals(header.length, line.split(",", -1).length, csv);
      }
      boolean reduced = run.get("dynamics").asText().equals("reduced");
      assertEquals(reduced, run.get("off_structure_norm").isNull());
      assertEquals(reduced, run.get("config").get("prompts").isNull());
      assertEquals(n, run.get("allocation").size());
    }
    assertEquals(3 * Preset.values().length, root.get("claims").size(), "one synthetic claim per run");
    for (JsonNode claim : root.get("claims")) {
      assertEquals(CLAIM_KEYS, keys(claim));
      assertEquals("pass", claim.get("verdict").asText());
    }
    assertEquals(2, root.get("sweeps").size());
    String html = Files.readString(out.resolve("index.html"));
    checkHtml(html, root);
  }

  private static List<String> keys(JsonNode node) {
    List<String> k = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      k.add(it.next());
    }
    return k;
  }

  /** Structural checks of the report: balanced tags, well-formed SVG, every claim present, every plot with data. */
  static void checkHtml(String html, JsonNode root) {
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.contains("reduced model (reconstruction)"));
    assertFalse(html.contains("Theorem"), "never 'Theorem N'");
    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no network resources");
    assertFalse(html.contains("NaN"), "NaN must be shown as a dash");
    XmlCheck.balanced(html);
    Matcher svg = Pattern.compile("(?s)<svg.*?</svg>").matcher(html);
    int plots = 0;
    while (svg.find()) {
      String fragment = svg.group();
      XmlCheck.wellFormed(fragment);
      Matcher pts = Pattern.compile("data-points=\"(\\d+)\"").matcher(fragment);
      if (pts.find()) {
        plots++;
        assertTrue(Integer.parseInt(pts.group(1)) > 0, "a plot without data: " + fragment.substring(0, 200));
      }
    }
    assertTrue(plots > 0);
    for (JsonNode claim : root.get("claims")) {
      String id = "id=\"claim-" + claim.get("id").asText() + "-" + claim.get("run").asText() + "\"";
      assertTrue(html.contains(id), "claim missing from the report: " + id);
    }
    for (JsonNode run : root.get("runs")) {
      assertTrue(html.contains("id=\"run-" + run.get("preset").asText() + "-" + run.get("dynamics").asText() + "\""));
    }
    for (JsonNode sweep : root.get("sweeps")) {
      assertTrue(html.contains("id=\"sweep-" + sweep.get("id").asText() + "\""));
    }
    // Text from the job is escaped.
    assertTrue(html.contains("synthetic budget &lt;ok&gt; &amp; &quot;quoted&quot;"));
  }

  @Test
  void failingClaimExitsOne() throws IOException {
    CliHarness r = run(SyntheticJob.Behaviour.FAIL, "--preset", "small", "--dynamics", "reduced");
    assertEquals(Main.EXIT_CLAIM_FAILS, r.code, r.err);
    JsonNode root = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile());
    assertEquals("fail", root.get("claims").get(1).get("verdict").asText());
    assertTrue(Files.readString(tmp.resolve("out/index.html")).contains("<td class=\"fail\">fail</td>"));
  }

  @Test
  void errorVerdictExitsThreeAndIsWrittenAsNull() throws IOException {
    CliHarness r = run(SyntheticJob.Behaviour.ERROR, "--preset", "small", "--dynamics", "reduced");
    assertEquals(Main.EXIT_NUMERICAL, r.code, r.err);
    JsonNode claim = new ObjectMapper().readTree(tmp.resolve("out/results.json").toFile()).get("claims").get(1);
    assertEquals("error", claim.get("verdict").asText());
    assertTrue(claim.get("measured").isNull(), "NaN must be written as null");
    assertFalse(Files.readString(tmp.resolve("out/results.json")).contains("NaN"));
  }

  @Test
  void noVerdictsIsNotAPass() {
    CliHarness r = run(SyntheticJob.Behaviour.NO_VERDICTS, "--preset", "small", "--dynamics", "reduced");
    assertEquals(Main.EXIT_NUMERICAL, r.code, r.err);
    assertTrue(r.err.contains("no claim was checked"));
  }

  @Test
  void numericalFailureExitsThreeAndWritesNothing() throws IOException {
    Path out = tmp.resolve("out");
    CliHarness.previousOutput(out);
    Map<String, String> before = CliHarness.snapshot(out);
    CliHarness r = run(SyntheticJob.Behaviour.NUMERICAL_FAILURE, "--preset", "small");
    assertEquals(Main.EXIT_NUMERICAL, r.code, r.err);
    assertTrue(r.err.contains("numerical failure: reduced flow failed at t = 12.5 (F): synthetic NaN"), r.err);
    assertFalse(r.err.contains("\tat "), "no stack trace");
    assertEquals(before, CliHarness.snapshot(out));
    assertEquals(List.of(), CliHarness.leftovers(out));
  }

  @Test
  void crashMidwayLeavesPreviousOutputIntact() throws IOException {
    Path out = tmp.resolve("out");
    CliHarness.previousOutput(out);
    Map<String, String> before = CliHarness.snapshot(out);
    CliHarness r = run(SyntheticJob.Behaviour.CRASH, "--preset", "small");
    assertEquals(Main.EXIT_INTERNAL, r.code, r.err);
    assertEquals(before, CliHarness.snapshot(out));
    assertEquals(List.of(), CliHarness.leftovers(out));
  }

  @Test
  void successfulRunReplacesPreviousOutputWholly() throws IOException {
    Path out = tmp.resolve("out");
    CliHarness.previousOutput(out);
    CliHarness r = run(SyntheticJob.Behaviour.PASS, "--preset", "small", "--dynamics", "reduced");
    assertEquals(Main.EXIT_OK, r.code, r.err);
    assertEquals(List.of("index.html", "results.json", "runs/", "runs/small-reduced.csv"),
        new ArrayList<>(CliHarness.snapshot(out).keySet()));
    assertEquals(List.of(), CliHarness.leftovers(out));
  }

  @Test
  void noJobWiredExitsThreeAndWritesNothing() throws IOException {
    Path out = tmp.resolve("out");
    CliHarness r = CliHarness.run(null, "--out", out.toString());
    assertEquals(Main.EXIT_NUMERICAL, r.code);
    assertEquals(List.of("error: no dynamics are wired in this build; nothing was computed and nothing was written"),
        r.errLines());
    assertFalse(Files.exists(out));
    assertEquals(List.of(), CliHarness.leftovers(out));
  }

  @Test
  void identicalInputsGiveIdenticalBytes() throws IOException {
    Path out = tmp.resolve("out");
    assertEquals(0, run(SyntheticJob.Behaviour.PASS, "--dynamics", "all").code);
    Map<String, String> first = CliHarness.snapshot(out);
    assertEquals(0, run(SyntheticJob.Behaviour.PASS, "--dynamics", "all").code);
    assertEquals(first, CliHarness.snapshot(out));
    // Another clock changes only the timing fields.
    Clock later = Clock.fixed(Instant.parse("2027-05-06T07:08:09Z"), ZoneOffset.UTC);
    assertEquals(0, CliHarness.run(new SyntheticJob(SyntheticJob.Behaviour.PASS), later, "--out", out.toString(),
        "--dynamics", "all").code);
    Map<String, String> third = CliHarness.snapshot(out);
    assertNotEquals(first.get("index.html"), third.get("index.html"));
    assertEquals(stripTiming(first.get("index.html")), stripTiming(third.get("index.html")));
    assertEquals(first.get("runs/paper-full.csv"), third.get("runs/paper-full.csv"));
  }

  private static String stripTiming(String html) {
    return html.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "TIME");
  }

  @Test
  void requestCarriesResolvedOptions() throws IOException {
    Path cfg = tmp.resolve("my-run.json");
    Files.writeString(cfg, "{\"d\": 8, \"blocks\": [4, 4], \"H\": 3, \"L\": 40, \"sigma\": 0.5, \"seed\": 7,"
        + " \"prompts\": 256, \"t_end\": 500}", StandardCharsets.UTF_8);
    SyntheticJob job = new SyntheticJob(SyntheticJob.Behaviour.PASS);
    CliHarness r = CliHarness.run(job, "--out", tmp.resolve("out").toString(), "--preset", "small", "--preset",
        "small", "--config", cfg.toString(), "--threads", "3", "--full", "--dynamics", "reduced");
    assertEquals(0, r.code, r.err);
    JobRequest req = job.lastRequest;
    assertEquals(2, req.runs().size(), "duplicate presets collapse");
    assertEquals("small", req.runs().get(0).name());
    assertEquals(Main.DEFAULT_SEED, req.runs().get(0).seed());
    RunSpec mine = req.runs().get(1);
    assertEquals("my-run", mine.name());
    assertEquals(7, mine.seed());
    assertEquals(256, mine.prompts().getAsInt());
    assertEquals(500.0, mine.tEnd());
    assertEquals(0.5, mine.config().sigma());
    assertEquals(3, req.threads());
    assertEquals(Mode.FULL, req.mode());
    assertEquals(EnumSet.of(Dynamics.REDUCED), req.dynamics());
    // --seed overrides the file's seed, with a note.
    CliHarness r2 = CliHarness.run(job, "--out", tmp.resolve("out").toString(), "--config", cfg.toString(),
        "--seed", "-9", "--dynamics", "reduced");
    assertEquals(0, r2.code, r2.err);
    assertEquals(-9, job.lastRequest.runs().get(0).seed());
    assertTrue(r2.err.contains("overrides the seed"));
  }

  @Test
  void helpVersionAndListExitZero() {
    CliHarness help = CliHarness.run(null, "--help");
    assertEquals(0, help.code);
    for (String option : List.of("--preset", "--config", "--dynamics", "--quick", "--full", "--out", "--seed",
        "--threads", "--list-presets", "--help", "--version")) {
      assertTrue(help.out.contains(option), option);
    }
    CliHarness version = CliHarness.run(null, "--version");
    assertEquals(0, version.code);
    assertTrue(version.out.startsWith("softmax-icl-repro "), version.out);
    assertTrue(version.out.contains("Hipparchus 4.0.2") && version.out.contains("EJML 0.44"), version.out);
    assertTrue(version.out.contains("Java " + System.getProperty("java.version")), version.out);
    CliHarness list = CliHarness.run(null, "--list-presets");
    assertEquals(0, list.code);
    assertTrue(list.out.contains("paper") && list.out.contains("[16,17,17]") && list.out.contains("extra-head"),
        list.out);
    assertEquals("", help.err + version.err + list.err);
  }

  /** A job that computes nothing at all (every requested dynamics skipped): the previous output must survive. */
  @Test
  void runThatComputesNothingLeavesPreviousOutputUntouched() throws IOException {
    Path out = tmp.resolve("out");
    CliHarness.previousOutput(out);
    Map<String, String> before = CliHarness.snapshot(out);
    Job nothing = (request, progress) -> {
      progress.message("paper-sgd: skipped: synthetic reason");
      return new JobResult(List.of(), List.of(), List.of());
    };
    CliHarness r = CliHarness.run(nothing, "--out", out.toString(), "--preset", "paper", "--dynamics", "sgd");
    assertEquals(Main.EXIT_NUMERICAL, r.code, r.err);
    assertTrue(r.err.contains("nothing computed"), r.err);
    assertTrue(r.err.contains("unchanged"), r.err);
    assertEquals(before, CliHarness.snapshot(out), "a run that computed nothing replaced the previous output");
    assertEquals(List.of(), CliHarness.leftovers(out));
  }

  /** A --config run whose requested dynamics the job skipped must say so and exit 3, even if presets ran. */
  @Test
  void configWhoseDynamicsWasSkippedExitsThree() throws IOException {
    Path cfg = tmp.resolve("mine.json");
    Files.writeString(cfg, "{\"d\": 8, \"blocks\": [4, 4], \"H\": 2, \"L\": 40}", StandardCharsets.UTF_8);
    Job presetsOnly = (request, progress) -> {
      List<RunRecord> runs = new ArrayList<>();
      List<io.github.softmaxicl.checks.Verdict> verdicts = new ArrayList<>();
      for (RunSpec spec : request.runs()) {
        if (spec.name().equals("mine")) {
          progress.message(spec.runId(Dynamics.SGD) + ": skipped: synthetic reason");
          continue;
        }
        RunRecord rec = SyntheticJob.record(spec, Dynamics.SGD);
        runs.add(rec);
        verdicts.add(new io.github.softmaxicl.checks.Verdict("P6-sgd", rec.runId(),
            io.github.softmaxicl.checks.Verdict.Status.PASS, SyntheticJob.MARK + "sgd", 0.0, 1.0, "synthetic",
            "reconstruction", List.of()));
      }
      return new JobResult(runs, verdicts, List.of());
    };
    CliHarness alone = CliHarness.run(presetsOnly, "--out", tmp.resolve("a").toString(), "--config", cfg.toString(),
        "--dynamics", "sgd");
    assertEquals(Main.EXIT_NUMERICAL, alone.code, alone.err);
    assertTrue(alone.err.contains("mine: nothing computed"), alone.err);
    CliHarness mixed = CliHarness.run(presetsOnly, "--out", tmp.resolve("b").toString(), "--preset", "small",
        "--config", cfg.toString(), "--dynamics", "sgd");
    assertEquals(Main.EXIT_NUMERICAL, mixed.code, mixed.err);
    assertTrue(mixed.err.contains("mine: nothing computed"), mixed.err);
    assertTrue(Files.isRegularFile(tmp.resolve("b/results.json")), "the runs that were computed are written");
  }

  @Test
  void helpWithAnUnknownOptionIsAnError() {
    for (String[] args : List.of(new String[] {"--help", "--bogus"}, new String[] {"--bogus", "--help"},
        new String[] {"--version", "--bogus"}, new String[] {"--help", "stray"})) {
      CliHarness r = CliHarness.run(null, args);
      assertEquals(Main.EXIT_USAGE, r.code, String.join(" ", args) + ": " + r.out + r.err);
      assertEquals("", r.out, String.join(" ", args));
      assertEquals(1, r.errLines().size(), r.err);
    }
  }
}
