package io.github.softmaxicl.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.checks.Verdict;
import io.github.softmaxicl.checks.VerdictCounts;
import io.github.softmaxicl.experiments.JobResult;
import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.experiments.ProgressSink.Stage;
import io.github.softmaxicl.experiments.ReproductionJob;
import io.github.softmaxicl.theory.Provenance;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress on stderr with a fake clock: the plan before work starts, "stage k/N" lines with the job's ETA scaled
 * by the measured pace, throttled lines within a stage, and the one-line summary at the end.
 */
class StderrProgressTest {
  private static final long SECOND = 1_000_000_000L;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final AtomicLong clock = new AtomicLong();

  private StderrProgress sink(Mode mode) {
    return new StderrProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), clock::get, mode);
  }

  private List<String> lines() {
    return List.of(bytes.toString(StandardCharsets.UTF_8).strip().split("\n"));
  }

  @Test
  void countedStageReportsEtaFromTheCountAndItsEnd() {
    StderrProgress p = sink(Mode.QUICK);
    p.count("stage", 0, 4); // starts the clock
    clock.set(3 * SECOND);
    p.count("stage", 1, 4); // 3 s for one piece: 9 s for the three left
    clock.set(3 * SECOND + SECOND / 2);
    p.count("stage", 2, 4); // throttled: less than the interval since the last line
    clock.set(4 * SECOND);
    p.count("stage", 4, 4); // the end is always shown
    List<String> lines = lines();
    assertEquals(2, lines.size(), String.join("|", lines));
    assertEquals("[stage] 1 / 4 done, 3 s elapsed, ETA 9 s", lines.get(0));
    assertTrue(lines.get(1).startsWith("[stage] 4 / 4 done, 4 s elapsed") && !lines.get(1).contains("ETA"),
        lines.get(1));
  }

  /**
   * Expected 10, 20, 30 s; the first stage takes 20 s (pace 2), the second 30 s (pace 50/30): the ETA after each
   * is the pace times the expected time of what is left, 2 × 50 = 100 s and 5/3 × 30 = 50 s.
   */
  @Test
  void quickModePlansThenCountsStagesWithAnEtaScaledByThePace() {
    StderrProgress p = sink(Mode.QUICK);
    p.plan(List.of(new Stage("A", 10), new Stage("B", 20), new Stage("C", 30)));
    p.stageStarted(0);
    clock.set(20 * SECOND);
    p.stageFinished(0);
    p.stageStarted(1);
    clock.set(50 * SECOND);
    p.stageFinished(1);
    p.stageStarted(2);
    clock.set(95 * SECOND);
    p.stageFinished(2);
    assertEquals(List.of(
        "plan: 3 stages, about 1 min 0 s in all (typical quick-mode times of a 2-core machine; the job ETA follows"
            + " this machine's pace)",
        "  1/3 A, ~10 s",
        "  2/3 B, ~20 s",
        "  3/3 C, ~30 s",
        "stage 1/3 (A) started, ~10 s, job ETA ~1 min 0 s",
        "stage 1/3 (A) done in 20 s; 20 s elapsed, pace x2.00, job ETA ~1 min 40 s",
        "stage 2/3 (B) started, ~40 s, job ETA ~1 min 40 s",
        "stage 2/3 (B) done in 30 s; 50 s elapsed, pace x1.67, job ETA ~50 s",
        "stage 3/3 (C) started, ~50 s, job ETA ~50 s",
        "stage 3/3 (C) done in 45 s; 1 min 35 s elapsed"), lines());
  }

  /** Stages with quick-mode times only: --full does not scale them, so no durations and no ETA. */
  @Test
  void fullModeNamesTheStagesWithoutInventingDurations() {
    StderrProgress p = sink(Mode.FULL);
    p.plan(List.of(new Stage("A", 10), new Stage("B", 20)));
    p.stageStarted(0);
    clock.set(5 * SECOND);
    p.stageFinished(0);
    assertEquals(List.of(
        "plan: 2 stages (no --full stage times are measured for this job: no job ETA)",
        "  1/2 A",
        "  2/2 B",
        "stage 1/2 (A) started",
        "stage 1/2 (A) done in 5 s; 5 s elapsed"), lines());
  }

  /** --full reads the stages' --full times, never their quick-mode ones (A: 10 s quick, 100 s full). */
  @Test
  void fullModeUsesTheFullTimes() {
    StderrProgress p = sink(Mode.FULL);
    p.plan(List.of(new Stage("A", 10, 100), new Stage("B", 20, 300), new Stage("C", 5, Double.NaN)));
    p.stageStarted(0);
    clock.set(200 * SECOND);
    p.stageFinished(0);
    assertEquals(List.of(
        "plan: 3 stages, about 6 min 40 s in all and 1 not timed (typical --full times of a 2-core machine; the job"
            + " ETA follows this machine's pace)",
        "  1/3 A, ~1 min 40 s",
        "  2/3 B, ~5 min 0 s",
        "  3/3 C, not timed",
        "stage 1/3 (A) started, ~1 min 40 s, job ETA ~6 min 40 s + 1 not timed",
        "stage 1/3 (A) done in 3 min 20 s; 3 min 20 s elapsed, pace x2.00, job ETA ~10 min 0 s + 1 not timed"),
        lines());
  }

  @Test
  void stagesWithoutATimeAreCountedNotGuessed() {
    StderrProgress p = sink(Mode.QUICK);
    p.plan(List.of(new Stage("A", 10), new Stage("B", Double.NaN)));
    p.stageStarted(0);
    assertEquals(List.of(
        "plan: 2 stages, about 10 s in all and 1 not timed (typical quick-mode times of a 2-core machine; the job"
            + " ETA follows this machine's pace)",
        "  1/2 A, ~10 s",
        "  2/2 B, not timed",
        "stage 1/2 (A) started, ~10 s, job ETA ~10 s + 1 not timed"), lines());
  }

  /** A running stage that overruns its pace-scaled time has nothing left of it, never a negative remainder. */
  @Test
  void anOverrunningStageAddsNothingToTheEta() {
    JobEta eta = new JobEta(List.of(new Stage("A", 10), new Stage("B", 20)), Mode.QUICK);
    assertEquals(25.0, eta.remaining(0, 5.0), 1e-12);
    assertEquals(20.0, eta.remaining(0, 30.0), 1e-12);
    eta.finished(0, 30.0);
    assertEquals(3.0, eta.pace(), 1e-12);
    assertEquals(60.0, eta.remaining(0, Double.NaN), 1e-12);
    assertEquals(0.0, eta.remaining(1, 90.0), 1e-12);
    assertTrue(Double.isNaN(new JobEta(List.of(new Stage("A", 10)), Mode.FULL).remaining(0, 0.0)));
  }

  @Test
  void durationsAreWholeSecondsThenMinutesThenHours() {
    assertEquals("0 s", StderrProgress.duration(0.4));
    assertEquals("59 s", StderrProgress.duration(59.4));
    assertEquals("1 min 0 s", StderrProgress.duration(59.6));
    assertEquals("59 min 59 s", StderrProgress.duration(3599));
    assertEquals("1 h 0 min", StderrProgress.duration(3600));
    assertEquals("1 h 30 min", StderrProgress.duration(5400));
  }

  @Test
  void theSummaryCountsEveryVerdictAndNamesTheReport() {
    List<Verdict> verdicts = List.of(
        verdict(Verdict.Status.PASS, 0.1, Provenance.CERTIFIED),
        verdict(Verdict.Status.PASS, 0.1, Provenance.RECONSTRUCTION),
        verdict(Verdict.Status.FAIL, 2, Provenance.RECONSTRUCTION),
        verdict(Verdict.Status.FAIL, 2, Provenance.CERTIFIED),
        verdict(Verdict.Status.ERROR, Double.NaN, Provenance.RECONSTRUCTION),
        verdict(Verdict.Status.NOT_APPLICABLE, Double.NaN, Provenance.RECONSTRUCTION));
    JobResult result = new JobResult(List.of(), verdicts, List.of());
    assertEquals("done in 2 min 5 s, 0 runs, 6 claims: 2 pass, 2 fail, 1 error, 1 not applicable (1 of the passes"
            + " certified); report: out/index.html",
        Main.summaryLine(result, VerdictCounts.of(verdicts), 125, Path.of("out/index.html")));
  }

  /** The real job announces its one stage and counts it, and the last line is the summary. */
  @Test
  void theJobsStderrHasThePlanTheStagesAndTheSummary(@TempDir Path dir) {
    Path out = dir.resolve("out");
    CliHarness h = CliHarness.run(new ReproductionJob(), "--preset", "small", "--claim", "P1-convergence", "--out",
        out.toString());
    assertEquals(Main.EXIT_OK, h.code, h.err);
    List<String> lines = h.errLines();
    // The reduced-runs stage's typical time (ReducedRunsExperiment.TYPICAL_QUICK_SECONDS) shows rounded.
    String typical = Math.round(io.github.softmaxicl.experiments.ReducedRunsExperiment.TYPICAL_QUICK_SECONDS) + " s";
    assertTrue(lines.get(0).startsWith("plan: 1 stage, about " + typical + " in all"), h.err);
    assertEquals("  1/1 reduced runs, ~" + typical, lines.get(1), h.err);
    assertTrue(lines.get(2).startsWith("stage 1/1 (reduced runs) started, ~" + typical + ", job ETA ~" + typical),
        h.err);
    assertTrue(lines.get(lines.size() - 2).startsWith("stage 1/1 (reduced runs) done in "), h.err);
    assertEquals("done in 0 s, 1 run, 1 claim: 1 pass, 0 fail, 0 error, 0 not applicable (0 of the passes"
        + " certified); report: " + out.resolve("index.html"), lines.get(lines.size() - 1));
  }

  private static Verdict verdict(Verdict.Status status, double measured, Provenance provenance) {
    return new Verdict("P1-convergence", "small-reduced", status, "statement", measured, 1, "budget",
        provenance.label(), List.of());
  }
}
