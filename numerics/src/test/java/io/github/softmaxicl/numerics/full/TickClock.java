package io.github.softmaxicl.numerics.full;

import java.util.function.LongSupplier;

/** A wall clock for tests that advances exactly one second (10^9 ns) at every reading. */
final class TickClock implements LongSupplier {
  private long now = 1_000_000_000_000L;
  private int readings;

  @Override
  public long getAsLong() {
    now += 1_000_000_000L;
    readings++;
    return now;
  }

  /** The last value read (no new reading). */
  long last() {
    return now;
  }

  /** Readings so far. */
  int readings() {
    return readings;
  }
}
