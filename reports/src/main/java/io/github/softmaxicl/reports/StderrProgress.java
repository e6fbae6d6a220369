package io.github.softmaxicl.reports;

import io.github.softmaxicl.experiments.ProgressSink;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Progress lines on stderr, at most one every {@link #INTERVAL_NANOS} per run: run id, t of t_end, loss,
 * elapsed time and an ETA extrapolated linearly in t (adaptive integrators slow down and speed up, so it is a
 * rough guide).
 */
public final class StderrProgress implements ProgressSink {
  /** Minimum time between two lines of the same run. */
  public static final long INTERVAL_NANOS = 2_000_000_000L;

  private final PrintStream err;
  private final LongSupplier nanoTime;
  private final Map<String, long[]> runs = new LinkedHashMap<>();

  /**
   * @param err where to print
   * @param nanoTime clock ({@code System::nanoTime})
   */
  public StderrProgress(PrintStream err, LongSupplier nanoTime) {
    this.err = err;
    this.nanoTime = nanoTime;
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
