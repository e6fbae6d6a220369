package io.github.softmaxicl.experiments;

import java.util.Objects;

/**
 * How a run was integrated: an adaptive ODE integrator with its tolerances, or SGD with its learning rate.
 * Values that do not apply are NaN (written as null).
 *
 * @param name e.g. {@code "DormandPrince853"} or {@code "sgd"}
 * @param relTol relative tolerance (NaN for SGD)
 * @param absTol absolute tolerance (NaN for SGD)
 * @param learningRate SGD learning rate η (NaN for ODE integrators)
 */
public record IntegratorInfo(String name, double relTol, double absTol, double learningRate) {

  /** Validates the name. */
  public IntegratorInfo {
    Objects.requireNonNull(name);
  }

  /** An adaptive ODE integrator. */
  public static IntegratorInfo ode(String name, double relTol, double absTol) {
    return new IntegratorInfo(name, relTol, absTol, Double.NaN);
  }

  /** Stochastic gradient descent with rate η. */
  public static IntegratorInfo sgd(double learningRate) {
    return new IntegratorInfo("sgd", Double.NaN, Double.NaN, learningRate);
  }
}
