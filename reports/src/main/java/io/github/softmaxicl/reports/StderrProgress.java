package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.Mode;
import io.github.softmaxicl.experiments.ProgressSink;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Progress on stderr. For the whole job: before work starts, the plan (every stage with its expected duration);
 * then one line when each stage starts and one when it finishes, "stage k/N", with the job's ETA ({@link JobEta}
 * says how it is computed). Within a stage, at most one line every {@link #INTERVAL_NANOS} per run: run id, t of
 * t_end, loss, elapsed time and an ETA extrapolated linearly in t (adaptive integrators slow down and speed up, so
 * it is a rough guide). Apart from the times, the text depends only on the plan and the mode.
 */
public final class StderrProgress implements ProgressSink {
  /** Minimum time between two lines of the same run. */
  public static final long INTERVAL_NANOS = 2_000_000_000L;

  private final PrintStream err;
  private final LongSupplier nanoTime;
  private final Map<String, long[]> runs = new LinkedHashMap<>();
  private final Mode mode;
  private List<Stage> plan = List.of();
  private @Nullable JobEta eta;
  private long jobStart;
  private long stageStart;

  /**
   * @param err where to print
   * @param nanoTime clock ({@code System::nanoTime})
   * @param mode the job's mode, whose typical stage times the plan and the ETA use
   */
  public StderrProgress(PrintStream err, LongSupplier nanoTime, Mode mode) {
    this.err = err;
    this.nanoTime = nanoTime;
    this.mode = mode;
  }

  @Override
  public synchronized void plan(List<Stage> stages) {
    plan = List.copyOf(stages);
    JobEta e = new JobEta(plan, mode);
    eta = e;
    jobStart = nanoTime.getAsLong();
    if (plan.isEmpty()) {
      return;
    }
    int n = plan.size();
    String head = "plan: " + n + (n == 1 ? " stage" : " stages");
    if (e.anyTimed()) {
      int untimed = e.untimed(0);
      err.println(head + ", about " + duration(e.expectedTotal()) + " in all"
          + (untimed > 0 ? " and " + untimed + " not timed" : "")
          + " (typical " + modeName() + " times of a 2-core machine; the job ETA follows this machine's pace)");
    } else {
      err.println(head + " (no " + modeName() + " stage times are measured for this job: no job ETA)");
    }
    for (int k = 0; k < n; k++) {
      double x = e.expected(k);
      String time = !e.anyTimed() ? "" : Double.isNaN(x) ? ", not timed" : ", ~" + duration(x);
      err.println("  " + (k + 1) + "/" + n + " " + plan.get(k).name() + time);
    }
  }

  /** "quick-mode" or "--full". */
  private String modeName() {
    return mode == Mode.QUICK ? "quick-mode" : "--" + mode.id();
  }

  @Override
  public synchronized void stageStarted(int index) {
    JobEta e = eta;
    if (e == null || index < 0 || index >= e.size()) {
      return;
    }
    stageStart = nanoTime.getAsLong();
    double x = e.expected(index);
    String expected = Double.isNaN(x) ? "" : ", ~" + duration(x * e.pace());
    err.println(stage(index) + " started" + expected + jobEta(e.remaining(index, 0.0), index));
  }

  @Override
  public synchronized void stageFinished(int index) {
    JobEta e = eta;
    if (e == null || index < 0 || index >= e.size()) {
      return;
    }
    long now = nanoTime.getAsLong();
    double took = (now - stageStart) * 1e-9;
    e.finished(index, took);
    boolean last = index == e.size() - 1;
    String pace = e.anyTimed() && !last ? String.format(Locale.ROOT, ", pace x%.2f", e.pace()) : "";
    err.println(stage(index) + " done in " + duration(took) + "; " + duration((now - jobStart) * 1e-9) + " elapsed"
        + pace + (last ? "" : jobEta(e.remaining(index, Double.NaN), index + 1)));
  }

  private String stage(int index) {
    // In parentheses: stage names may hold a colon ("sgd: small").
    return "stage " + (index + 1) + "/" + plan.size() + " (" + plan.get(index).name() + ")";
  }

  /** ", job ETA ..." when known, with the stages from {@code from} on that have no expected time. */
  private String jobEta(double seconds, int from) {
    JobEta e = eta;
    if (Double.isNaN(seconds) || e == null) {
      return "";
    }
    int untimed = e.untimed(from);
    return ", job ETA ~" + duration(seconds) + (untimed > 0 ? " + " + untimed + " not timed" : "");
  }

  /** Whole seconds, minutes and seconds from a minute on, hours and minutes from an hour on. */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min " + s % 60 + " s";
    }
    long m = Math.round(seconds / 60.0);
    return m / 60 + " h " + m % 60 + " min";
  }

  @Override
  public synchronized void progress(String run, double t, double tEnd, double loss) {
    if (!runs.containsKey(run)) {
      long now = nanoTime.getAsLong();
      runs.put(run, new long[] {now, now});
      err.println(String.format(Locale.ROOT, "[%s] started, t_end = %.3g", run, tEnd));
      return;
    }
    double elapsed = dueElapsed(run, t >= tEnd);
    if (Double.isNaN(elapsed)) {
      return;
    }
    String eta = t > 0 && t < tEnd ? String.format(Locale.ROOT, ", ETA %.0f s", elapsed * (tEnd - t) / t) : "";
    err.println(String.format(Locale.ROOT, "[%s] t = %.4g / %.4g (%.1f %%), F = %.6g, %.0f s elapsed%s",
        run, t, tEnd, 100.0 * Math.min(1.0, t / tEnd), loss, elapsed, eta));
  }

  @Override
  public synchronized void count(String stage, int done, int total) {
    boolean last = done >= total;
    double elapsed = dueElapsed(stage, last);
    if (Double.isNaN(elapsed)) {
      return;
    }
    // The pieces of a stage are alike (seeded cases, points of a sweep), so the count is a fair clock.
    String eta = done > 0 && !last ? String.format(Locale.ROOT, ", ETA %.0f s", elapsed * (total - done) / done) : "";
    err.println(String.format(Locale.ROOT, "[%s] %d / %d done, %.0f s elapsed%s", stage, done, total, elapsed, eta));
  }

  /**
   * Seconds since {@code key} was first seen (its clock starts now if it is new), or NaN when its last line is
   * younger than {@link #INTERVAL_NANOS}: the throttle shared by runs and counted stages. A last line always shows.
   */
  private double dueElapsed(String key, boolean last) {
    long now = nanoTime.getAsLong();
    long[] times = runs.get(key);
    if (times == null) {
      times = new long[] {now, now};
      runs.put(key, times);
    }
    if (!last && now - times[1] < INTERVAL_NANOS) {
      return Double.NaN;
    }
    times[1] = now;
    return (now - times[0]) * 1e-9;
  }

  @Override
  public synchronized void message(String text) {
    err.println(UsageException.oneLine(text));
  }
}
