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
    long now = nanoTime.getAsLong();
    long[] times = runs.get(run);
    if (times == null) {
      times = new long[] {now, now};
      runs.put(run, times);
      err.println(String.format(Locale.ROOT, "[%s] started, t_end = %.3g", run, tEnd));
      return;
    }
    boolean last = t >= tEnd;
    if (!last && now - times[1] < INTERVAL_NANOS) {
      return;
    }
    times[1] = now;
    double elapsed = (now - times[0]) * 1e-9;
    String eta = t > 0 && t < tEnd ? String.format(Locale.ROOT, ", ETA %.0f s", elapsed * (tEnd - t) / t) : "";
    err.println(String.format(Locale.ROOT, "[%s] t = %.4g / %.4g (%.1f %%), F = %.6g, %.0f s elapsed%s",
        run, t, tEnd, 100.0 * Math.min(1.0, t / tEnd), loss, elapsed, eta));
  }

  @Override
  public synchronized void count(String stage, int done, int total) {
    long now = nanoTime.getAsLong();
    long[] times = runs.get(stage);
    if (times == null) {
      times = new long[] {now, now};
      runs.put(stage, times);
    }
    boolean last = done >= total;
    if (!last && now - times[1] < INTERVAL_NANOS) {
      return;
    }
    times[1] = now;
    double elapsed = (now - times[0]) * 1e-9;
    // The pieces of a stage are alike (seeded cases, points of a sweep), so the count is a fair clock.
    String eta = done > 0 && !last ? String.format(Locale.ROOT, ", ETA %.0f s", elapsed * (total - done) / done) : "";
    err.println(String.format(Locale.ROOT, "[%s] %d / %d done, %.0f s elapsed%s", stage, done, total, elapsed, eta));
  }

  @Override
  public synchronized void message(String text) {
    err.println(UsageException.oneLine(text));
  }
}
