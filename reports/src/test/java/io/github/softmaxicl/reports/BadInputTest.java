package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input must exit 2 with exactly one line on stderr that names the option or field, without a stack trace,
 * and must leave a previous output directory byte-for-byte unchanged (and create no temporary directories).
 * A synthetic job is registered so that a failure to refuse would show up as a run, not as "no job".
 */
class BadInputTest {
  private static final String VALID = "\"d\": 8, \"blocks\": [4, 4], \"H\": 2, \"L\": 40";

  /** One case: a name, the config file content (or null for none), extra args, and the text the error must name. */
  static Stream<Arguments> cases() {
    List<Arguments> c = new ArrayList<>();
    c.add(Arguments.of("unknown preset", null, List.of("--preset", "nonesuch"), "--preset"));
    c.add(Arguments.of("unknown option", null, List.of("--bogus"), "--bogus"));
    c.add(Arguments.of("unknown claim", null, List.of("--claim", "P9-nonesuch"), "--claim"));
    c.add(Arguments.of("claim needs excluded dynamics", null, List.of("--claim", "P6-sgd", "--dynamics", "reduced"),
        "--dynamics reduced"));
    c.add(Arguments.of("positional argument", null, List.of("paper"), "paper"));
    c.add(Arguments.of("malformed JSON", "{\"d\": 8,, }", List.of(), "malformed JSON"));
    c.add(Arguments.of("truncated JSON", "{\"d\": 8, \"blocks\": [4,", List.of(), "truncated"));
    c.add(Arguments.of("empty file", "", List.of(), "empty"));
    c.add(Arguments.of("array instead of object", "[1, 2]", List.of(), "JSON object"));
    c.add(Arguments.of("trailing content", "{" + VALID + "} {}", List.of(), "after the object"));
    c.add(Arguments.of("duplicate field", "{" + VALID + ", \"d\": 8}", List.of(), "duplicate"));
    c.add(Arguments.of("missing field H", "{\"d\": 8, \"blocks\": [4, 4], \"L\": 40}", List.of(), ": H"));
    c.add(Arguments.of("extra field", "{" + VALID + ", \"heads\": 2}", List.of(), "heads"));
    c.add(Arguments.of("wrong type d (string)", "{\"d\": \"8\", \"blocks\": [4, 4], \"H\": 2, \"L\": 40}", List.of(),
        ": d"));
    c.add(Arguments.of("wrong type d (fraction)", "{\"d\": 8.5, \"blocks\": [4, 4], \"H\": 2, \"L\": 40}",
        List.of(), ": d"));
    c.add(Arguments.of("wrong type blocks", "{\"d\": 8, \"blocks\": \"4,4\", \"H\": 2, \"L\": 40}", List.of(),
        "blocks"));
    c.add(Arguments.of("H = 0", "{\"d\": 8, \"blocks\": [4, 4], \"H\": 0, \"L\": 40}", List.of(), "H"));
    c.add(Arguments.of("L = 0", "{\"d\": 8, \"blocks\": [4, 4], \"H\": 2, \"L\": 0}", List.of(), "L"));
    c.add(Arguments.of("L too large", "{\"d\": 8, \"blocks\": [4, 4], \"H\": 2, \"L\": 4000000000}", List.of(),
        "L"));
    c.add(Arguments.of("negative sigma", "{" + VALID + ", \"sigma\": -0.1}", List.of(), "sigma"));
    c.add(Arguments.of("NaN sigma", "{" + VALID + ", \"sigma\": NaN}", List.of(), "sigma"));
    c.add(Arguments.of("infinite sigma", "{" + VALID + ", \"sigma\": Infinity}", List.of(), "sigma"));
    c.add(Arguments.of("overflowing sigma", "{" + VALID + ", \"sigma\": 1e999}", List.of(), "sigma"));
    c.add(Arguments.of("negative s2", "{" + VALID + ", \"s2\": -1}", List.of(), "s2"));
    c.add(Arguments.of("zero s2", "{" + VALID + ", \"s2\": 0}", List.of(), "s2"));
    c.add(Arguments.of("negative t_end", "{" + VALID + ", \"t_end\": -5}", List.of(), "t_end"));
    c.add(Arguments.of("infinite t_end", "{" + VALID + ", \"t_end\": Infinity}", List.of(), "t_end"));
    c.add(Arguments.of("NaN t_end", "{" + VALID + ", \"t_end\": NaN}", List.of(), "t_end"));
    c.add(Arguments.of("blocks not summing to d", "{\"d\": 8, \"blocks\": [4, 3], \"H\": 2, \"L\": 40}", List.of(),
        "blocks"));
    c.add(Arguments.of("block of size 0", "{\"d\": 8, \"blocks\": [8, 0], \"H\": 2, \"L\": 40}", List.of(),
        "blocks"));
    c.add(Arguments.of("prompts = 0", "{" + VALID + ", \"prompts\": 0}", List.of(), "prompts"));
    c.add(Arguments.of("prompts as string", "{" + VALID + ", \"prompts\": \"many\"}", List.of(), "prompts"));
    c.add(Arguments.of("seed not an integer", "{" + VALID + ", \"seed\": 1.5}", List.of(), "seed"));
    c.add(Arguments.of("unknown init", "{" + VALID + ", \"init\": \"random\"}", List.of(), "init"));
    c.add(Arguments.of("memory above heap", "{\"d\": 26700, \"blocks\": [26700], \"H\": 1, \"L\": 10}",
        List.of("--dynamics", "full"), "--dynamics"));
    c.add(Arguments.of("memory above heap points at REPRODUCE_JAVA_OPTS",
        "{\"d\": 26700, \"blocks\": [26700], \"H\": 1, \"L\": 10}", List.of("--dynamics", "full"),
        "REPRODUCE_JAVA_OPTS=-Xmx"));
    // Parser limits and syntax errors are reported in the package's words, blaming the field.
    c.add(Arguments.of("number of 2000 digits", "{\"d\": 1" + "0".repeat(2000) + ", \"blocks\": [4, 4], \"H\": 2,"
        + " \"L\": 40}", List.of(), ": d: "));
    c.add(Arguments.of("unquoted word as value", "{\"d\": 8, \"blocks\": [4, 4], \"H\": two, \"L\": 40}",
        List.of(), ": H: "));
    c.add(Arguments.of("bad entry inside blocks", "{\"d\": 8, \"blocks\": [4, four], \"H\": 2, \"L\": 40}",
        List.of(), ": blocks: "));
    c.add(Arguments.of("nesting 5000 deep", "{\"d\": 8, \"blocks\": " + "[".repeat(5000) + "]".repeat(5000)
        + ", \"H\": 2, \"L\": 40}", List.of(), "nested"));
    c.add(Arguments.of("single quotes", "{'d': 8}", List.of(), "malformed JSON at line 1"));
    // A d too large for the full model's arrays is d's fault, whatever H is.
    c.add(Arguments.of("d too large for one head", "{\"d\": 30000, \"blocks\": [30000], \"H\": 1, \"L\": 10}",
        List.of(), ": d: must be an integer in [1, "));
    c.add(Arguments.of("H too large for this d", "{\"d\": 20000, \"blocks\": [20000], \"H\": 3, \"L\": 10}",
        List.of(), ": H: must be an integer in [1, "));
    c.add(Arguments.of("too many head-task pairs", "{\"d\": 8, \"blocks\": [4, 4], \"H\": 1000, \"L\": 40}",
        List.of(), ": H: must be an integer in [1, "));
    c.add(Arguments.of("unknown init names the allowed values", "{" + VALID + ", \"init\": \"random\"}", List.of(),
        "must be one of \"paper\""));
    c.add(Arguments.of("--quick with --full", null, List.of("--quick", "--full"), "--quick"));
    c.add(Arguments.of("--threads 0", null, List.of("--threads", "0"), "--threads"));
    c.add(Arguments.of("--threads not a number", null, List.of("--threads", "many"), "--threads"));
    c.add(Arguments.of("bad --dynamics", null, List.of("--dynamics", "fast"), "--dynamics"));
    c.add(Arguments.of("bad --seed", null, List.of("--seed", "x1"), "--seed"));
    c.add(Arguments.of("--preset without a value", null, List.of("--preset"), "--preset"));
    return c.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesWithOneLineAndWritesNothing(String name, String config, List<String> extra, String names,
      @TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    CliHarness.previousOutput(out);
    Map<String, String> before = CliHarness.snapshot(out);
    List<String> args = new ArrayList<>(List.of("--out", out.toString()));
    if (config != null) {
      Path file = tmp.resolve("case.json");
      Files.writeString(file, config, StandardCharsets.UTF_8);
      args.add("--config");
      args.add(file.toString());
    }
    args.addAll(extra);
    if (name.startsWith("memory above heap")) {
      // Precondition: the configuration must really exceed this JVM's heap, or the case tests nothing.
      assertTrue(ProblemConfig.of(26700, new int[] {26700}, 1, 10, 0, 1).fullModelBytes()
          > Runtime.getRuntime().maxMemory(), "heap too large for this case");
    }
    SyntheticJob job = new SyntheticJob(SyntheticJob.Behaviour.PASS);
    CliHarness r = CliHarness.run(job, args.toArray(new String[0]));
    assertBadInput(r, names, name);
    assertNull(job.lastRequest, "the job must not run on bad input");
    assertEquals(before, CliHarness.snapshot(out), "output directory changed");
    assertEquals(List.of(), CliHarness.leftovers(out));
  }

  static void assertBadInput(CliHarness r, String names, String name) {
    assertEquals(Main.EXIT_USAGE, r.code, name + ": exit code; stderr was: " + r.err);
    assertEquals("", r.out, name + ": nothing on stdout");
    List<String> lines = r.errLines();
    assertEquals(1, lines.size(), name + ": exactly one line on stderr, got: " + r.err);
    String line = lines.get(0);
    assertTrue(line.contains(names), name + ": the line must name '" + names + "': " + line);
    assertFalse(line.contains("Exception"), name + ": no exception names: " + line);
    assertFalse(line.matches(".*\\bat [a-z]+\\..*\\(.*"), name + ": no stack trace: " + line);
    for (String internal : List.of("StreamReadConstraints", "was expecting", "Unrecognized token", "fasterxml",
        "Unexpected character", "code 1")) {
      assertFalse(line.contains(internal), name + ": parser internals ('" + internal + "'): " + line);
    }
    assertTrue(line.length() < 400, name + ": one short line: " + line);
  }

  /** A FIFO would block the read forever: it must be refused without being opened. */
  @Test
  void refusesAFifoWithoutOpeningIt(@TempDir Path tmp) throws Exception {
    Path fifo = tmp.resolve("pipe.json");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
    Assumptions.assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo not available");
    Path out = tmp.resolve("out");
    CompletableFuture<CliHarness> run = CompletableFuture.supplyAsync(() -> CliHarness.run(
        new SyntheticJob(SyntheticJob.Behaviour.PASS), "--config", fifo.toString(), "--out", out.toString()));
    CliHarness r;
    try {
      r = run.get(30, TimeUnit.SECONDS);
    } catch (TimeoutException hung) {
      // Release the blocked reader (opening the write end gives it end-of-file), so the test JVM can exit.
      Files.newOutputStream(fifo).close();
      throw new AssertionError("reading the FIFO hung", hung);
    }
    assertBadInput(r, "not a regular file", "fifo");
    assertFalse(Files.exists(out));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outCases")
  void refusesUnusableOutputDirectory(String name, String layout, @TempDir Path tmp) throws IOException {
    Path out;
    Path watched;
    if (layout.equals("file-as-parent")) {
      // Works as root too (chmod does not stop root): the parent of --out is a regular file.
      watched = tmp.resolve("plain-file");
      Files.writeString(watched, "not a directory");
      out = watched.resolve("out");
    } else if (layout.equals("out-is-file")) {
      watched = tmp.resolve("out");
      Files.writeString(watched, "a file");
      out = watched;
    } else if (layout.equals("user-file")) {
      watched = tmp.resolve("out");
      CliHarness.previousOutput(watched);
      Files.writeString(watched.resolve("my-notes.txt"), "mine");
      out = watched;
    } else {
      watched = tmp.resolve("src");
      Files.createDirectories(watched);
      Files.writeString(watched.resolve("Main.java"), "class Main {}");
      out = watched;
    }
    Map<String, String> before = CliHarness.snapshot(tmp);
    CliHarness r = CliHarness.run(new SyntheticJob(SyntheticJob.Behaviour.PASS), "--preset", "small", "--out",
        out.toString());
    assertBadInput(r, layout.equals("user-file") ? "my-notes.txt" : "--out", name);
    assertEquals(before, CliHarness.snapshot(tmp), "nothing may change");
  }

  static Stream<Arguments> outCases() {
    return Stream.of(
        Arguments.of("unwritable: parent is a file", "file-as-parent"),
        Arguments.of("out is a regular file", "out-is-file"),
        Arguments.of("out is a non-empty directory that is not an output", "foreign-dir"),
        Arguments.of("a previous output holding a file the user put there", "user-file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fileCases")
  void refusesUnreadableConfig(String name, String layout, @TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    CliHarness.previousOutput(out);
    Map<String, String> before = CliHarness.snapshot(out);
    Path config = layout.equals("missing") ? tmp.resolve("absent.json") : tmp;
    CliHarness r = CliHarness.run(new SyntheticJob(SyntheticJob.Behaviour.PASS), "--config", config.toString(),
        "--out", out.toString());
    assertBadInput(r, "--config", name);
    assertEquals(before, CliHarness.snapshot(out));
  }

  static Stream<Arguments> fileCases() {
    return Stream.of(Arguments.of("config file missing", "missing"), Arguments.of("config is a directory", "dir"));
  }
}
