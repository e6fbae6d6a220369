package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.MarkerTimes;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.List;

/**
 * The result of one integration of the balanced reduced flow (reduced model (reconstruction)): what the run
 * record of OUTPUT.md needs. Phase-marker times are NaN when the marker was not reached before t_end. Immutable:
 * the arrays are copied in and out.
 *
 * @param config the problem
 * @param init the initial state
 * @param integratorName integration scheme, e.g. "DormandPrince853+LinearlyImplicitEulerExtrapolation"
 * @param relTol relative tolerance (on log coordinates)
 * @param absTol absolute tolerance (on log coordinates, i.e. relative on ω and μ)
 * @param eventTimeAccuracy convergence threshold of event location (absolute, flow time)
 * @param tEnd end time
 * @param f0 F(0)
 * @param fFinal F(t_end)
 * @param fStar closed-form F* of the one-head-per-task limit (MODEL.md §6)
 * @param markers t_w, t_e, and per task the half-signal time, t_w,i and t_e,i (NaN where not reached)
 * @param allocation for each task i, the head with the largest μ_i^h ω_i^h at t_end (heads from 0)
 * @param finalState ω and μ at t_end
 * @param logAbsMuFinal ln|μ_i^h| at t_end, H×n, read from the flow's log coordinates: the off-task μ decay
 *     exponentially, and after a long run {@code finalState} holds them as 0 (exp underflows) while this keeps their
 *     size
 * @param gradientNorm Euclidean norm of ∂F/∂(ω, μ) at t_end. It does not vanish at the limit: every off-task
 *     ∂F/∂μ tends to 2 c_i μ_i* / (n L) (the saddle of MODEL.md §9); see {@code velocityNorm}
 * @param velocityNorm norm of the velocity (dω/dt, dμ/dt) at t_end: the gradient in the balanced metric of the
 *     sign-preserving manifold, which tends to 0
 * @param evaluations loss evaluations (integration, event location, sampling, Jacobians)
 * @param wallSeconds wall-clock seconds of integration, events and sampling
 * @param tailStart time at which the tail integrator took over (NaN if the explicit integrator ran to t_end
 *     alone)
 * @param trajectory the sampled trajectory, in time order, from t = 0 to t_end
 * @param emergenceSamples the integrator's dense output read on a uniform grid across the {@link
 *     io.github.softmaxicl.numerics.EmergenceWindow} after the run, in time order (empty without emergence or
 *     when switched off); for plots only: no marker, check or count is computed from them
 */
public record ReducedRun(ProblemConfig config, SpectralState init, String integratorName, double relTol,
    double absTol, double eventTimeAccuracy, double tEnd, double f0, double fFinal, double fStar, MarkerTimes markers,
    int[] allocation, SpectralState finalState, double[][] logAbsMuFinal,
    double gradientNorm, double velocityNorm, long evaluations, double wallSeconds, double tailStart,
    List<TrajectorySample> trajectory, List<TrajectorySample> emergenceSamples) {

  /** Copies the arrays and the trajectory. */
  public ReducedRun {
    if (markers.tasks() != config.tasks()) {
      throw new IllegalArgumentException("markers need " + config.tasks() + " tasks (got " + markers.tasks() + ")");
    }
    allocation = allocation.clone();
    logAbsMuFinal = copy(logAbsMuFinal);
    if (logAbsMuFinal.length != finalState.heads()) {
      throw new IllegalArgumentException("ln|mu| at t_end must have one row per head");
    }
    trajectory = List.copyOf(trajectory);
    emergenceSamples = List.copyOf(emergenceSamples);
  }

  /** A run without dense emergence samples (a record built from stored values, or by a test). */
  public ReducedRun(ProblemConfig config, SpectralState init, String integratorName, double relTol,
      double absTol, double eventTimeAccuracy, double tEnd, double f0, double fFinal, double fStar, MarkerTimes markers,
      int[] allocation, SpectralState finalState, double[][] logAbsMuFinal,
      double gradientNorm, double velocityNorm, long evaluations, double wallSeconds, double tailStart,
      List<TrajectorySample> trajectory) {
    this(config, init, integratorName, relTol, absTol, eventTimeAccuracy, tEnd, f0, fFinal, fStar, markers,
        allocation, finalState, logAbsMuFinal, gradientNorm, velocityNorm, evaluations, wallSeconds, tailStart,
        trajectory, List.of());
  }

  private static double[][] copy(double[][] a) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  /** ln|μ_i^h| at t_end, H×n (from the log coordinates, so it does not underflow); a copy. */
  @Override
  public double[][] logAbsMuFinal() {
    return copy(logAbsMuFinal);
  }

  /** For each task i, the head with the largest μ_i^h ω_i^h at t_end (heads from 0); a copy. */
  @Override
  public int[] allocation() {
    return allocation.clone();
  }

  /** ω at t_end, H×n. */
  public double[][] omegaFinal() {
    return finalState.omegaArray();
  }

  /** μ at t_end, H×n. */
  public double[][] muFinal() {
    return finalState.muArray();
  }
}
