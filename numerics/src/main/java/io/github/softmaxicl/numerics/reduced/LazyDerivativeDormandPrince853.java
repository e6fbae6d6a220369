package io.github.softmaxicl.numerics.reduced;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.interpolators.DormandPrince853StateInterpolator;

/**
 * Hipparchus's DP853 with a continuous output that combines the interpolated derivative from the stages only when
 * it is read. Same steps, same states, same bits: only the interpolator differs.
 *
 * <p>Why: Hipparchus's {@code getInterpolatedState} combines the 16 stage derivatives twice, once for the state and
 * once for its derivative, and the runner reads only states (the event detectors' switching functions, the
 * trajectory samples, the dense emergence samples: ≈ 3,100 interpolations in a warm {@code paper} run). An
 * interpolation cost ≈ 670 ns, the field evaluation ≈ 390 ns (measured, thread CPU), so interpolation was the largest
 * single item of a run after the field itself. The state is computed here with exactly the library's operations in
 * the library's order (its weights read from the library's own table, so they cannot drift from it); the derivative,
 * when something asks for it, likewise. {@code LazyDerivativeDormandPrince853Test} compares both, bit for bit, with
 * the library's interpolator.
 */
final class LazyDerivativeDormandPrince853 extends DormandPrince853Integrator {
  /**
   * The library's dense-output weights (DormandPrince853StateInterpolator.D: 7 rows of 16), read once, or null where
   * they cannot be read. Reflection rather than a copy of the constants: one table, the library's, so the
   * interpolated bits are the library's. It works on the class path, where the package runs (the shaded jar, the
   * tests); with Hipparchus on the module path the field is not accessible, and the integrator then uses the
   * library's own interpolator: the same bits, only slower.
   */
  private static final double @Nullable [][] LIBRARY_WEIGHTS =
      weightsOf(DormandPrince853StateInterpolator.class, "D");
  private static final int STAGES = 16;

  /** The weights this integrator's interpolators use; null for the library's own interpolator. */
  private final double @Nullable [][] weights;

  LazyDerivativeDormandPrince853(double minStep, double maxStep, double[] absTol, double[] relTol) {
    this(minStep, maxStep, absTol, relTol, LIBRARY_WEIGHTS);
  }

  /** With given weights, or none (null: the library's interpolator), for the tests of the fallback. */
  LazyDerivativeDormandPrince853(double minStep, double maxStep, double[] absTol, double[] relTol,
      double @Nullable [][] weights) {
    super(minStep, maxStep, absTol, relTol);
    this.weights = weights;
  }

  /**
   * A copy of the static {@code double[][]} field {@code name} of {@code owner} with rows cut to 16 entries, or null
   * if it cannot be read (no such field; not accessible, e.g. a package of a named module that is not opened).
   */
  // Field.get ignores its argument for a static field (its Javadoc: "it may be null"); the JDK's nullness annotation
  // asks for an object because of the instance case.
  @SuppressWarnings("nullness:argument")
  static double @Nullable [][] weightsOf(Class<?> owner, String name) {
    try {
      Field f = owner.getDeclaredField(name);
      f.setAccessible(true);
      // A table of another shape (another Hipparchus version) fails LazyDerivativeDormandPrince853Test's bit
      // comparison, or here on an index.
      double[][] d = (double[][]) Objects.requireNonNull(f.get(null));
      double[][] copy = new double[d.length][];
      for (int r = 0; r < d.length; r++) {
        copy[r] = Arrays.copyOf(d[r], STAGES);
      }
      return copy;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // RuntimeException: InaccessibleObjectException (module path), ClassCastException (another field type)
      return null;
    }
  }

  @Override
  protected DormandPrince853StateInterpolator createInterpolator(boolean forward, double[][] yDotK,
      ODEStateAndDerivative globalPreviousState, ODEStateAndDerivative globalCurrentState, EquationsMapper mapper) {
    double[][] d = weights;
    if (d == null) {
      return super.createInterpolator(forward, yDotK, globalPreviousState, globalCurrentState, mapper);
    }
    // As the library: soft bounds equal to the global ones until the step is restricted.
    return new Interpolator(forward, yDotK, globalPreviousState, globalCurrentState, globalPreviousState,
        globalCurrentState, mapper, d);
  }

  /** The library's interpolator, with the state computed alone and the derivative on demand. */
  static final class Interpolator extends DormandPrince853StateInterpolator {
    private static final long serialVersionUID = 1L;

    private final double[][] d;

    Interpolator(boolean forward, double[][] yDotK, ODEStateAndDerivative globalPreviousState,
        ODEStateAndDerivative globalCurrentState, ODEStateAndDerivative softPreviousState,
        ODEStateAndDerivative softCurrentState, EquationsMapper mapper, double[][] weights) {
      super(forward, yDotK, globalPreviousState, globalCurrentState, softPreviousState, softCurrentState, mapper);
      this.d = weights;
    }

    @Override
    protected DormandPrince853StateInterpolator create(boolean newForward, double[][] newYDotK,
        ODEStateAndDerivative newGlobalPreviousState, ODEStateAndDerivative newGlobalCurrentState,
        ODEStateAndDerivative newSoftPreviousState, ODEStateAndDerivative newSoftCurrentState,
        EquationsMapper newMapper) {
      return new Interpolator(newForward, newYDotK, newGlobalPreviousState, newGlobalCurrentState,
          newSoftPreviousState, newSoftCurrentState, newMapper, d);
    }

    /**
     * The state as the library computes it (the same weights p from the same products, added to the same start
     * state in the same order); the derivative deferred to {@link LazyDerivativeState}. With secondary equations
     * (none here) the library's own method.
     */
    @Override
    protected ODEStateAndDerivative computeInterpolatedStateAndDerivatives(EquationsMapper mapper, double time,
        double theta, double thetaH, double oneMinusThetaH) {
      if (mapper.getNumberOfEquations() != 1) {
        return super.computeInterpolatedStateAndDerivatives(mapper, time, theta, thetaH, oneMinusThetaH);
      }
      final double eta = 1.0 - theta;
      final boolean fromPrevious = getGlobalPreviousState() != null && theta <= 0.5;
      final double f0 = fromPrevious ? thetaH : -oneMinusThetaH;
      final double f1 = fromPrevious ? f0 * eta : -f0 * theta;
      final double f2 = f1 * theta;
      final double f3 = f2 * eta;
      final double f4 = f3 * theta;
      final double f5 = f4 * eta;
      final double f6 = f5 * theta;
      final double[] p = new double[STAGES];
      final double[][] w = d;
      for (int i = 0; i < STAGES; ++i) {
        p[i] = f0 * w[0][i] + f1 * w[1][i] + f2 * w[2][i] + f3 * w[3][i]
            + f4 * w[4][i] + f5 * w[5][i] + f6 * w[6][i];
      }
      double[] state = (fromPrevious ? getGlobalPreviousState() : getGlobalCurrentState()).getCompleteState();
      combine(state, p);
      return new LazyDerivativeState(time, state, this, theta);
    }

    /**
     * a[i] += Σ_s c[s] · yDotK[s][i]. The library loops over i outside and s inside; here s is outside (a row at a
     * time, which C2 vectorises): every a[i] still receives its terms one by one in the order of s, so the bits are
     * the library's.
     */
    private void combine(double[] a, double[] c) {
      final double[][] k = yDotK;
      final int n = a.length;
      for (int s = 0; s < c.length; ++s) {
        final double cs = c[s];
        final double[] ks = k[s];
        for (int i = 0; i < n; ++i) {
          a[i] += cs * ks[i];
        }
      }
    }

    /** The derivative at theta, as the library computes it. */
    double[] derivativeAt(double theta) {
      final double twoTheta = 2 * theta;
      final double theta2 = theta * theta;
      final double dot1 = 1.0 - twoTheta;
      final double dot2 = theta * (2 - 3 * theta);
      final double dot3 = twoTheta * (theta * (twoTheta - 3) + 1);
      final double dot4 = theta2 * (theta * (5 * theta - 8) + 3);
      final double dot5 = theta2 * (theta * (theta * (15 - 6 * theta) - 12) + 3);
      final double dot6 = theta2 * (theta * (theta * (theta * (18 - 7 * theta) - 15) + 4));
      final double[] q = new double[STAGES];
      final double[][] w = d;
      for (int i = 0; i < STAGES; ++i) {
        q[i] = w[0][i] + dot1 * w[1][i] + dot2 * w[2][i] + dot3 * w[3][i]
            + dot4 * w[4][i] + dot5 * w[5][i] + dot6 * w[6][i];
      }
      double[] out = new double[yDotK[0].length];
      combine(out, q);
      return out;
    }
  }

  /**
   * An interpolated state whose derivative is computed from the step's stages the first time it is read (the runner
   * never reads it; Hipparchus may, e.g. for an event state it continues from).
   */
  static final class LazyDerivativeState extends ODEStateAndDerivative {
    private static final long serialVersionUID = 1L;
    private static final double[] NONE = new double[0];
    private final Interpolator source;
    private final double theta;
    private double @Nullable [] derivative;

    LazyDerivativeState(double time, double[] state, Interpolator source, double theta) {
      super(time, state, NONE);
      this.source = source;
      this.theta = theta;
    }

    private double[] derivative() {
      double[] d = derivative;
      if (d == null) {
        d = source.derivativeAt(theta);
        derivative = d;
      }
      return d;
    }

    @Override
    public double[] getPrimaryDerivative() {
      return derivative().clone();
    }

    @Override
    public double[] getSecondaryDerivative(int index) {
      if (index != 0) {
        throw new IllegalArgumentException("no secondary equations (index " + index + ")");
      }
      return derivative().clone();
    }

    @Override
    public double[] getCompleteDerivative() {
      return derivative().clone();
    }
  }
}
