package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.ReducedFlowFailure;
import org.checkerframework.checker.nullness.qual.Nullable;
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
 * every other step. The linear systems are solved by LU decomposition with partial pivoting ({@link Lu}).
 */
final class LinearlyImplicitExtrapolation {
  /**
   * Rows of the extrapolation table: order of the accepted solution. Measured on the four presets (evaluations per
   * run, Jacobian every other step, samples by chained attempts): 6 rows 5265/4087/4759/4032 ({@code paper},
   * {@code small}, {@code extra-head}, {@code small-noisy}), 7 rows 4985/3865/4416/3820, 8 rows 4962/3830/4390/3865
   * (EJML's LU then; the own {@link Lu} moves them by a few at round-off): at rtol 1e-10 the higher order pays for its
   * extra substeps up to 7, and 8 is no better overall (worse on {@code small-noisy}).
   */
  static final int ROWS = 7;
  /**
   * Accepted steps a Jacobian serves (it is also recomputed after any rejection). Measured (evaluations, presets as
   * above): with 6 rows every step 5749/4349/5632/4377, every 2nd 5265/4087/4759/4032, every 3rd 5141/4082/4753/4083;
   * with 7 rows every 2nd 4985/3865/4416/3820, every 3rd 4959/3977/4352/3849. Never
   * (only after rejections) ruins the step size (10⁴–10⁵ steps: a stale J passes the error test only on short steps).
   */
  static final int JACOBIAN_STEPS = 2;
  /** Fewest rows a shortened step (to the end, or to a sample) may stop at (order 3, error estimate of order 2). */
  static final int MIN_ROWS = 3;
  private static final double SAFETY = 0.9;
  private static final double MAX_GROWTH = 4.0;
  private static final double MIN_SHRINK = 0.2;

  private final double relTol;
  private final double absTol;
  private long steps;
  private long rejected;
  private long jacobians;
  private long sampleEvaluations;
  private long samplesByAttempt;
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

  /** Samples computed by one short attempt from their step's start (the others fell back to an integration). */
  long samplesByAttempt() {
    return samplesByAttempt;
  }

  /** Rejected steps so far. */
  long rejected() {
    return rejected;
  }

  /** Jacobians computed so far (one per step start: a rejected attempt reuses its start's Jacobian). */
  long jacobians() {
    return jacobians;
  }

  /**
   * Evaluations spent on samples inside steps: the substeps of the short attempts that reach them (and of any
   * integration a failed one falls back to, including its Jacobians and step ends), and the loss there.
   */
  long sampleEvaluations() {
    return sampleEvaluations;
  }

  /**
   * Integrates from (t0, y0) to tEnd, recording samples on the recorder's schedule.
   *
   * <p>Steps are not shortened to land on sample times (that took 40–70 % more steps on the presets, measured with 6 rows:
   * 105 instead of 62 on {@code paper}). A sample s inside an accepted step [t_a, t_b] is computed by one more
   * attempt from the previous sample in the step (or t_a) with the step's own Jacobian (no new one), accepted at the first table row
   * from {@link #MIN_ROWS} on whose error estimate passes, like any shortened step: the sample has the error control
   * of a step, at a fraction of one's cost. Hermite
   * interpolation from y and y' at the step ends is no substitute here: f(y_b) amplifies the tolerated deviation of
   * y_b from the slow manifold by the stiff rates (≈ 6 on {@code paper}), and the interpolant multiplies that by h
   * (up to 0.4 t): measured up to 10³ times the tolerance. If the short attempt fails its error test, the sample is
   * integrated to from t_a with this same adaptive method.
   *
   * @param h0 first trial step
   * @return y at tEnd
   * @throws ReducedFlowFailure on a non-finite state, blow-up, evaluation limit or step-size underflow
   */
  double[] integrate(ReducedFlowOde ode, double t0, double[] y0, double tEnd, double h0,
      TrajectoryRecorder recorder) {
    double[] f0 = new double[y0.length];
    ode.derivative(t0, y0, f0);
    return advance(ode, t0, y0, f0, tEnd, h0, recorder);
  }

  /** Scratch of one integration (a fallback to a sample time has its own). */
  private static final class Work {
    final int dim;
    final double[] fk;
    final double[] jac;
    final Lu lu;
    final double[] rhs;
    final double[] yk;
    final double[] delta;
    final double[][][] table;
    final double[] yOld;
    final double[] fOld;
    /** Rows built by the last successful attempt. */
    int rows;

    Work(int dim) {
      this.dim = dim;
      fk = new double[dim];
      jac = new double[dim * dim];
      lu = new Lu(dim);
      rhs = new double[dim];
      yk = new double[dim];
      delta = new double[dim];
      table = new double[ROWS][ROWS][dim];
      yOld = new double[dim];
      fOld = new double[dim];
    }

    double[] best() {
      return table[rows - 1][rows - 1];
    }
  }

  /** Integrates from (t0, y0, f(y0)) to tEnd; samples on the recorder's schedule unless it is null (a fallback). */
  private double[] advance(ReducedFlowOde ode, double t0, double[] y0, double[] fStart, double tEnd, double h0,
      @Nullable TrajectoryRecorder recorder) {
    final int dim = y0.length;
    Work w = new Work(dim);
    double[] y = y0.clone();
    double[] f0 = fStart.clone();
    double t = t0;
    double h = h0;
    boolean lastRejected = false;
    boolean jacobianCurrent = false;
    boolean jacobianFresh = false;
    int sinceJacobian = 0;
    while (t < tEnd) {
      double hMin = 1e-13 * FastMath.max(1.0, FastMath.abs(t));
      if (!(h >= hMin)) {
        throw new ReducedFlowFailure(t, "step size", "step-size underflow in the linearly implicit tail (h = " + h
            + ")", null);
      }
      boolean clipped = t + h >= tEnd;
      double hStep = clipped ? tEnd - t : h;
      // The Jacobian is kept for JACOBIAN_STEPS accepted steps and recomputed after a rejection: the extrapolation's
      // error expansion holds for any matrix J (the method is a W-method), so the error estimate still controls
      // every accepted step; J only buys stability and the step size, and a rejected step is the sign that a fresher
      // one may. (Recomputing it at every step cost a third of the tail's evaluations.)
      if (!jacobianCurrent) {
        jacobian(ode, t, y, f0, w.jac, w.fk, w.yk);
        jacobians++;
        jacobianCurrent = true;
        jacobianFresh = true;
      }
      double err = attempt(ode, t, y, f0, hStep, clipped, w);
      if (w.rows > 0) {
        attemptsByRows[w.rows]++;
      }
      double factor = err == 0 ? MAX_GROWTH
          : FastMath.min(MAX_GROWTH, FastMath.max(MIN_SHRINK, SAFETY * FastMath.pow(err, -1.0 / ROWS)));
      if (err <= 1.0) {
        double tOld = t;
        System.arraycopy(y, 0, w.yOld, 0, dim);
        System.arraycopy(f0, 0, w.fOld, 0, dim);
        t = clipped ? tEnd : t + hStep;
        System.arraycopy(w.best(), 0, y, 0, dim);
        ode.derivative(t, y, f0);
        ode.checkAccepted(t, y);
        steps++;
        jacobianFresh = false;
        if (++sinceJacobian >= JACOBIAN_STEPS) {
          jacobianCurrent = false;
          sinceJacobian = 0;
        }
        if (recorder != null) {
          sample(ode, recorder, w, tOld, t, y, tEnd, hStep);
        }
        h = hStep * (lastRejected ? FastMath.min(1.0, factor) : factor);
        lastRejected = false;
      } else {
        rejected++;
        // A rejection with a Jacobian from an earlier point: retry with one computed here (the step is shrunk as
        // well; y has not moved, so a fresh one is never recomputed).
        jacobianCurrent = jacobianFresh;
        sinceJacobian = 0;
        h = hStep * (Double.isFinite(err) ? factor : MIN_SHRINK);
        lastRejected = true;
      }
    }
    return y;
  }

  /**
   * One attempt of length hStep from (t, y) with the Jacobian in {@code w.jac}: builds the extrapolation table
   * (all {@link #ROWS} rows, or with {@code mayStopEarly} the first from {@link #MIN_ROWS} on that passes) and
   * returns its scaled error estimate (+∞ if a substep left the admissible region or a matrix was singular); the
   * result is {@code w.best()}.
   */
  private double attempt(ReducedFlowOde ode, double t, double[] y, double[] f0, double hStep, boolean mayStopEarly,
      Work w) {
    final int dim = w.dim;
    final double[] jac = w.jac;
    final double[] rhs = w.rhs;
    final double[] yk = w.yk;
    final double[] delta = w.delta;
    final double[][][] table = w.table;
    w.rows = 0;
    int rows = ROWS;
    for (int row = 0; row < ROWS; row++) {
      int m = row + 1;
      double hs = hStep / m;
      double[] matrix = w.lu.matrix;
      for (int a = 0; a < dim; a++) {
        for (int b = 0; b < dim; b++) {
          matrix[a * dim + b] = (a == b ? 1.0 : 0.0) - hs * jac[a * dim + b];
        }
      }
      if (!w.lu.factor()) {
        return Double.POSITIVE_INFINITY;
      }
      System.arraycopy(y, 0, yk, 0, dim);
      for (int s = 0; s < m; s++) {
        double[] f = f0;
        if (s > 0) {
          if (!admissible(yk)) {
            return Double.POSITIVE_INFINITY;
          }
          ode.derivative(t + s * hs, yk, w.fk);
          f = w.fk;
        }
        for (int a = 0; a < dim; a++) {
          rhs[a] = hs * f[a];
        }
        w.lu.solve(rhs, delta);
        // A pivot that underflows to a tiny non-zero value leaves a non-finite solution: refused here.
        if (!allFinite(delta)) {
          return Double.POSITIVE_INFINITY;
        }
        for (int a = 0; a < dim; a++) {
          yk[a] += delta[a];
        }
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
      // A step shortened (to land on the end, or on a sample) is shorter than the error control asked for: its
      // table converges in fewer rows. It is accepted at the first row from MIN_ROWS on whose error estimate (the
      // same estimate as the full table's, one order lower) passes, which saves the remaining rows' substeps; a
      // full-length step always builds every row, so the step-size control sees the order-ROWS error.
      if (mayStopEarly && row + 1 >= MIN_ROWS && row + 1 < ROWS && admissible(tr[row])
          && error(y, tr[row], tr[row - 1]) <= 1.0) {
        rows = row + 1;
        break;
      }
    }
    w.rows = rows;
    double[] best = table[rows - 1][rows - 1];
    return admissible(best) ? error(y, best, table[rows - 1][rows - 2]) : Double.POSITIVE_INFINITY;
  }

  /**
   * Records the samples scheduled in (tOld, t] (none at t_end: the caller records the end state). Each is reached by
   * a short attempt from the previous sample in the step, or from the step start for the first (w.yOld, w.fOld:
   * overwritten along the chain), with the step's Jacobian (w.jac, not yet replaced): samples are 6 %
   * of t apart at 40 per decade and steps 10–40 % of t, so the chained attempts are shorter than a step and stop
   * at fewer rows (≈ 10 evaluations per sample on {@code small}, measured, against 22 per step and 8 per Jacobian).
   * Each sample's state and derivative are evaluated once (the derivative starts the next attempt, the loss is the
   * sample's).
   */
  private void sample(ReducedFlowOde ode, TrajectoryRecorder recorder, Work w, double tOld, double t, double[] y,
      double tEnd, double hStep) {
    double from = tOld;
    while (recorder.nextSampleTime() <= t && recorder.nextSampleTime() < tEnd) {
      double s = recorder.nextSampleTime();
      if (s == t) {
        // The step's own end (its loss was just evaluated: no new evaluation).
        recorder.record(s, y);
        continue;
      }
      long before = ode.evaluations();
      double err = attempt(ode, from, w.yOld, w.fOld, s - from, true, w);
      if (err <= 1.0) {
        samplesByAttempt++;
        System.arraycopy(w.best(), 0, w.yOld, 0, w.dim);
      } else {
        // Its own instance: the fallback's steps are the sample's cost, not steps of this integration.
        double[] at = new LinearlyImplicitExtrapolation(relTol, absTol).advance(ode, from, w.yOld, w.fOld, s,
            FastMath.min(hStep, s - from), null);
        System.arraycopy(at, 0, w.yOld, 0, w.dim);
      }
      ode.derivative(s, w.yOld, w.fOld);
      from = s;
      recorder.record(s, w.yOld.clone());
      sampleEvaluations += ode.evaluations() - before;
    }
  }

  /**
   * Dense LU decomposition with partial pivoting (Doolittle, row-major, in place) of the iteration matrix
   * I − (h/m) J, for the dimensions of the reduced flow (≤ a few dozen). It replaces EJML's general solver, whose
   * per-call set-up was 14 % of a warm {@code paper} run (JFR, 7 factorisations per attempt); same arithmetic
   * (no fused multiply-add, fixed loop order), so deterministic.
   */
  static final class Lu {
    final double[] matrix;
    private final int[] pivot;
    private final int dim;

    Lu(int dim) {
      this.dim = dim;
      this.matrix = new double[dim * dim];
      this.pivot = new int[dim];
    }

    /** Factors {@link #matrix} in place; false if a pivot is exactly zero (singular). */
    boolean factor() {
      final double[] lu = matrix;
      final int n = dim;
      for (int k = 0; k < n; k++) {
        int p = k;
        double max = FastMath.abs(lu[k * n + k]);
        for (int i = k + 1; i < n; i++) {
          double v = FastMath.abs(lu[i * n + k]);
          if (v > max) {
            max = v;
            p = i;
          }
        }
        pivot[k] = p;
        if (max == 0.0) {
          return false;
        }
        if (p != k) {
          for (int j = 0; j < n; j++) {
            double tmp = lu[k * n + j];
            lu[k * n + j] = lu[p * n + j];
            lu[p * n + j] = tmp;
          }
        }
        double inv = 1.0 / lu[k * n + k];
        for (int i = k + 1; i < n; i++) {
          double l = lu[i * n + k] * inv;
          lu[i * n + k] = l;
          if (l != 0.0) {
            for (int j = k + 1; j < n; j++) {
              lu[i * n + j] -= l * lu[k * n + j];
            }
          }
        }
      }
      return true;
    }

    /** Solves A x = b with the factors ({@code b} is not changed; x may not alias b). */
    void solve(double[] b, double[] x) {
      final double[] lu = matrix;
      final int n = dim;
      System.arraycopy(b, 0, x, 0, n);
      for (int k = 0; k < n; k++) {
        int p = pivot[k];
        if (p != k) {
          double tmp = x[k];
          x[k] = x[p];
          x[p] = tmp;
        }
      }
      for (int i = 1; i < n; i++) {
        double sum = x[i];
        for (int j = 0; j < i; j++) {
          sum -= lu[i * n + j] * x[j];
        }
        x[i] = sum;
      }
      for (int i = n - 1; i >= 0; i--) {
        double sum = x[i];
        for (int j = i + 1; j < n; j++) {
          sum -= lu[i * n + j] * x[j];
        }
        x[i] = sum / lu[i * n + i];
      }
    }
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
