package io.github.softmaxicl.theory;

import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Per-task warm-up prediction of docs/P2-PHASES.md (reduced model (reconstruction)): T_i, the blow-up time of the
 * decoupled small-amplitude system (1) from the start, and τ_i = (2/(a_i b μ_i*ω_i*))^{1/2}, the time before T_i at
 * which that system's signal reaches half its limit. Computed by integrating (1) (in {@code numerics}); a task
 * whose system (1) does not blow up before the integration's horizon has T_i = +∞.
 *
 * @param blowUp T_i per task (+∞ if not reached)
 * @param tau τ_i per task
 */
public record WarmupTimes(double[] blowUp, double[] tau) {
  /** Validates and copies. */
  public WarmupTimes {
    blowUp = blowUp.clone();
    tau = tau.clone();
    if (blowUp.length != tau.length) {
      throw new IllegalArgumentException("blowUp and tau differ in length");
    }
  }

  /** Number of tasks. */
  public int tasks() {
    return blowUp.length;
  }

  /** T_i of task i. */
  public double blowUp(int task) {
    return blowUp[task];
  }

  /** τ_i of task i. */
  public double tau(int task) {
    return tau[task];
  }

  /** The relative budget τ_i/T_i of task i (0 if T_i = +∞). */
  public double relativeTau(int task) {
    return Double.isInfinite(blowUp[task]) ? 0.0 : tau[task] / blowUp[task];
  }

  /** The latest T_i. */
  public double latest() {
    return Arrays.stream(blowUp).max().orElse(0.0);
  }

  @Override
  public double[] blowUp() {
    return blowUp.clone();
  }

  @Override
  public double[] tau() {
    return tau.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof WarmupTimes w && Arrays.equals(blowUp, w.blowUp) && Arrays.equals(tau, w.tau);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(blowUp) + Arrays.hashCode(tau);
  }

  @Override
  public String toString() {
    return "WarmupTimes" + Arrays.toString(blowUp) + "/" + Arrays.toString(tau);
  }
}
