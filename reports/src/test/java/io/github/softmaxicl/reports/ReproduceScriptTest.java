package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code reproduce} script's first build, with a stand-in {@code mvn} on the PATH that prints colour codes,
 * stays quiet for a while and then fails: the user must see progress and a heartbeat, never an escape code.
 */
class ReproduceScriptTest {
  @Test
  void buildShowsProgressAndHeartbeatWithoutColourCodes(@TempDir Path tmp) throws Exception {
    Path script = Paths.get("..", "reproduce").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.isRegularFile(script), "run from the reports module");
    Path root = Files.createDirectories(tmp.resolve("clone"));
    Files.copy(script, root.resolve("reproduce"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\n"
        + "printf '\\033[0m\\033[0m[INFO] Building softmax-icl-theory 0.1.0-SNAPSHOT [1/4]\\033[m\\n'\n"
        + "sleep 3\n"
        + "printf '\\033[1;31m[ERROR] synthetic compile error\\033[m\\n'\n"
        + "exit 1\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path err = tmp.resolve("stderr.txt");
    String javaBin = System.getProperty("java.home") + File.separator + "bin";
    ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("reproduce").toString(), "--help")
        .redirectError(err.toFile()).redirectOutput(tmp.resolve("stdout.txt").toFile());
    pb.environment().put("PATH", bin + File.pathSeparator + javaBin + File.pathSeparator + "/usr/bin:/bin");
    pb.environment().put("REPRODUCE_HEARTBEAT_SECONDS", "1");
    pb.environment().put("TMPDIR", tmp.toString());
    Process p = pb.start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script hung");
    String text = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(4, p.exitValue(), text);
    assertFalse(text.contains("\u001b"), "colour codes leaked: " + text);
    assertTrue(text.contains("Building softmax-icl-theory"), "Maven's progress is shown: " + text);
    assertTrue(text.contains("still building"), "a heartbeat while Maven is quiet: " + text);
    assertTrue(text.contains("[ERROR] synthetic compile error"), "errors are shown: " + text);
    assertEquals("", Files.readString(tmp.resolve("stdout.txt")), "build output never goes to stdout");
  }
}
