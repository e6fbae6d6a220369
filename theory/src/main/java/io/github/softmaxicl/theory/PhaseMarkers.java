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
    return warmupThreshold(new Real(f0), Real.ONE, new Real(WARMUP_DROP)).value();
  }

  /** End of emergence t_e: first t with F(t) − F* ≤ 0.01 (F(0) − F*). */
  public static double emergenceThreshold(double f0, double fStar) {
    return emergenceThreshold(new Real(f0), new Real(fStar), new Real(EMERGENCE_REMAINING)).value();
  }

  /**
   * The warm-up level {@code (1 − drop)·F(0)} in any number type (the interval version encloses the exact 0.99
   * F(0) for the certified t_w); over {@link Real} it is the double {@code (1.0 − 0.01)·f0} it always was.
   */
  public static <T extends Scalar<T>> T warmupThreshold(T f0, T one, T drop) {
    return one.subtract(drop).multiply(f0);
  }

  /** The emergence level {@code F* + remaining·(F(0) − F*)} in any number type (see {@link #warmupThreshold}). */
  public static <T extends Scalar<T>> T emergenceThreshold(T f0, T fStar, T remaining) {
    return fStar.add(remaining.multiply(f0.subtract(fStar)));
  }

  /** Per-task half-signal time: first t with max_h μ_i^h ω_i^h ≥ ½ μ_i* ω_i*. */
  public static double halfSignalThreshold(ProblemConfig c, int task) {
    return 0.5 * ClosedForms.muStar(c, task) * ClosedForms.omegaStar(c, task);
  }
}
