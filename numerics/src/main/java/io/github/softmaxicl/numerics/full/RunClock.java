package io.github.softmaxicl.numerics.full;

import java.util.function.LongSupplier;

/**
 * The wall clock of one full-model run, gradient flow or SGD: the run's recorded wall time, and the rule that
 * progress is reported at most once every 2 s of it (a job of many runs would otherwise flood stderr). Defined once
 * so the two dynamics cannot drift apart. The clock is each run's {@code Options.clock}: {@code System::nanoTime},
 * or a test's own, which drives the rule and the time-left estimate one reading at a time.
 */
final class RunClock {
  /** Progress reports are at least this far apart (nanoseconds), unless forced. */
  static final long REPORT_INTERVAL_NANOS = 2_000_000_000L;

  private final LongSupplier clock;
  private final long start;
  private long lastReport;

  /** Starts the run's clock (one reading). */
  RunClock(LongSupplier clock) {
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastReport = start;
  }

  /**
   * One reading: if more than {@link #REPORT_INTERVAL_NANOS} have passed since the last report (or the start), or
   * {@code force}, a report is due and counted: returns the seconds since the start; otherwise NaN.
   */
  double reportDue(boolean force) {
    long now = clock.getAsLong();
    if (now - lastReport > REPORT_INTERVAL_NANOS || force) {
      lastReport = now;
      return (now - start) * 1e-9;
    }
    return Double.NaN;
  }

  /** One reading: the seconds since the start. */
  double elapsedSeconds() {
    return (clock.getAsLong() - start) * 1e-9;
  }
}
