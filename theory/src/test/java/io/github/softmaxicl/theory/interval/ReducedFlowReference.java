package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;

/**
 * A plain-double reference of MODEL.md §5 for the tests: a fixed-step classical RK4 integration of the balanced
 * flow in log|ω|, log|μ| (all entries positive here) over the gradient of {@link LeadingOrderLoss}, independent of
 * the integrators of the numerics module.
 */
final class ReducedFlowReference {
  private final ProblemConfig config;
  private final LeadingOrderLoss loss;

  ReducedFlowReference(ProblemConfig config) {
    this.config = config;
    this.loss = new LeadingOrderLoss(config);
  }

  /** {dF/dω[h][j], dF/dμ[h][i]} at (ω, μ), from the theory module's leading-order loss. */
  double[][][] gradient(double[][] w, double[][] m) {
    int heads = config.heads();
    int n = config.tasks();
    double[][] gw = new double[heads][n];
    double[][] gm = new double[heads][n];
    loss.evaluate(w, m, gw, gm);
    return new double[][][] {gw, gm};
  }

  /** d/dt of (log ω, log μ) under the balanced flow of MODEL.md §5, for positive ω, μ. */
  private double[][][] rates(double[][] logW, double[][] logM) {
    int heads = config.heads();
    int n = config.tasks();
    double[][] w = new double[heads][n];
    double[][] m = new double[heads][n];
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < n; j++) {
        w[h][j] = Math.exp(logW[h][j]);
        m[h][j] = Math.exp(logM[h][j]);
      }
    }
    double[][][] g = gradient(w, m);
    double sqrtD = Math.sqrt(config.tokenDim());
    double[][] rw = new double[heads][n];
    double[][] rm = new double[heads][n];
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < n; j++) {
        rw[h][j] = -2.0 / (sqrtD * config.blockSize(j)) * g[0][h][j];
        rm[h][j] = -2.0 * g[1][h][j];
      }
    }
    return new double[][][] {rw, rm};
  }

  /** Integrates (log ω, log μ) in place from 0 to {@code steps · dt} with classical RK4. */
  void integrate(double[][] logW, double[][] logM, double dt, int steps) {
    int heads = config.heads();
    int n = config.tasks();
    for (int s = 0; s < steps; s++) {
      double[][][] k1 = rates(logW, logM);
      double[][][] k2 = rates(shift(logW, k1[0], dt / 2), shift(logM, k1[1], dt / 2));
      double[][][] k3 = rates(shift(logW, k2[0], dt / 2), shift(logM, k2[1], dt / 2));
      double[][][] k4 = rates(shift(logW, k3[0], dt), shift(logM, k3[1], dt));
      for (int h = 0; h < heads; h++) {
        for (int j = 0; j < n; j++) {
          logW[h][j] += dt / 6 * (k1[0][h][j] + 2 * k2[0][h][j] + 2 * k3[0][h][j] + k4[0][h][j]);
          logM[h][j] += dt / 6 * (k1[1][h][j] + 2 * k2[1][h][j] + 2 * k3[1][h][j] + k4[1][h][j]);
        }
      }
    }
  }

  private static double[][] shift(double[][] x, double[][] v, double dt) {
    double[][] y = new double[x.length][];
    for (int h = 0; h < x.length; h++) {
      y[h] = x[h].clone();
      for (int j = 0; j < y[h].length; j++) {
        y[h][j] += dt * v[h][j];
      }
    }
    return y;
  }
}
