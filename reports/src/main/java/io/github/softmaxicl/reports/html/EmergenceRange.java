package io.github.softmaxicl.reports.html;

import java.util.Optional;

/**
 * The t range of the emergence close-up, [t_w − Δ, t_e + Δ] with Δ = t_e − t_w (cut at 0): on the
 * [0, 1.6 t_e] window emergence is a few per cent of the width, and the task-by-task steps show only here.
 */
record EmergenceRange(double lo, double hi, double delta) {
  /** The range, or empty unless both markers are finite and t_e &gt; t_w. */
  static Optional<EmergenceRange> of(double tWarmupEnd, double tEmergenceEnd) {
    if (!(Double.isFinite(tWarmupEnd) && Double.isFinite(tEmergenceEnd) && tEmergenceEnd > tWarmupEnd)) {
      return Optional.empty();
    }
    double delta = tEmergenceEnd - tWarmupEnd;
    return Optional.of(new EmergenceRange(Math.max(0, tWarmupEnd - delta), tEmergenceEnd + delta, delta));
  }
}
