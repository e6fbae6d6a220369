package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.theory.BalancedSpectralField;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The balanced spectral flow in log coordinates as a Hipparchus {@link OrdinaryDifferentialEquation}
 * (layout of {@link BalancedSpectralField}). Every evaluation is checked: a non-finite loss or derivative, or a
 * log coordinate above {@link #LOG_BLOW_UP}, throws {@link ReducedFlowFailure} at once, and the number of
 * evaluations (including those made for events, sampling and Jacobians) is limited.
 *
 * <p>Not thread-safe: one instance per integration.
 */
public final class ReducedFlowOde implements OrdinaryDifferentialEquation {
  /**
   * A log coordinate above this (|ω| or |μ| above e^60 ≈ 10^26) is a blow-up: every finite limit of the flow has
   * |ω| ≤ 1 and |μ| ≤ √d_i, far below.
   */
  public static final double LOG_BLOW_UP = 60.0;

  /** Derivative written for a trial stage outside the sound region: large enough to force a rejection. */
  public static final double PROBE_REJECTION = 1e20;

  private final BalancedSpectralField field;
  private final LogField evaluator;
  private final int dimension;
  private final long maxEvaluations;
  /**
   * States whose F is remembered for {@link #loss}: the last {@value} evaluated. Why more than the last one: a
   * DP853 step evaluates the field at its end state (stage 13) and then at three more stages for its continuous
   * output, so by the time the event detectors and the recorder ask for F at the step end it is the fourth-last
   * evaluation. With only the last state remembered, the first F-based switching function checked at every step end
   * re-evaluated the field there (≈ 160 of a {@code paper} run's evaluations).
   */
  static final int REMEMBERED = 4;

  private final double[] scratch;
  private final double[][] recentY;
  private final double[] recentF;
  /** Filled slots (≤ {@link #REMEMBERED}) and the slot the next evaluation writes. */
  private int recentCount;
  private int nextSlot;
  private long evaluations;
  private long probeRejections;

  /**
   * The flow of a field, with an evaluation limit, evaluated by the theory module's evaluator (the reference).
   */
  public ReducedFlowOde(BalancedSpectralField field, long maxEvaluations) {
    this(field, theoryEvaluator(field), maxEvaluations);
  }

  ReducedFlowOde(BalancedSpectralField field, LogField evaluator, long maxEvaluations) {
    if (evaluator.dimension() != field.dimension()) {
      throw new IllegalArgumentException("evaluator and field dimensions differ");
    }
    this.field = field;
    this.evaluator = evaluator;
    this.dimension = field.dimension();
    this.maxEvaluations = maxEvaluations;
    this.scratch = new double[dimension];
    this.recentY = new double[REMEMBERED][dimension];
    this.recentF = new double[REMEMBERED];
  }

  private static LogField theoryEvaluator(BalancedSpectralField field) {
    BalancedSpectralField.Evaluator ev = field.newEvaluator();
    int dim = field.dimension();
    return new LogField() {
      @Override
      public int dimension() {
        return dim;
      }

      @Override
      public double derivative(double[] y, double[] yDot) {
        return ev.derivative(y, yDot);
      }
    };
  }

  /** The field integrated. */
  public BalancedSpectralField field() {
    return field;
  }

  @Override
  public int getDimension() {
    return dimension;
  }

  @Override
  public double[] computeDerivatives(double t, double[] y) {
    double[] yDot = new double[dimension];
    derivative(t, y, yDot);
    return yDot;
  }

  /**
   * Writes dy/dt at (t, y) into yDot and returns F(y).
   *
   * <p>An embedded Runge–Kutta step evaluates trial stages that may lie far outside anything the flow reaches
   * (a step that is about to be rejected). A stage whose log coordinate exceeds {@link #LOG_BLOW_UP}, or whose F
   * or derivative overflows, therefore does not end the run: its derivative is set to {@link #PROBE_REJECTION}
   * in every coordinate, which makes the step's error estimate enormous so the integrator rejects it and
   * shrinks the step; it returns +∞ and is not cached. Only an accepted state beyond the bound is a blow-up
   * ({@link #checkAccepted}). A NaN state is a failure at once.
   */
  public double derivative(double t, double[] y, double[] yDot) {
    if (++evaluations > maxEvaluations) {
      throw new ReducedFlowFailure(t, "evaluations", "evaluation limit " + maxEvaluations + " reached", null);
    }
    for (int k = 0; k < y.length; k++) {
      if (Double.isNaN(y[k])) {
        throw new ReducedFlowFailure(t, coordinateName(k), "state is NaN", null);
      }
      if (y[k] > LOG_BLOW_UP) {
        return rejectProbe(yDot);
      }
    }
    double f = evaluator.derivative(y, yDot);
    if (!Double.isFinite(f)) {
      return rejectProbe(yDot);
    }
    for (int k = 0; k < yDot.length; k++) {
      if (!Double.isFinite(yDot[k])) {
        return rejectProbe(yDot);
      }
    }
    System.arraycopy(y, 0, recentY[nextSlot], 0, dimension);
    recentF[nextSlot] = f;
    nextSlot = (nextSlot + 1) % REMEMBERED;
    if (recentCount < REMEMBERED) {
      recentCount++;
    }
    return f;
  }

  private double rejectProbe(double[] yDot) {
    probeRejections++;
    java.util.Arrays.fill(yDot, PROBE_REJECTION);
    return Double.POSITIVE_INFINITY;
  }

  /**
   * Checks a state the integrator accepted: a log coordinate above {@link #LOG_BLOW_UP}, a NaN, or a non-finite
   * F there is a numerical failure of the run, with its time and quantity.
   *
   * @throws ReducedFlowFailure if the accepted state is not sound
   */
  public void checkAccepted(double t, double[] y) {
    for (int k = 0; k < y.length; k++) {
      double v = y[k];
      if (!(v <= LOG_BLOW_UP)) {
        throw new ReducedFlowFailure(t, coordinateName(k), Double.isNaN(v) ? "state is NaN"
            : "blow-up: log coordinate " + v + " > " + LOG_BLOW_UP, null);
      }
    }
    double f = loss(t, y);
    if (!Double.isFinite(f)) {
      throw new ReducedFlowFailure(t, "F", "loss is " + f + " at an accepted state", null);
    }
  }

  /** Trial stages whose derivative was replaced to force a step rejection (see {@link #derivative}). */
  public long probeRejections() {
    return probeRejections;
  }

  /**
   * F at y. Step ends of the Runge–Kutta integrators are points where the derivative was recently evaluated, so the
   * value is reused when y equals one of the last {@link #REMEMBERED} evaluated states (the same F, bit for bit: the
   * evaluation is deterministic); otherwise the field is evaluated (and counted).
   */
  public double loss(double t, double[] y) {
    for (int k = 0; k < recentCount; k++) {
      if (java.util.Arrays.equals(y, recentY[k])) {
        return recentF[k];
      }
    }
    return derivative(t, y, scratch);
  }

  /** Number of loss evaluations so far (integrator, events, sampling, Jacobians). */
  public long evaluations() {
    return evaluations;
  }

  /** Human name of log coordinate k: "log|omega[h][j]|" or "log|mu[h][i]|". */
  private String coordinateName(int k) {
    int hn = dimension / 2;
    int n = field.loss().config().tasks();
    boolean isMu = k >= hn;
    int r = isMu ? k - hn : k;
    return (isMu ? "log|mu[" : "log|omega[") + (r / n) + "][" + (r % n) + "]|";
  }
}
