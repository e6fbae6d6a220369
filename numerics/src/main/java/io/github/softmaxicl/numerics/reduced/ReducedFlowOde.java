package io.github.softmaxicl.numerics.reduced;

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

  private final BalancedSpectralField field;
  private final LogField evaluator;
  private final int dimension;
  private final long maxEvaluations;
  private final double[] scratch;
  private final double[] lastY;
  private double lastF = Double.NaN;
  private boolean haveLast;
  private long evaluations;

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
    this.lastY = new double[dimension];
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

  /** Writes dy/dt at (t, y) into yDot (checked) and returns F(y). */
  public double derivative(double t, double[] y, double[] yDot) {
    if (++evaluations > maxEvaluations) {
      throw new ReducedFlowFailure(t, "evaluations", "evaluation limit " + maxEvaluations + " reached", null);
    }
    for (int k = 0; k < y.length; k++) {
      double v = y[k];
      if (!(v <= LOG_BLOW_UP)) {
        throw new ReducedFlowFailure(t, coordinateName(k), Double.isNaN(v) ? "state is NaN"
            : "blow-up: log coordinate " + v + " > " + LOG_BLOW_UP, null);
      }
    }
    double f = evaluator.derivative(y, yDot);
    if (!Double.isFinite(f)) {
      throw new ReducedFlowFailure(t, "F", "loss is " + f, null);
    }
    for (int k = 0; k < yDot.length; k++) {
      if (!Double.isFinite(yDot[k])) {
        throw new ReducedFlowFailure(t, "d/dt " + coordinateName(k), "derivative is " + yDot[k], null);
      }
    }
    System.arraycopy(y, 0, lastY, 0, dimension);
    lastF = f;
    haveLast = true;
    return f;
  }

  /**
   * F at y. Step ends of the Runge–Kutta integrators are points where the derivative was just evaluated, so the
   * value is reused when y equals the last evaluated state.
   */
  public double loss(double t, double[] y) {
    if (haveLast && java.util.Arrays.equals(y, lastY)) {
      return lastF;
    }
    return derivative(t, y, scratch);
  }

  /** Number of loss evaluations so far (integrator, events, sampling, Jacobians). */
  public long evaluations() {
    return evaluations;
  }

  /** Human name of log coordinate k: "log|omega[h][j]|" or "log|mu[h][i]|". */
  public String coordinateName(int k) {
    int hn = dimension / 2;
    int n = field.loss().config().tasks();
    boolean isMu = k >= hn;
    int r = isMu ? k - hn : k;
    return (isMu ? "log|mu[" : "log|omega[") + (r / n) + "][" + (r % n) + "]|";
  }
}
