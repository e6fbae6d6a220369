package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Counted stages print a throttled line with an ETA extrapolated from the count, and always their last one. */
class StderrProgressTest {
  @Test
  void countedStageReportsEtaFromTheCountAndItsEnd() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong clock = new AtomicLong();
    StderrProgress p = new StderrProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::get);
    p.count("stage", 0, 4); // starts the clock
    clock.set(3_000_000_000L);
    p.count("stage", 1, 4); // 3 s for one piece: 9 s for the three left
    clock.set(3_500_000_000L);
    p.count("stage", 2, 4); // throttled: less than the interval since the last line
    clock.set(4_000_000_000L);
    p.count("stage", 4, 4); // the end is always shown
    String[] lines = bytes.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertEquals(2, lines.length, String.join("|", lines));
    assertEquals("[stage] 1 / 4 done, 3 s elapsed, ETA 9 s", lines[0]);
    assertTrue(lines[1].startsWith("[stage] 4 / 4 done, 4 s elapsed") && !lines[1].contains("ETA"), lines[1]);
  }
}
