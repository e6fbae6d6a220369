package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.ReducedFlowFailure;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hipparchus.util.FastMath;

/**
 * A stiff integrator for the convergence phase of the reduced flow: the linearly implicit Euler method
 * {@code (I − (h/m) J) Δ_k = (h/m) f(y_k)}, {@code y_{k+1} = y_k + Δ_k}, on m = 1..K substeps, extrapolated in
 * h (Aitken–Neville, harmonic sequence), with the difference of the two highest-order entries as local error
 * estimate (the scheme of Deuflhard's and Hairer–Wanner's SEULEX, fixed order K).
 *
 * <p>Why: after emergence the on-task (ω, μ) pairs relax at rate ≈ 6 (in log coordinates, {@code paper}) while
 * the off-task ω decay like 1/t, so an explicit method's step is held at ≈ 1 by stability over the whole tail.
 * Linearly implicit Euler is L-stable for any step, and its discretisation error has an expansion in powers of h
 * for any matrix J (the extrapolation stays consistent even with a finite-difference Jacobian), so the step grows
 * with the time scale of the solution (≈ t), at the same error tolerance. Validated against plain DP853 in tests.
 *
 * <p>The system is autonomous (the field does not depend on t); J is a forward-difference Jacobian, refreshed
 * every step. The linear systems are solved by EJML's LU decomposition with partial pivoting.
 */
final class LinearlyImplicitExtrapolation {
  /** Rows of the extrapolation table: order of the accepted solution. */
  static final int ROWS = 6;
  /** Fewest rows a step shortened to a sample time may stop at (order 3, error estimate of order 2). */
  static final int MIN_ROWS = 3;
  private static final double SAFETY = 0.9;
  private static final double MAX_GROWTH = 4.0;
  private static final double MIN_SHRINK = 0.2;

  private final double relTol;
  private final double absTol;
  private long steps;
  private long rejected;
  private final long[] attemptsByRows = new long[ROWS + 1];

  LinearlyImplicitExtrapolation(double relTol, double absTol) {
    this.relTol = relTol;
    this.absTol = absTol;
  }

  /** Accepted steps so far. */
  long steps() {
    return steps;
  }

  /**
   * Attempts (accepted or rejected steps) that built the given number of table rows, 1..{@link #ROWS}: each cost
   * a Jacobian and rows·(rows − 1)/2 substep evaluations.
   */
  long attemptsWithRows(int rows) {
    return attemptsByRows[rows];
  }

  /** Rejected steps so far. */
  long rejected() {
    return rejected;
  }

  /**
   * Integrates from (t0, y0) to tEnd, recording samples on the recorder's schedule (steps are shortened to land
   * on sample times).
   *
   * @param h0 first trial step
   * @return y at tEnd
   * @throws ReducedFlowFailure on a non-finite state, blow-up, evaluation limit or step-size underflow
   */
  double[] integrate(ReducedFlowOde ode, double t0, double[] y0, double tEnd, double h0,
      TrajectoryRecorder recorder) {
    final int dim = y0.length;
    double[] y = y0.clone();
    double[] f0 = new double[dim];
    double[] fk = new double[dim];
    double[] jac = new double[dim * dim];
    DMatrixRMaj iteration = new DMatrixRMaj(dim, dim);
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(dim);
    double[] rhs = new double[dim];
    DMatrixRMaj rhsColumn = DMatrixRMaj.wrap(dim, 1, rhs);
    double[] yk = new double[dim];
    double[] delta = new double[dim];
    DMatrixRMaj deltaColumn = DMatrixRMaj.wrap(dim, 1, delta);
    double[][][] table = new double[ROWS][ROWS][dim];
    double t = t0;
    double h = h0;
    boolean lastRejected = false;
    ode.derivative(t, y, f0);
    while (t < tEnd) {
      double hMin = 1e-13 * FastMath.max(1.0, FastMath.abs(t));
      if (!(h >= hMin)) {
        throw new ReducedFlowFailure(t, "step size", "step-size underflow in the linearly implicit tail (h = " + h
            + ")", null);
      }
      double target = FastMath.min(tEnd, recorder.nextSampleTime());
      boolean clipped = t + h >= target;
      double hStep = clipped ? target - t : h;
      jacobian(ode, t, y, f0, jac, fk, yk);
      boolean ok = true;
      int rows = ROWS;
      for (int row = 0; row < ROWS && ok; row++) {
        int m = row + 1;
        double hs = hStep / m;
        double[] matrix = iteration.getData();
        for (int a = 0; a < dim; a++) {
          for (int b = 0; b < dim; b++) {
            matrix[a * dim + b] = (a == b ? 1.0 : 0.0) - hs * jac[a * dim + b];
          }
        }
        if (!solver.setA(iteration)) {
          ok = false;
          break;
        }
        System.arraycopy(y, 0, yk, 0, dim);
        for (int s = 0; s < m; s++) {
          double[] f = f0;
          if (s > 0) {
            if (!admissible(yk)) {
              ok = false;
              break;
            }
            ode.derivative(t + s * hs, yk, fk);
            f = fk;
          }
          for (int a = 0; a < dim; a++) {
            rhs[a] = hs * f[a];
          }
          solver.solve(rhsColumn, deltaColumn);
          // EJML's LU does not refuse an exactly singular matrix; its solution is then not finite.
          if (!allFinite(delta)) {
            ok = false;
            break;
          }
          for (int a = 0; a < dim; a++) {
            yk[a] += delta[a];
          }
        }
        if (!ok) {
          break;
        }
        double[][] tr = table[row];
        System.arraycopy(yk, 0, tr[0], 0, dim);
        // Aitken–Neville: T[row][l] = T[row][l-1] + (T[row][l-1] - T[row-1][l-1]) / (n_row / n_{row-l} - 1),
        // harmonic sequence n_j = j + 1; T[row][l] has order l + 1.
        for (int l = 1; l <= row; l++) {
          double ratio = (double) (row + 1) / (row + 1 - l) - 1.0;
          double[] prev = tr[l - 1];
          double[] below = table[row - 1][l - 1];
          double[] out = tr[l];
          for (int a = 0; a < dim; a++) {
            out[a] = prev[a] + (prev[a] - below[a]) / ratio;
          }
        }
        // A step shortened to land on a sample time is shorter than the error control asked for: its table
        // converges in fewer rows. It is accepted at the first row from MIN_ROWS on whose error estimate (the same
        // estimate as the full table's, one order lower) passes, which saves the remaining rows' substeps; a
        // full-length step always builds every row, so the step-size control sees the order-ROWS error.
        if (clipped && row + 1 >= MIN_ROWS && row + 1 < ROWS && admissible(tr[row])
            && error(y, tr[row], tr[row - 1]) <= 1.0) {
          rows = row + 1;
          break;
        }
      }
      if (ok) {
        attemptsByRows[rows]++;
      }
      double[] best = table[rows - 1][rows - 1];
      double[] lower = table[rows - 1][rows - 2];
      double err = ok && admissible(best) ? error(y, best, lower) : Double.POSITIVE_INFINITY;
      double factor = err == 0 ? MAX_GROWTH
          : FastMath.min(MAX_GROWTH, FastMath.max(MIN_SHRINK, SAFETY * FastMath.pow(err, -1.0 / ROWS)));
      if (err <= 1.0) {
        t = clipped ? target : t + hStep;
        System.arraycopy(best, 0, y, 0, dim);
        ode.derivative(t, y, f0);
        ode.checkAccepted(t, y);
        steps++;
        if (clipped && t < tEnd) {
          recorder.record(t, y);
        }
        double grown = hStep * (lastRejected ? FastMath.min(1.0, factor) : factor);
        // A step shortened to hit a sample time says nothing about the admissible step: keep the longer one.
        h = clipped ? FastMath.max(h, grown) : grown;
        lastRejected = false;
      } else {
        rejected++;
        h = hStep * (Double.isFinite(err) ? factor : MIN_SHRINK);
        lastRejected = true;
      }
    }
    return y;
  }

  /** RMS of the difference of two table entries, scaled by the tolerances at the step's ends. */
  private double error(double[] y, double[] best, double[] lower) {
    double sum = 0;
    for (int a = 0; a < y.length; a++) {
      double sc = absTol + relTol * FastMath.max(FastMath.abs(y[a]), FastMath.abs(best[a]));
      double e = (best[a] - lower[a]) / sc;
      sum += e * e;
    }
    return FastMath.sqrt(sum / y.length);
  }

  private static boolean admissible(double[] y) {
    for (double v : y) {
      if (!(v <= ReducedFlowOde.LOG_BLOW_UP - 1.0)) {
        return false;
      }
    }
    return true;
  }

  private static void jacobian(ReducedFlowOde ode, double t, double[] y, double[] f0, double[] jac, double[] fk,
      double[] yk) {
    int dim = y.length;
    System.arraycopy(y, 0, yk, 0, dim);
    for (int b = 0; b < dim; b++) {
      double step = 1.5e-8 * FastMath.max(1.0, FastMath.abs(y[b]));
      double saved = yk[b];
      yk[b] = saved + step;
      double actual = yk[b] - saved;
      ode.derivative(t, yk, fk);
      yk[b] = saved;
      for (int a = 0; a < dim; a++) {
        jac[a * dim + b] = (fk[a] - f0[a]) / actual;
      }
    }
  }

  private static boolean allFinite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }
}
