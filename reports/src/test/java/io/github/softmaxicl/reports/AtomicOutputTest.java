package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output directory is replaced atomically, and never left half-written. */
class AtomicOutputTest {
  @TempDir
  Path tmp;

  @Test
  void abortLeavesPreviousOutputAndNoStaging() throws Exception {
    Path out = tmp.resolve("out");
    CliHarness.previousOutput(out);
    Map<String, String> before = CliHarness.snapshot(out);
    try (AtomicOutput o = AtomicOutput.prepare(out)) {
      Files.writeString(o.staging().resolve("results.json"), "{}");
      assertEquals(1, CliHarness.leftovers(out).size(), "staging exists while writing");
    }
    assertEquals(before, CliHarness.snapshot(out));
    assertEquals(List.of(), CliHarness.leftovers(out));
  }

  @Test
  void commitReplacesAndCleansUp() throws Exception {
    Path out = tmp.resolve("a/b/out");
    try (AtomicOutput o = AtomicOutput.prepare(out)) {
      Files.writeString(o.staging().resolve("results.json"), "{\"n\": 1}");
      o.commit();
    }
    assertEquals("{\"n\": 1}", Files.readString(out.resolve("results.json")));
    try (AtomicOutput o = AtomicOutput.prepare(out)) {
      Files.writeString(o.staging().resolve("results.json"), "{\"n\": 2}");
      o.commit();
      assertThrows(IllegalStateException.class, o::commit);
    }
    assertEquals(Map.of("results.json", "{\"n\": 2}"), CliHarness.snapshot(out));
    assertEquals(List.of(), CliHarness.leftovers(out));
  }

  @Test
  void outputSetAsideByAnInterruptedSwapIsRestored() throws Exception {
    Path out = tmp.resolve("out");
    Path aside = tmp.resolve(".out.old-12345");
    CliHarness.previousOutput(aside);
    Map<String, String> before = CliHarness.snapshot(aside);
    try (AtomicOutput o = AtomicOutput.prepare(out)) {
      assertEquals(before, CliHarness.snapshot(out), "the previous output is back in place");
    }
    assertFalse(Files.exists(aside));
  }

  @Test
  void refusesForeignDirectories() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("notes.txt"), "mine");
    assertThrows(AtomicOutput.OutputDirectoryException.class, () -> AtomicOutput.check(src));
    assertEquals(Map.of("notes.txt", "mine"), CliHarness.snapshot(src));
  }

  /**
   * SIGTERM in the middle of a run: the shutdown hook removes the staging directory; the old output stays. The
   * child is the real entry point with the job this build wires in; the full dynamics of {@code small} take
   * minutes, so the run is certainly still computing (its staging directory exists) when the signal arrives.
   */
  @Test
  void sigtermMidwayLeavesPreviousOutputIntact() throws Exception {
    Path out = tmp.resolve("out");
    CliHarness.previousOutput(out);
    Map<String, String> before = CliHarness.snapshot(out);
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--preset", "small", "--dynamics", "full", "--threads", "1", "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (CliHarness.leftovers(out).isEmpty() && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(20);
      }
      assertEquals(1, CliHarness.leftovers(out).size(), "the child never started writing: "
          + Files.readString(tmp.resolve("child.log")));
      p.destroy(); // SIGTERM on POSIX
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
    assertEquals(before, CliHarness.snapshot(out));
    assertEquals(List.of(), CliHarness.leftovers(out));
  }

  /** SIGKILL leaves the staging directory behind (no hook runs); the next run must remove it. */
  @Test
  void stagingLeftBySigkillIsRemovedByTheNextRun() throws Exception {
    Path out = tmp.resolve("out");
    CliHarness.previousOutput(out);
    Map<String, String> before = CliHarness.snapshot(out);
    Process p = startSlowChild(out);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (CliHarness.leftovers(out).isEmpty() && System.nanoTime() < deadline && p.isAlive()) {
        Thread.sleep(20);
      }
      assertEquals(1, CliHarness.leftovers(out).size(), "the child never started writing: "
          + Files.readString(tmp.resolve("child.log")));
      p.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
    assertEquals(1, CliHarness.leftovers(out).size(), "SIGKILL leaves the staging directory");
    try (AtomicOutput o = AtomicOutput.prepare(out)) {
      assertEquals(1, CliHarness.leftovers(out).size(), "only the new run's own staging directory remains");
    }
    assertEquals(List.of(), CliHarness.leftovers(out));
    assertEquals(before, CliHarness.snapshot(out));
  }

  /** A staging directory of a process that is still running is not touched. */
  @Test
  void stagingOfALiveRunIsKept() throws Exception {
    Path out = tmp.resolve("out");
    try (AtomicOutput first = AtomicOutput.prepare(out)) {
      Files.writeString(first.staging().resolve("results.json"), "{}");
      try (AtomicOutput second = AtomicOutput.prepare(out)) {
        assertTrue(Files.isRegularFile(first.staging().resolve("results.json")), "a live staging was removed");
        assertEquals(2, CliHarness.leftovers(out).size());
      }
      Process p = startSlowChild(out);
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (CliHarness.leftovers(out).size() < 2 && System.nanoTime() < deadline && p.isAlive()) {
          Thread.sleep(20);
        }
        assertEquals(2, CliHarness.leftovers(out).size(), Files.readString(tmp.resolve("child.log")));
        try (AtomicOutput third = AtomicOutput.prepare(out)) {
          assertEquals(3, CliHarness.leftovers(out).size(), "the running child's staging must stay");
        }
      } finally {
        p.destroy();
        p.waitFor(30, TimeUnit.SECONDS);
        p.destroyForcibly();
      }
    }
  }

  /** Only the package's own, recognisably named directories are cleaned up. */
  @Test
  void foreignHiddenDirectoriesAreNotCleanedUp() throws Exception {
    Path out = tmp.resolve("out");
    Path lookalike = Files.createDirectories(tmp.resolve(".out.tmp-notours"));
    Path other = Files.createDirectories(tmp.resolve(".other.tmp-1-2-3"));
    try (AtomicOutput o = AtomicOutput.prepare(out)) {
      o.commit();
    }
    assertTrue(Files.isDirectory(lookalike));
    assertTrue(Files.isDirectory(other));
  }

  /** Files a user put in a previous output are never deleted silently: the run is refused, naming the file. */
  @Test
  void userFilesInAPreviousOutputAreRefusedByName() throws IOException {
    Path out = tmp.resolve("out");
    CliHarness.previousOutput(out);
    Files.writeString(out.resolve("my-notes.txt"), "mine");
    AtomicOutput.OutputDirectoryException e =
        assertThrows(AtomicOutput.OutputDirectoryException.class, () -> AtomicOutput.check(out));
    assertTrue(e.getMessage().contains("my-notes.txt"), e.getMessage());
    Files.delete(out.resolve("my-notes.txt"));
    Files.writeString(out.resolve("runs/plot.png"), "mine");
    e = assertThrows(AtomicOutput.OutputDirectoryException.class, () -> AtomicOutput.check(out));
    assertTrue(e.getMessage().contains("plot.png"), e.getMessage());
    assertEquals("mine", Files.readString(out.resolve("runs/plot.png")));
  }

  /** A file added while the run computes is not deleted by the commit either. */
  @Test
  void userFileAddedDuringTheRunStopsTheCommit() throws Exception {
    Path out = tmp.resolve("out");
    CliHarness.previousOutput(out);
    try (AtomicOutput o = AtomicOutput.prepare(out)) {
      Files.writeString(o.staging().resolve("results.json"), "{}");
      Files.writeString(out.resolve("added.txt"), "mine");
      assertThrows(AtomicOutput.OutputDirectoryException.class, o::commit);
    }
    assertEquals("mine", Files.readString(out.resolve("added.txt")));
    assertEquals(List.of(), CliHarness.leftovers(out));
  }

  private Process startSlowChild(Path out) throws IOException {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--preset", "small", "--dynamics", "full", "--threads", "1", "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
  }
}
