package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.FastMath;
import org.hipparchus.util.Pair;

/**
 * The optimum of a single head (H = 1) for the leading-order reduced loss (MODEL.md §6): minimise
 * F(ω_1..n, μ_1..n) over all 2n variables.
 *
 * <p>Method: from each of several deterministic starts, Polak–Ribière non-linear conjugate gradient (Hipparchus)
 * on the analytic gradient, then a Levenberg–Marquardt polish of the stationarity equations ∇F = 0 (Jacobian:
 * central differences of the analytic gradient), which drives ‖∇F‖ to round-off. The lowest value over the
 * starts is kept and certified a local minimum by the smallest eigenvalue of the Hessian. Starts: equal
 * sharpness on every block, ω_j = a/√d (a = 0.3, 0.6, 1, 1.5), and one start concentrated on each block
 * (ω_i = 1/√d_i, others 0.1/√d); μ at each start is the exact minimiser for that ω (F is quadratic in μ):
 * μ_i = s² d_i ω_i / (s² d_i ω_i² + (c_i/L) e^{Σ_j d_j ω_j²}).
 */
public final class SingleHeadOptimum {
  private SingleHeadOptimum() {}

  /**
   * Solves the single-head problem for the configuration's d, blocks, L, σ, s² (its H is ignored).
   *
   * @throws ReducedFlowFailure if no start converges to a finite stationary point
   */
  public static SingleHeadResult solve(ProblemConfig config) {
    ProblemConfig single = config.withHeads(1);
    LeadingOrderLoss loss = new LeadingOrderLoss(single);
    int n = single.tasks();
    long[] evaluations = new long[1];
    List<double[]> starts = starts(single);
    double bestF = Double.POSITIVE_INFINITY;
    double[] best = null;
    for (double[] x0 : starts) {
      double[] x;
      try {
        x = minimise(loss, x0, evaluations);
      } catch (MathIllegalStateException e) {
        continue;
      }
      double f = value(loss, x, evaluations);
      if (Double.isFinite(f) && f < bestF) {
        bestF = f;
        best = x;
      }
    }
    if (best == null) {
      throw new ReducedFlowFailure(Double.NaN, "single-head optimum", "no start converged", null);
    }
    double[] omega = new double[n];
    double[] mu = new double[n];
    double sharp = 0;
    for (int j = 0; j < n; j++) {
      omega[j] = best[j];
      mu[j] = best[n + j];
      sharp += single.blockSize(j) * best[j] * best[j];
    }
    double[] grad = gradient(loss, best, evaluations);
    double gn = 0;
    for (double g : grad) {
      gn += g * g;
    }
    double minEig = Double.POSITIVE_INFINITY;
    for (double ev : new EigenDecompositionSymmetric(symmetrised(hessian(loss, best, evaluations))).getEigenvalues()) {
      minEig = FastMath.min(minEig, ev);
    }
    return new SingleHeadResult(bestF, omega, mu, sharp, ClosedForms.fStar(config), FastMath.sqrt(gn), minEig,
        starts.size(), evaluations[0]);
  }

  private static List<double[]> starts(ProblemConfig c) {
    int n = c.tasks();
    List<double[]> out = new ArrayList<>();
    for (double a : new double[] {0.3, 0.6, 1.0, 1.5}) {
      double[] w = new double[n];
      java.util.Arrays.fill(w, a / FastMath.sqrt(c.d()));
      out.add(withOptimalMu(c, w));
    }
    for (int i = 0; i < n; i++) {
      double[] w = new double[n];
      java.util.Arrays.fill(w, 0.1 / FastMath.sqrt(c.d()));
      w[i] = 1.0 / FastMath.sqrt(c.blockSize(i));
      out.add(withOptimalMu(c, w));
    }
    return out;
  }

  private static double[] withOptimalMu(ProblemConfig c, double[] w) {
    int n = c.tasks();
    double q = 0;
    for (int j = 0; j < n; j++) {
      q += c.blockSize(j) * w[j] * w[j];
    }
    double e = FastMath.exp(q);
    double[] x = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double sd = c.s2() * c.blockSize(i);
      x[i] = w[i];
      x[n + i] = sd * w[i] / (sd * w[i] * w[i] + c.signalPlusNoise(i) / c.promptLength() * e);
    }
    return x;
  }

  private static double[] minimise(LeadingOrderLoss loss, double[] x0, long[] evaluations) {
    NonLinearConjugateGradientOptimizer cg = new NonLinearConjugateGradientOptimizer(
        NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-13, 1e-300));
    PointValuePair coarse = cg.optimize(new MaxEval(200_000), GoalType.MINIMIZE, new InitialGuess(x0),
        new ObjectiveFunction(x -> value(loss, x, evaluations)),
        new ObjectiveFunctionGradient(x -> gradient(loss, x, evaluations)));
    int dim = x0.length;
    LeastSquaresOptimizer.Optimum polished = new LevenbergMarquardtOptimizer()
        .withCostRelativeTolerance(1e-15).withParameterRelativeTolerance(1e-15).withOrthoTolerance(1e-15)
        .optimize(new LeastSquaresBuilder()
            .start(coarse.getPoint())
            .target(new double[dim])
            .model(p -> {
              double[] x = p.toArray();
              return new Pair<RealVector, RealMatrix>(new ArrayRealVector(gradient(loss, x, evaluations), false),
                  new Array2DRowRealMatrix(hessian(loss, x, evaluations), false));
            })
            .maxEvaluations(10_000).maxIterations(10_000)
            .build());
    return polished.getPoint().toArray();
  }

  private static double value(LeadingOrderLoss loss, double[] x, long[] evaluations) {
    int n = x.length / 2;
    double[][] w = new double[1][n];
    double[][] m = new double[1][n];
    System.arraycopy(x, 0, w[0], 0, n);
    System.arraycopy(x, n, m[0], 0, n);
    evaluations[0]++;
    return loss.evaluate(w, m, new double[1][n], new double[1][n]);
  }

  private static double[] gradient(LeadingOrderLoss loss, double[] x, long[] evaluations) {
    int n = x.length / 2;
    double[][] w = new double[1][n];
    double[][] m = new double[1][n];
    double[][] gw = new double[1][n];
    double[][] gm = new double[1][n];
    System.arraycopy(x, 0, w[0], 0, n);
    System.arraycopy(x, n, m[0], 0, n);
    evaluations[0]++;
    loss.evaluate(w, m, gw, gm);
    double[] g = new double[2 * n];
    System.arraycopy(gw[0], 0, g, 0, n);
    System.arraycopy(gm[0], 0, g, n, n);
    return g;
  }

  /** Central differences of the analytic gradient (error O(h²) ≈ 1e-10 relative). */
  private static double[][] hessian(LeadingOrderLoss loss, double[] x, long[] evaluations) {
    int dim = x.length;
    double[][] hess = new double[dim][dim];
    double[] xp = x.clone();
    for (int b = 0; b < dim; b++) {
      double step = 1e-5 * FastMath.max(1e-2, FastMath.abs(x[b]));
      xp[b] = x[b] + step;
      double[] gp = gradient(loss, xp, evaluations);
      xp[b] = x[b] - step;
      double[] gmn = gradient(loss, xp, evaluations);
      xp[b] = x[b];
      for (int a = 0; a < dim; a++) {
        hess[a][b] = (gp[a] - gmn[a]) / (2 * step);
      }
    }
    return hess;
  }

  private static RealMatrix symmetrised(double[][] h) {
    int dim = h.length;
    double[][] s = new double[dim][dim];
    for (int a = 0; a < dim; a++) {
      for (int b = 0; b < dim; b++) {
        s[a][b] = 0.5 * (h[a][b] + h[b][a]);
      }
    }
    return new Array2DRowRealMatrix(s, false);
  }
}
