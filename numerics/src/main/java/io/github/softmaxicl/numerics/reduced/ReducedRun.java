package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.TrajectorySample;

import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.List;

/**
 * The result of one integration of the balanced reduced flow (reduced model (reconstruction)): what the run
 * record of OUTPUT.md needs. Phase-marker times are NaN when the marker was not reached before t_end. Immutable.
 */
public final class ReducedRun {
  private final ProblemConfig config;
  private final SpectralState init;
  private final String integratorName;
  private final double relTol;
  private final double absTol;
  private final double eventTimeAccuracy;
  private final double tEnd;
  private final double f0;
  private final double fFinal;
  private final double fStar;
  private final double tWarmupEnd;
  private final double tEmergenceEnd;
  private final double[] halfSignalTimes;
  private final int[] allocation;
  private final SpectralState finalState;
  private final double gradientNorm;
  private final double velocityNorm;
  private final long evaluations;
  private final double wallSeconds;
  private final double tailStart;
  private final List<TrajectorySample> trajectory;

  ReducedRun(ProblemConfig config, SpectralState init, String integratorName, double relTol, double absTol,
      double eventTimeAccuracy, double tEnd, double f0, double fFinal, double fStar, double tWarmupEnd,
      double tEmergenceEnd, double[] halfSignalTimes, int[] allocation, SpectralState finalState,
      double gradientNorm, double velocityNorm, long evaluations, double wallSeconds, double tailStart,
      List<TrajectorySample> trajectory) {
    this.config = config;
    this.init = init;
    this.integratorName = integratorName;
    this.relTol = relTol;
    this.absTol = absTol;
    this.eventTimeAccuracy = eventTimeAccuracy;
    this.tEnd = tEnd;
    this.f0 = f0;
    this.fFinal = fFinal;
    this.fStar = fStar;
    this.tWarmupEnd = tWarmupEnd;
    this.tEmergenceEnd = tEmergenceEnd;
    this.halfSignalTimes = halfSignalTimes.clone();
    this.allocation = allocation.clone();
    this.finalState = finalState;
    this.gradientNorm = gradientNorm;
    this.velocityNorm = velocityNorm;
    this.evaluations = evaluations;
    this.wallSeconds = wallSeconds;
    this.tailStart = tailStart;
    this.trajectory = List.copyOf(trajectory);
  }

  /** The problem. */
  public ProblemConfig config() {
    return config;
  }

  /** The initial state. */
  public SpectralState init() {
    return init;
  }

  /** Integration scheme, e.g. "DormandPrince853+LinearlyImplicitEulerExtrapolation". */
  public String integratorName() {
    return integratorName;
  }

  /** Relative tolerance (on log coordinates). */
  public double relTol() {
    return relTol;
  }

  /** Absolute tolerance (on log coordinates, i.e. relative on ω and μ). */
  public double absTol() {
    return absTol;
  }

  /** Convergence threshold of event location (absolute, flow time). */
  public double eventTimeAccuracy() {
    return eventTimeAccuracy;
  }

  /** End time. */
  public double tEnd() {
    return tEnd;
  }

  /** F(0). */
  public double f0() {
    return f0;
  }

  /** F(t_end). */
  public double fFinal() {
    return fFinal;
  }

  /** Closed-form F* of the one-head-per-task limit (MODEL.md §6). */
  public double fStar() {
    return fStar;
  }

  /** End of warm-up t_w (NaN if not reached). */
  public double tWarmupEnd() {
    return tWarmupEnd;
  }

  /** End of emergence t_e (NaN if not reached). */
  public double tEmergenceEnd() {
    return tEmergenceEnd;
  }

  /** Per-task half-signal times (NaN where not reached). */
  public double[] halfSignalTimes() {
    return halfSignalTimes.clone();
  }

  /** For each task i, the head with the largest μ_i^h ω_i^h at t_end (heads from 0). */
  public int[] allocation() {
    return allocation.clone();
  }

  /** ω and μ at t_end. */
  public SpectralState finalState() {
    return finalState;
  }

  /** ω at t_end, H×n. */
  public double[][] omegaFinal() {
    return finalState.omegaArray();
  }

  /** μ at t_end, H×n. */
  public double[][] muFinal() {
    return finalState.muArray();
  }

  /**
   * Euclidean norm of ∂F/∂(ω, μ) at t_end. It does not vanish at the limit: every off-task ∂F/∂μ tends to
   * 2 c_i μ_i* / (n L) (the saddle of MODEL.md §9); see {@link #velocityNorm()}.
   */
  public double gradientNorm() {
    return gradientNorm;
  }

  /**
   * Norm of the velocity (dω/dt, dμ/dt) at t_end: the gradient in the balanced metric of the sign-preserving
   * manifold, which tends to 0.
   */
  public double velocityNorm() {
    return velocityNorm;
  }

  /** Loss evaluations (integration, event location, sampling, Jacobians). */
  public long evaluations() {
    return evaluations;
  }

  /** Wall-clock seconds of integration, events and sampling. */
  public double wallSeconds() {
    return wallSeconds;
  }

  /** Time at which the tail integrator took over (NaN if the explicit integrator ran to t_end alone). */
  public double tailStart() {
    return tailStart;
  }

  /** The sampled trajectory, in time order, from t = 0 to t_end. */
  public List<TrajectorySample> trajectory() {
    return trajectory;
  }

  /** (t_e − t_w) / t_w: length of the emergence window relative to the warm-up (NaN if not reached). */
  public double emergenceWindowRatio() {
    return (tEmergenceEnd - tWarmupEnd) / tWarmupEnd;
  }
}
