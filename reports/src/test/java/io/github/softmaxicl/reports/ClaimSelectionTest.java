package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.Verdicts;
import io.github.softmaxicl.experiments.Job;
import io.github.softmaxicl.experiments.JobRequest;
import io.github.softmaxicl.experiments.JobResult;
import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.experiments.ReproductionJob;
import io.github.softmaxicl.experiments.RunRecord;
import io.github.softmaxicl.experiments.RunSpec;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.Claim;
import io.github.softmaxicl.theory.Claims;
import io.github.softmaxicl.theory.Preset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --claim, --list-claims, the scope of a --config run, the re-run commands and the not-applicable status in the
 * outputs and the exit code.
 */
class ClaimSelectionTest {
  private static final String SMALL_CONFIG = "{\"d\": 8, \"blocks\": [4, 4], \"H\": 2, \"L\": 40}";

  @TempDir
  Path tmp;

  private Path out() {
    return tmp.resolve("out");
  }

  private Path config(String name, String json) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, json, StandardCharsets.UTF_8);
    return f;
  }

  // --- --claim validation and resolution ---

  @Test
  void unknownClaimExitsTwoNamingTheOptionAndTheNearIdsAndWritesNothing() {
    SyntheticJob job = new SyntheticJob(SyntheticJob.Behaviour.PASS);
    CliHarness r = CliHarness.run(job, "--out", out().toString(), "--claim", "P2-phases", "--claim", "P2-phase");
    assertEquals(Main.EXIT_USAGE, r.code, r.err);
    assertEquals(1, r.errLines().size(), r.err);
    String line = r.errLines().get(0);
    assertTrue(line.startsWith("error: --claim: unknown claim 'P2-phase'"), line);
    // The registry no longer fits one line: the claims of the same paper claim are suggested, the rest listed
    // by --list-claims.
    for (Claim c : Claims.all()) {
      assertEquals(c.id().startsWith("P2"), line.contains(c.id()), c.id() + ": " + line);
    }
    assertTrue(line.endsWith("--list-claims lists all " + Claims.all().size()), line);
    assertFalse(Files.exists(out()), "nothing written");
    assertEquals(null, job.lastRequest, "nothing run");
  }

  @Test
  void aClaimPicksItsDynamicsWhenDynamicsIsNotGiven() {
    SyntheticJob job = new SyntheticJob(SyntheticJob.Behaviour.PASS);
    CliHarness r = CliHarness.run(job, "--out", out().toString(), "--claim", "P2-phases", "--claim", "P6-sgd",
        "--claim", "P2-phases");
    assertEquals(Main.EXIT_OK, r.code, r.err);
    assertEquals(List.of("P2-phases", "P6-sgd"), new ArrayList<>(job.lastRequest.claims()));
    assertEquals(EnumSet.of(Dynamics.REDUCED, Dynamics.SGD), job.lastRequest.dynamics());
    assertEquals(Preset.values().length, job.lastRequest.runs().size(), "every preset, as without --claim");
    CliHarness r2 = CliHarness.run(job, "--out", out().toString(), "--claim", "P6-ladder", "--dynamics", "all");
    assertEquals(Main.EXIT_OK, r2.code, r2.err);
    assertEquals(EnumSet.allOf(Dynamics.class), job.lastRequest.dynamics(), "an explicit --dynamics is kept");
  }

  @Test
  void aClaimWhoseDynamicsIsExcludedExitsTwo() {
    SyntheticJob job = new SyntheticJob(SyntheticJob.Behaviour.PASS);
    CliHarness r = CliHarness.run(job, "--out", out().toString(), "--claim", "P2-phases", "--claim", "P6-saddle",
        "--dynamics", "reduced");
    assertEquals(Main.EXIT_USAGE, r.code, r.err);
    assertEquals(List.of("error: --dynamics reduced: excludes the full dynamics, which --claim P6-saddle needs"
        + " (allowed: --dynamics all, or omit --dynamics to run what the claims need)"), r.errLines());
    assertFalse(Files.exists(out()));
    CliHarness r2 = CliHarness.run(job, "--out", out().toString(), "--claim", "P6-sgd", "--dynamics", "full");
    assertEquals(List.of("error: --dynamics full: excludes the sgd dynamics, which --claim P6-sgd needs"
        + " (allowed: --dynamics sgd or all, or omit --dynamics to run what the claims need)"), r2.errLines());
    assertEquals(null, job.lastRequest, "nothing run");
  }

  @Test
  void aClaimSelectionRunsOnlyThatExperimentOnTheRealJob() throws IOException {
    CliHarness r = CliHarness.run(new ReproductionJob(), "--out", out().toString(), "--preset", "small",
        "--claim", "P2-phases", "--threads", "1");
    assertEquals(Main.EXIT_OK, r.code, r.err);
    JsonNode root = new ObjectMapper().readTree(out().resolve("results.json").toFile());
    assertEquals(1, root.get("claims").size(), root.get("claims").toString());
    assertEquals("P2-phases", root.get("claims").get(0).get("id").asText());
    assertEquals(1, root.get("runs").size());
    assertEquals("reduced", root.get("runs").get(0).get("dynamics").asText());
    assertEquals(0, root.get("sweeps").size(), "the sweeps did not run");
    assertEquals("./reproduce --preset small --dynamics reduced --claim P2-phases",
        root.get("claims").get(0).get("rerun").asText());
  }

  // --- --config scope ---

  @Test
  void aConfigFileAloneChecksItsOwnClaimsOnly() throws IOException {
    Path cfg = config("mine.json", SMALL_CONFIG);
    SyntheticJob job = new SyntheticJob(SyntheticJob.Behaviour.PASS);
    assertEquals(Main.EXIT_OK, CliHarness.run(job, "--out", out().toString(), "--config", cfg.toString()).code);
    Set<String> quickScope = new java.util.LinkedHashSet<>(ReproductionJob.perRunClaimIds());
    // Quick mode: the validated integration (P1-, P2-, P3-proof: one tube) is not implied; it needs --claim or --full.
    assertTrue(quickScope.remove(Claims.P1_PROOF.id()));
    assertTrue(quickScope.remove(Claims.P2_PROOF.id()));
    assertTrue(quickScope.remove(Claims.P3_PROOF.id()));
    assertEquals(quickScope, job.lastRequest.claims());
    assertEquals(EnumSet.allOf(Dynamics.class), job.lastRequest.dynamics(), "--dynamics as before");
    assertEquals(Main.EXIT_OK, CliHarness.run(job, "--out", out().toString(), "--config", cfg.toString(),
        "--full").code);
    assertEquals(ReproductionJob.perRunClaimIds(), job.lastRequest.claims());
    assertEquals(Main.EXIT_OK, CliHarness.run(job, "--out", out().toString(), "--config", cfg.toString(),
        "--claim", Claims.P2_PROOF.id()).code);
    assertEquals(Set.of(Claims.P2_PROOF.id()), job.lastRequest.claims());
    for (String sweep : List.of("P3-allocation-property", "P4-optimality", "P5-separation", "P6-ladder",
        "P6-criterion", "P6-saddle", "P6-model-error", "P7-length-generalisation")) {
      assertFalse(job.lastRequest.claims().contains(sweep), sweep);
    }
    // With a preset (or nothing), nothing changes: no selection.
    assertEquals(Main.EXIT_OK, CliHarness.run(job, "--out", out().toString(), "--config", cfg.toString(),
        "--preset", "small").code);
    assertEquals(Set.of(), job.lastRequest.claims());
    assertEquals(Main.EXIT_OK, CliHarness.run(job, "--out", out().toString()).code);
    assertEquals(Set.of(), job.lastRequest.claims());
  }

  @Test
  void aConfigRunComputesNoSweepClaimOnTheRealJob() throws IOException {
    Path cfg = config("mine.json", SMALL_CONFIG);
    CliHarness r = CliHarness.run(new ReproductionJob(), "--out", out().toString(), "--config", cfg.toString(),
        "--dynamics", "reduced", "--threads", "1");
    assertEquals(Main.EXIT_OK, r.code, r.err);
    JsonNode root = new ObjectMapper().readTree(out().resolve("results.json").toFile());
    Set<String> perRun = ReproductionJob.perRunClaimIds();
    assertTrue(root.get("claims").size() >= 5, root.get("claims").toString());
    for (JsonNode c : root.get("claims")) {
      assertTrue(perRun.contains(c.get("id").asText()), c.get("id").asText());
      assertEquals("mine-reduced", c.get("run").asText());
      assertEquals("./reproduce --config " + cfg + " --claim " + c.get("id").asText(), c.get("rerun").asText());
    }
    assertEquals(0, root.get("sweeps").size());
  }

  @Test
  void aConfigRunForAConfigurationIndependentClaimIsNotNothingComputed() throws IOException {
    Path cfg = config("mine.json", SMALL_CONFIG);
    Job sweepOnly = (request, progress) -> new JobResult(List.of(),
        List.of(Verdicts.error(Claims.P4_OPTIMALITY, "sweep", "synthetic test fixture")), List.of());
    CliHarness r = CliHarness.run(sweepOnly, "--out", out().toString(), "--config", cfg.toString(), "--claim",
        "P4-optimality");
    // Exit 3 for the error verdict, but no "nothing computed" complaint about the configuration.
    assertEquals(Main.EXIT_NUMERICAL, r.code, r.err);
    assertFalse(r.err.contains("nothing computed"), r.err);
  }

  // --- --list-claims ---

  @Test
  void listClaimsPrintsEveryRegisteredClaimAndWritesNothing() {
    CliHarness r = CliHarness.run(null, "--out", out().toString(), "--list-claims");
    assertEquals(Main.EXIT_OK, r.code, r.err);
    assertEquals("", r.err);
    for (Claim c : Claims.all()) {
      assertTrue(r.out.contains("\n" + c.id() + "  (paper claim " + c.paperClaim() + ")\n"), c.id());
      assertTrue(r.out.contains("  statement:  " + c.statement() + "\n"), c.id());
      assertTrue(r.out.contains("  hypotheses: " + c.hypotheses() + "\n"), c.id());
    }
    assertTrue(r.out.contains("2-core machine"), r.out);
    assertTrue(r.out.contains("runtime:    typically "), r.out);
    assertFalse(r.out.contains("not measured"), "every experiment of the job has a measured runtime");
    assertFalse(Files.exists(out()));
  }

  // --- re-run commands ---

  private static RunSpec preset(Preset p, long seed) {
    return new RunSpec(p.id(), "preset " + p.id(), p.config(), "paper", 1.0, seed, OptionalInt.empty(),
        p.defaultTEnd());
  }

  private static Verdict pass(Claim c, String run) {
    return new Verdict(c.id(), run, Verdict.Status.PASS, c.statement(), 0.0, c.tolerance(), c.budget(),
        "reconstruction", List.of());
  }

  @Test
  void rerunCommandsNameThePresetOrConfigAndTheModeAndSeed() {
    RunSpec paper = preset(Preset.PAPER, Main.DEFAULT_SEED);
    RunSpec mine = new RunSpec("my", "dir with space/my.json", Preset.SMALL.config(), "paper", 1.0,
        Main.DEFAULT_SEED, OptionalInt.empty(), 100);
    JobRequest quick = new JobRequest(List.of(paper, mine), EnumSet.allOf(Dynamics.class), Mode.QUICK, 1, List.of());
    assertEquals("./reproduce --preset paper --dynamics reduced --claim P2-phases",
        RerunCommand.of(quick, pass(Claims.P2_PHASES, "paper-reduced")));
    assertEquals("./reproduce --preset paper --dynamics sgd --claim P6-sgd",
        RerunCommand.of(quick, pass(Claims.P6_SGD, "paper-sgd-second-seed")));
    assertEquals("./reproduce --config 'dir with space/my.json' --claim P6-technique",
        RerunCommand.of(quick, pass(Claims.P6_TECHNIQUE, "my-full")));
    assertEquals("./reproduce --claim P4-optimality", RerunCommand.of(quick, pass(Claims.P4_OPTIMALITY, "sweep")));
    RunSpec seeded = preset(Preset.SMALL, 7);
    JobRequest full = new JobRequest(List.of(seeded), EnumSet.allOf(Dynamics.class), Mode.FULL, 1, List.of());
    assertEquals("./reproduce --preset small --dynamics full --claim P6-technique --seed 7 --full",
        RerunCommand.of(full, pass(Claims.P6_TECHNIQUE, "small-full")));
    assertEquals("./reproduce --claim P6-ladder --seed 7 --full",
        RerunCommand.of(full, pass(Claims.P6_LADDER, "ladder")));
  }

  @Test
  void aClaimsRowCommandNamesEachOfItsConfigurationsOnceAndLetsTheClaimPickTheDynamics() {
    RunSpec paper = preset(Preset.PAPER, 7);
    RunSpec small = preset(Preset.SMALL, 7);
    RunSpec mine = new RunSpec("my", "dir with space/my.json", Preset.SMALL.config(), "paper", 1.0, 7,
        OptionalInt.empty(), 100);
    JobRequest req = new JobRequest(List.of(paper, small, mine), EnumSet.allOf(Dynamics.class), Mode.QUICK, 1,
        List.of());
    // Rows list the verdicts in any order; the command follows the request's order, without the unused "small".
    assertEquals("./reproduce --preset paper --config 'dir with space/my.json' --claim P6-sgd --seed 7",
        RerunCommand.forClaim(req, Claims.P6_SGD.id(), List.of(pass(Claims.P6_SGD, "my-sgd"),
            pass(Claims.P6_SGD, "paper-sgd"), pass(Claims.P6_SGD, "paper-sgd-second-seed"))));
    assertEquals("./reproduce --claim P4-optimality --seed 7",
        RerunCommand.forClaim(req, Claims.P4_OPTIMALITY.id(), List.of(pass(Claims.P4_OPTIMALITY, "sweep"))));
  }

  // --- not-applicable ---

  private static Job job(List<Verdict> verdicts) {
    return (request, progress) -> {
      RunSpec spec = request.runs().get(0);
      RunRecord run = SyntheticJob.record(spec, Dynamics.REDUCED);
      return new JobResult(List.of(run), verdicts, List.of());
    };
  }

  @Test
  void notApplicableIsNeverAPassNorAFailure() throws IOException {
    Verdict na = Verdicts.notApplicable(Claims.P3_ALLOCATION, "small-reduced",
        "H >= n fails: H = 1 < n = 2 (synthetic test fixture)");
    CliHarness r = CliHarness.run(job(List.of(pass(Claims.P2_PHASES, "small-reduced"), na)), "--out",
        out().toString(), "--preset", "small", "--dynamics", "reduced");
    assertEquals(Main.EXIT_OK, r.code, "not-applicable plus passes exits 0: " + r.err);
    assertTrue(r.err.contains("1 pass, 0 fail, 0 error, 1 not applicable"), r.err);
    JsonNode claims = new ObjectMapper().readTree(out().resolve("results.json").toFile()).get("claims");
    assertEquals("not-applicable", claims.get(1).get("verdict").asText());
    assertTrue(claims.get(1).get("measured").isNull());
    String html = Files.readString(out().resolve("index.html"));
    assertTrue(html.contains("<span class=\"not-applicable\">1 not applicable</span>"), "counted separately");
    assertTrue(html.contains("<span class=\"pass\">1 pass</span>"), "not counted as a pass");
    assertTrue(html.contains("<td class=\"not-applicable\">not-applicable</td>"), "own style in the table");
    assertTrue(html.contains(".not-applicable{"), "the style exists");
    assertTrue(html.contains("never a pass"), "explained");
    assertTrue(html.contains("H ≥ n fails: H = 1 &lt; n = 2"), "the failing hypothesis is shown");
    assertTrue(html.contains("re-run: <code>./reproduce --preset small --dynamics reduced --claim P3-allocation"
        + "</code>"), "re-run command shown");
  }

  @Test
  void onlyNotApplicableVerdictsVerifyNothing() throws IOException {
    Verdict na = Verdicts.notApplicable(Claims.P3_ALLOCATION, "small-reduced", "synthetic test fixture");
    CliHarness r = CliHarness.run(job(List.of(na)), "--out", out().toString(), "--preset", "small", "--dynamics",
        "reduced");
    assertEquals(Main.EXIT_NUMERICAL, r.code, r.err);
    assertTrue(r.err.contains("nothing was verified"), r.err);
    Map<String, String> files = CliHarness.snapshot(out());
    assertTrue(files.containsKey("results.json"), "the report is still written");
  }
}
