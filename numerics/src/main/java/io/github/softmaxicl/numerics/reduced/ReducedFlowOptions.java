package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.theory.Claims;

/**
 * How to integrate the reduced flow: integrator, tolerances, event-location accuracy, evaluation limit,
 * treatment of the stiff convergence phase and trajectory density. Immutable; start from {@link #defaults()} and
 * change fields with the {@code with...} methods.
 *
 * <p>Tolerances apply to the log coordinates y = (log|ω|, log|μ|): an absolute tolerance τ on log|x| is a
 * relative tolerance τ on x, so one value suits every variable whatever its magnitude. The relative tolerance
 * additionally relaxes the control on strongly decayed variables (|log|x|| large) whose value is then negligible.
 */
public final class ReducedFlowOptions {
  /** The explicit Hipparchus integrator used from t = 0 (and throughout, with {@link Tail#SAME_INTEGRATOR}). */
  public enum Integrator {
    /** Hipparchus DormandPrince853Integrator (order 8, embedded 5/3 error estimate): the reference. */
    DORMAND_PRINCE_853("DormandPrince853"),
    /** Hipparchus GraggBulirschStoerIntegrator (extrapolation, variable order): the independent check. */
    GRAGG_BULIRSCH_STOER("GraggBulirschStoer"),
    /** Hipparchus DormandPrince54Integrator (order 5). */
    DORMAND_PRINCE_54("DormandPrince54");

    private final String label;

    Integrator(String label) {
      this.label = label;
    }

    /** Name as recorded in run records. */
    public String label() {
      return label;
    }
  }

  /** What integrates the convergence phase, after every phase marker has been located. */
  public enum Tail {
    /**
     * Continue with the explicit integrator. Its step is then limited by stability (the on-task modes relax at
     * rate ≈ 6 for {@code paper}) rather than accuracy: ≈ 3·10⁵ evaluations to t = 3·10⁴.
     */
    SAME_INTEGRATOR,
    /**
     * Switch to {@link LinearlyImplicitExtrapolation} (extrapolated linearly implicit Euler, L-stable, error
     * controlled at the same tolerances), whose step follows the slow 1/t decay of the off-task ω.
     */
    LINEARLY_IMPLICIT_EXTRAPOLATION
  }

  private final Integrator integrator;
  private final Tail tail;
  private final boolean fastField;
  private final double relTol;
  private final double absTol;
  private final double eventTimeAccuracy;
  private final int maxEvaluations;
  private final int samplesPerDecade;
  private final int windowSamplesPerWarmup;
  private final int denseWindowSamples;

  private ReducedFlowOptions(Integrator integrator, Tail tail, boolean fastField, double relTol, double absTol,
      double eventTimeAccuracy, int maxEvaluations, int samplesPerDecade, int windowSamplesPerWarmup,
      int denseWindowSamples) {
    if (!(relTol > 0) || !(absTol > 0) || !(eventTimeAccuracy > 0) || !Double.isFinite(relTol)
        || !Double.isFinite(absTol) || !Double.isFinite(eventTimeAccuracy)) {
      throw new IllegalArgumentException("tolerances must be finite and > 0");
    }
    if (maxEvaluations < 1000 || samplesPerDecade < 1 || windowSamplesPerWarmup < 1 || denseWindowSamples < 0
        || denseWindowSamples == 1) {
      throw new IllegalArgumentException("maxEvaluations >= 1000, sample densities >= 1, dense window samples 0 or >= 2 required");
    }
    this.integrator = integrator;
    this.tail = tail;
    this.fastField = fastField;
    this.relTol = relTol;
    this.absTol = absTol;
    this.eventTimeAccuracy = eventTimeAccuracy;
    this.maxEvaluations = maxEvaluations;
    this.samplesPerDecade = samplesPerDecade;
    this.windowSamplesPerWarmup = windowSamplesPerWarmup;
    this.denseWindowSamples = denseWindowSamples;
  }

  /**
   * Defaults: DP853 then the linearly implicit tail, the allocation-free field evaluator, rel_tol = abs_tol = 1e-10 (on log coordinates), event
   * times located to 1e-9 (absolute, in flow time), at most 2·10⁷ evaluations, 40 samples per decade of t and
   * an emergence-window spacing of t_w/400, and 600 dense-output samples across the {@link
   * io.github.softmaxicl.numerics.EmergenceWindow} (about 200 inside [t_w, t_e]).
   */
  public static ReducedFlowOptions defaults() {
    return new ReducedFlowOptions(Integrator.DORMAND_PRINCE_853, Tail.LINEARLY_IMPLICIT_EXTRAPOLATION, true,
        Claims.REDUCED_RTOL, 1e-10,
        1e-9, 20_000_000, 40, 400, 600);
  }

  /** The same options with another integrator. */
  public ReducedFlowOptions withIntegrator(Integrator value) {
    return new ReducedFlowOptions(value, tail, fastField, relTol, absTol, eventTimeAccuracy, maxEvaluations, samplesPerDecade,
        windowSamplesPerWarmup, denseWindowSamples);
  }

  /** The same options with another tail treatment. */
  public ReducedFlowOptions withTail(Tail value) {
    return new ReducedFlowOptions(integrator, value, fastField, relTol, absTol, eventTimeAccuracy, maxEvaluations,
        samplesPerDecade, windowSamplesPerWarmup, denseWindowSamples);
  }

  /** The same options with other tolerances (on log coordinates). */
  public ReducedFlowOptions withTolerances(double rel, double abs) {
    return new ReducedFlowOptions(integrator, tail, fastField, rel, abs, eventTimeAccuracy, maxEvaluations, samplesPerDecade,
        windowSamplesPerWarmup, denseWindowSamples);
  }

  /** The same options with another evaluation limit. */
  public ReducedFlowOptions withMaxEvaluations(int value) {
    return new ReducedFlowOptions(integrator, tail, fastField, relTol, absTol, eventTimeAccuracy, value, samplesPerDecade,
        windowSamplesPerWarmup, denseWindowSamples);
  }

  /** The same options with another trajectory density. */
  public ReducedFlowOptions withSampling(int perDecade, int windowPerWarmup) {
    return new ReducedFlowOptions(integrator, tail, fastField, relTol, absTol, eventTimeAccuracy, maxEvaluations, perDecade,
        windowPerWarmup, denseWindowSamples);
  }

  /**
   * The same options with the field evaluated by this package's allocation-free evaluator ({@code true}, the
   * default) or by the theory module's {@code BalancedSpectralField} (the reference; ≈ 4× slower per evaluation).
   */
  public ReducedFlowOptions withFastField(boolean value) {
    return new ReducedFlowOptions(integrator, tail, value, relTol, absTol, eventTimeAccuracy, maxEvaluations,
        samplesPerDecade, windowSamplesPerWarmup, denseWindowSamples);
  }

  /**
   * The same options with another number of dense-output samples across the emergence window (0: none). They
   * are read from the integrator's interpolators after the run and change no marker, state or count.
   */
  public ReducedFlowOptions withDenseWindowSamples(int value) {
    return new ReducedFlowOptions(integrator, tail, fastField, relTol, absTol, eventTimeAccuracy, maxEvaluations,
        samplesPerDecade, windowSamplesPerWarmup, value);
  }

  /** Dense-output samples across the emergence window, uniformly spaced (0: none). */
  public int denseWindowSamples() {
    return denseWindowSamples;
  }

  /** True if the allocation-free evaluator is used. */
  public boolean fastField() {
    return fastField;
  }

  /** The explicit integrator. */
  public Integrator integrator() {
    return integrator;
  }

  /** The tail treatment. */
  public Tail tail() {
    return tail;
  }

  /** Relative tolerance on the log coordinates. */
  public double relTol() {
    return relTol;
  }

  /** Absolute tolerance on the log coordinates (= relative tolerance on ω and μ). */
  public double absTol() {
    return absTol;
  }

  /** Convergence threshold of event location, absolute in flow time. */
  public double eventTimeAccuracy() {
    return eventTimeAccuracy;
  }

  /** Largest number of loss evaluations before {@link ReducedFlowFailure}. */
  public int maxEvaluations() {
    return maxEvaluations;
  }

  /** Trajectory samples per decade of t outside the emergence window. */
  public int samplesPerDecade() {
    return samplesPerDecade;
  }

  /** In the emergence window samples are spaced t_w / this. */
  public int windowSamplesPerWarmup() {
    return windowSamplesPerWarmup;
  }

  /** Name of the integration scheme as recorded in run records. */
  public String integratorName() {
    return tail == Tail.SAME_INTEGRATOR ? integrator.label()
        : integrator.label() + "+LinearlyImplicitEulerExtrapolation";
  }
}
