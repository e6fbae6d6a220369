package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.Job;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs {@link Main#execute} in-process and captures its streams; helpers to snapshot directories. */
final class CliHarness {
  /** A fixed clock: identical inputs then give byte-identical files. */
  static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  final int code;
  final String out;
  final String err;

  private CliHarness(int code, String out, String err) {
    this.code = code;
    this.out = out;
    this.err = err;
  }

  static CliHarness run(Job job, String... args) {
    return run(job, FIXED, args);
  }

  static CliHarness run(Job job, Clock clock, String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code;
    try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
      code = Main.execute(args, po, pe, job, clock);
    }
    return new CliHarness(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  /** Stderr lines other than progress lines ("[run] ...") and the final summary. */
  List<String> errLines() {
    List<String> lines = new ArrayList<>();
    for (String l : err.split("\n", -1)) {
      if (!l.isEmpty()) {
        lines.add(l);
      }
    }
    return lines;
  }

  /** Relative path → content of every file under {@code dir} (sorted), or an empty map if absent. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(dir)) {
      return files;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          files.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
        } else if (!p.equals(dir)) {
          files.put(dir.relativize(p) + "/", "");
        }
      }
    }
    return files;
  }

  /** Names of hidden staging or set-aside directories next to {@code target}. */
  static List<String> leftovers(Path target) throws IOException {
    List<String> names = new ArrayList<>();
    Path parent = target.toAbsolutePath().getParent();
    try (Stream<Path> s = Files.list(parent)) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("." + target.getFileName() + ".tmp-")
              || n.startsWith("." + target.getFileName() + ".old-"))
          .forEach(names::add);
    }
    return names;
  }

  /** Creates a previous output: results.json and a user file, to check they are left unchanged. */
  static void previousOutput(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("runs"));
    Files.writeString(dir.resolve("results.json"), "{\"schema\": 1, \"previous\": true}\n");
    Files.writeString(dir.resolve("index.html"), "<html>previous</html>\n");
    Files.writeString(dir.resolve("runs/old-reduced.csv"), "t,F\n0,1\n");
  }
}
