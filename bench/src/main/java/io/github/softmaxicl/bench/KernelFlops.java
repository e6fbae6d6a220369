package io.github.softmaxicl.bench;

import io.github.softmaxicl.theory.ProblemConfig;

/** Floating-point operation counts that turn the kernel benchmarks' times into GFLOP/s. */
public final class KernelFlops {
  private KernelFlops() {}

  /**
   * Useful flops per prompt of the full model's forward and backward pass: H (8 L D + 10 D² + 6 n D). Softmax
   * exponentials and copies are not counted, so the rate is a lower bound on the arithmetic actually done.
   */
  public static double perPrompt(ProblemConfig c) {
    double l = c.promptLength();
    double d = c.tokenDim();
    double n = c.tasks();
    return c.heads() * (8 * l * d + 10 * d * d + 6 * n * d);
  }

  /** Flops of one dense n×n by n×n multiply (2 n³). */
  public static double squareMultiply(int n) {
    return 2.0 * n * n * n;
  }
}
