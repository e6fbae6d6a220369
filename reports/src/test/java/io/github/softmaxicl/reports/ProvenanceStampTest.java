package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmaxicl.experiments.Job;
import io.github.softmaxicl.experiments.JobRequest;
import io.github.softmaxicl.experiments.JobResult;
import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.experiments.ProgressSink;
import io.github.softmaxicl.experiments.RunSpec;
import io.github.softmaxicl.numerics.Dynamics;
import io.github.softmaxicl.theory.Preset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provenance stamp: the commit and tree state read from git.properties as the build wrote it, the machine,
 * the runtime libraries from the jars' Maven metadata, and the stage times, in results.json and at the top of the
 * page.
 */
class ProvenanceStampTest {
  private static final String COMMIT_A = "0123456789abcdef0123456789abcdef01234567";
  private static final String COMMIT_B = "fedcba9876543210fedcba9876543210fedcba98";

  @TempDir
  Path tmp;

  private static Properties props(String text) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text));
    return p;
  }

  private static ReportData data(BuildStamp build, List<StageTime> stages) {
    RunSpec spec = new RunSpec("small", "preset small", Preset.SMALL.config(), "paper", 1, 7, OptionalInt.empty(), 100);
    JobRequest req = new JobRequest(List.of(spec), EnumSet.of(Dynamics.REDUCED), Mode.QUICK, 1,
        List.of("--preset", "small", "--seed", "7"));
    MachineInfo machine = new MachineInfo("Vendor", "17.0.1+1", "Linux 6.1", "amd64", "Test CPU @ 2 GHz", 2);
    RunStamp stamp = new RunStamp(build, machine,
        List.of(new RuntimeDependencies.Dependency("org.hipparchus", "hipparchus-core", "4.0.2")), stages);
    return new ReportData(req, new JobResult(List.of(), List.of(), List.of()),
        new VersionInfo("n", "v", "j", "h", "e", "r"), stamp, Instant.parse("2026-01-02T03:04:05Z"), 12.5);
  }

  private static JsonNode json(ReportData d) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ResultsJsonWriter().write(bytes, d);
    return new ObjectMapper().readTree(bytes.toByteArray());
  }

  @Test
  void twoCommitsGiveDifferentStamps() throws IOException {
    BuildStamp a = BuildStamp.of(props("git.commit.id=" + COMMIT_A + "\ngit.dirty=false\n"));
    BuildStamp b = BuildStamp.of(props("git.commit.id=" + COMMIT_B + "\ngit.dirty=false\n"));
    assertEquals(COMMIT_A, a.commit());
    assertEquals(Boolean.FALSE, a.dirty());
    assertNotEquals(a, b);
    JsonNode ja = json(data(a, List.of())).get("provenance");
    JsonNode jb = json(data(b, List.of())).get("provenance");
    assertEquals(COMMIT_A, ja.get("commit").asText());
    assertEquals(COMMIT_B, jb.get("commit").asText());
    assertFalse(ja.get("dirty").asBoolean());
    String ha = new HtmlReport().render(data(a, List.of()));
    String hb = new HtmlReport().render(data(b, List.of()));
    // The stamp is in the header, before the summary of claims.
    assertTrue(ha.indexOf(COMMIT_A) > 0 && ha.indexOf(COMMIT_A) < ha.indexOf("id=\"summary\""), "commit A on top");
    assertFalse(ha.contains(COMMIT_B));
    assertTrue(hb.contains(COMMIT_B) && !hb.contains(COMMIT_A));
    assertTrue(ha.contains("<span class=\"clean\">commit " + COMMIT_A + ", clean tree</span>"));
  }

  @Test
  void aDirtyTreeSaysSo() throws IOException {
    BuildStamp dirty = BuildStamp.of(props("git.commit.id=" + COMMIT_A + "\ngit.dirty=true\n"));
    assertEquals(Boolean.TRUE, dirty.dirty());
    assertTrue(json(data(dirty, List.of())).get("provenance").get("dirty").asBoolean());
    String html = new HtmlReport().render(data(dirty, List.of()));
    assertTrue(html.contains("<span class=\"dirty\">commit " + COMMIT_A + ", DIRTY tree"), "dirty is flagged");
  }

  @Test
  void withoutGitMetadataTheStampSaysUnknownAndNeverGuesses() throws IOException {
    for (String text : List.of("", "git.commit.id=unknown\ngit.dirty=unknown\n",
        "git.commit.id=fatal: not a git repository\ngit.dirty=false\n", "git.commit.id=0123\n")) {
      BuildStamp s = BuildStamp.of(props(text));
      assertFalse(s.known(), text);
      assertNull(s.dirty(), "an unknown commit has no known tree state: " + text);
      JsonNode p = json(data(s, List.of())).get("provenance");
      assertTrue(p.get("commit").isNull() && p.get("dirty").isNull(), text);
      assertTrue(new HtmlReport().render(data(s, List.of())).contains("<span class=\"dirty\">commit unknown"), text);
    }
    // A known commit with an unreadable tree state is not presented as clean.
    BuildStamp half = BuildStamp.of(props("git.commit.id=" + COMMIT_A.toUpperCase(java.util.Locale.ROOT) + "\n"));
    assertEquals(COMMIT_A, half.commit());
    assertNull(half.dirty());
    assertTrue(new HtmlReport().render(data(half, List.of())).contains("<span class=\"dirty\">commit " + COMMIT_A));
  }

  @Test
  void theBuildRecordedThisWorktreesCommit() throws Exception {
    // git.properties is written by the build (reports/pom.xml). Where git and the repository are available, it
    // must name the commit git reports for this directory; else it says unknown.
    BuildStamp current = BuildStamp.current();
    Process p;
    try {
      p = new ProcessBuilder("git", "rev-parse", "--verify", "HEAD").redirectErrorStream(true).start();
    } catch (IOException noGit) {
      return;
    }
    String head;
    try (InputStream in = p.getInputStream()) {
      head = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    if (p.waitFor() == 0) {
      assertEquals(head, current.commit(), "the jar's stamp names the checked-out commit");
    }
  }

  @Test
  void theRestOfTheStampIsWritten() throws IOException {
    List<StageTime> stages = List.of(new StageTime("reduced runs", 12, 10.5), new StageTime("sweeps", Double.NaN,
        Double.NaN));
    JsonNode p = json(data(BuildStamp.of(props("git.commit.id=" + COMMIT_A + "\ngit.dirty=false\n")), stages))
        .get("provenance");
    assertEquals(List.of("--preset", "small", "--seed", "7"), List.of(p.get("arguments").get(0).asText(),
        p.get("arguments").get(1).asText(), p.get("arguments").get(2).asText(), p.get("arguments").get(3).asText()));
    assertEquals("./reproduce --preset small --seed 7", p.get("command").asText());
    assertEquals("quick", p.get("mode").asText());
    assertEquals(7, p.get("seed").asLong());
    assertEquals("Vendor", p.get("jdk_vendor").asText());
    assertEquals("17.0.1+1", p.get("jdk_version").asText());
    assertEquals("amd64", p.get("arch").asText());
    assertEquals("Test CPU @ 2 GHz", p.get("cpu_model").asText());
    assertEquals(2, p.get("cpu_cores").asInt());
    assertEquals("4.0.2", p.get("dependencies").get(0).get("version").asText());
    assertEquals("2026-01-02T03:04:05Z", p.get("started").asText());
    assertEquals(12.5, p.get("wall_seconds").asDouble());
    assertEquals("reduced runs", p.get("stages").get(0).get("name").asText());
    assertEquals(10.5, p.get("stages").get(0).get("wall_seconds").asDouble());
    assertTrue(p.get("stages").get(1).get("wall_seconds").isNull());
    assertTrue(p.get("stages").get(1).get("typical_quick_seconds").isNull());
  }

  @Test
  void cpuModelIsReadFromCpuinfoOrUnknown() throws IOException {
    Path x86 = Files.writeString(tmp.resolve("x86"), "processor\t: 0\nvendor_id\t: AuthenticAMD\n"
        + "model\t\t: 49\nmodel name\t: AMD EPYC  7B12\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B12\n");
    assertEquals("AMD EPYC 7B12", MachineInfo.cpuModel(x86));
    Path arm = Files.writeString(tmp.resolve("arm"), "processor\t: 0\nBogoMIPS\t: 50.00\nModel\t: Raspberry Pi 4\n");
    assertEquals("Raspberry Pi 4", MachineInfo.cpuModel(arm));
    Path none = Files.writeString(tmp.resolve("none"), "processor\t: 0\nBogoMIPS\t: 50.00\n");
    assertEquals("unknown", MachineInfo.cpuModel(none));
    assertEquals("unknown", MachineInfo.cpuModel(tmp.resolve("absent")));
    assertTrue(MachineInfo.current().cores() >= 1);
  }

  @Test
  void dependenciesComeFromTheJarsMavenMetadata() throws IOException {
    Path jar = tmp.resolve("lib.jar");
    try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f)) {
      // No directory entries: a shaded jar need not have them, so the jar is also scanned directly.
      j.putNextEntry(new JarEntry("META-INF/maven/org.example/beta/pom.properties"));
      j.write("groupId=org.example\nartifactId=beta\nversion=2.0\n".getBytes(StandardCharsets.ISO_8859_1));
      j.putNextEntry(new JarEntry("META-INF/maven/org.example/alpha/pom.properties"));
      j.write("groupId=org.example\nartifactId=alpha\nversion=1.5\n".getBytes(StandardCharsets.ISO_8859_1));
      j.putNextEntry(new JarEntry("META-INF/maven/org.example/alpha/pom.xml"));
      j.write("<project/>".getBytes(StandardCharsets.ISO_8859_1));
    }
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      List<RuntimeDependencies.Dependency> deps = RuntimeDependencies.of(empty, jar);
      assertEquals(List.of("org.example:alpha:1.5", "org.example:beta:2.0"),
          deps.stream().map(RuntimeDependencies.Dependency::coordinates).toList());
    }
    // On the test class path, the libraries come from their own jars' metadata, with the build's versions.
    List<String> current = RuntimeDependencies.current().stream().map(RuntimeDependencies.Dependency::coordinates)
        .toList();
    assertTrue(current.contains("com.fasterxml.jackson.core:jackson-databind:"
        + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()), current.toString());
  }

  @Test
  void stageTimesAreRecordedWithTheRunsClock() throws IOException {
    Instant t0 = Instant.parse("2026-01-02T03:04:05Z");
    Clock[] clock = {Clock.fixed(t0, ZoneId.of("UTC"))};
    Clock ticking = new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneId.of("UTC");
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return clock[0].instant();
      }
    };
    Job job = (request, progress) -> {
      progress.plan(List.of(new ProgressSink.Stage("first", 3), new ProgressSink.Stage("second", Double.NaN)));
      progress.stageStarted(0);
      clock[0] = Clock.offset(clock[0], Duration.ofMillis(2500));
      progress.stageFinished(0);
      progress.stageStarted(1);
      clock[0] = Clock.offset(clock[0], Duration.ofMillis(500));
      progress.stageFinished(1);
      return new SyntheticJob(SyntheticJob.Behaviour.PASS).run(request, progress);
    };
    Path out = tmp.resolve("out");
    CliHarness r = CliHarness.run(job, ticking, "--out", out.toString(), "--preset", "small", "--dynamics", "reduced");
    assertEquals(Main.EXIT_OK, r.code, r.err);
    JsonNode stages = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("provenance")
        .get("stages");
    assertEquals(2, stages.size());
    assertEquals("first", stages.get(0).get("name").asText());
    assertEquals(3.0, stages.get(0).get("typical_quick_seconds").asDouble());
    assertEquals(2.5, stages.get(0).get("wall_seconds").asDouble());
    assertEquals(0.5, stages.get(1).get("wall_seconds").asDouble());
    assertTrue(Files.readString(out.resolve("index.html")).contains("<table id=\"stages\">"));
  }
}
