package io.github.softmaxicl.theory;

/**
 * The phase-marker definitions of MODEL.md §7 (ours, not the paper's). Integrators locate the crossings with
 * event detectors; this class only says where the thresholds are.
 */
public final class PhaseMarkers {
  /** Warm-up ends when F has fallen by this fraction of F(0). */
  public static final double WARMUP_DROP = 0.01;
  /** Emergence ends when F − F* is this fraction of F(0) − F*. */
  public static final double EMERGENCE_REMAINING = 0.01;
  /** Off-task μ below this multiple of μ* counts as converged. */
  public static final double OFF_TASK_CONVERGED = 1e-6;

  private PhaseMarkers() {}

  /** End of warm-up t_w: first t with F(t) ≤ 0.99 F(0). */
  public static double warmupThreshold(double f0) {
    return (1.0 - WARMUP_DROP) * f0;
  }

  /** End of emergence t_e: first t with F(t) − F* ≤ 0.01 (F(0) − F*). */
  public static double emergenceThreshold(double f0, double fStar) {
    return fStar + EMERGENCE_REMAINING * (f0 - fStar);
  }

  /** Per-task half-signal time: first t with max_h μ_i^h ω_i^h ≥ ½ μ_i* ω_i*. */
  public static double halfSignalThreshold(ProblemConfig c, int task) {
    return 0.5 * ClosedForms.muStar(c, task) * ClosedForms.omegaStar(c, task);
  }
}
