package io.github.softmaxicl.numerics.full;

/** Receives progress of a long run (for a line on stderr): time reached, current loss, estimated seconds left. */
@FunctionalInterface
public interface Progress {
  /** A progress callback that does nothing. */
  Progress NONE = (t, loss, etaSeconds) -> {};

  /**
   * @param t time reached
   * @param loss loss at t (in-sample or mini-batch)
   * @param etaSeconds estimated wall seconds left (NaN if unknown)
   */
  void report(double t, double loss, double etaSeconds);
}
